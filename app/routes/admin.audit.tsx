import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormField, SelectField } from "~/components/form-field";
import { parseAuditFilters } from "~/features/audit/filter-form";
import { auditFilterChoices, listAuditPage } from "~/features/audit/queries.server";
import { actionLabelKey, auditDiff, entityLabelKey, showValue, type AuditRow } from "~/features/audit/rules";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

const PAGE_SIZE = 50;

// The audit log, for administrators only: filter by who, what kind of record, action and
// period (dd/MM/yyyy, the centre's days); each entry shows its changes field by field.
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "audit:read");
  const url = new URL(request.url);
  const parsed = parseAuditFilters(url);
  const [found, zone] = await Promise.all([
    auditFilterChoices(db(), admin.centre_id),
    getCentreZone(db(), admin.centre_id),
  ]);
  // Kinds of record and actions are offered in words; one without a name shows as its code.
  const choices = {
    actors: found.actors,
    entityTypes: found.entityTypes.map((value) => ({ value, label: entityLabelKey(value) })),
    actions: found.actions.map((value) => ({ value, label: actionLabelKey(value) })),
  };
  if (!parsed.ok) {
    return data(
      { choices, errors: parsed.errors, values: parsed.values, entries: [], total: 0, page: 1, pages: 1 },
      { status: 400 },
    );
  }
  const { filters } = parsed;
  const { entries, total } = await listAuditPage(
    db(),
    admin.centre_id,
    {
      actorId: filters.actor || undefined,
      entityType: filters.entity || undefined,
      action: filters.action || undefined,
      start: filters.from ? DateTime.fromISO(filters.from, { zone }).toJSDate() : undefined,
      end: filters.to ? DateTime.fromISO(filters.to, { zone }).plus({ days: 1 }).toJSDate() : undefined,
    },
    filters.page,
    PAGE_SIZE,
  );
  return {
    choices,
    errors: null,
    values: parsed.values,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    entries: entries.map((entry) => ({
      id: entry.id,
      at: formatDateTime(entry.at, zone),
      action: entry.action,
      actionLabel: actionLabelKey(entry.action),
      entityType: entry.entity_type,
      entityLabel: entityLabelKey(entry.entity_type),
      ip: entry.ip,
      entityId: entry.entity_id,
      actorName: entry.actor_name,
      actorEmail: entry.actor_email,
      actorRole: entry.actor_role,
      kind:
        entry.before === null
          ? ("created" as const)
          : entry.after === null
            ? ("deleted" as const)
            : ("changed" as const),
      changes: auditDiff(entry.before as AuditRow | null, entry.after as AuditRow | null).map((change) => ({
        field: change.field,
        before: showValue(change.before),
        after: showValue(change.after),
      })),
    })),
  };
}

export default function AdminAudit() {
  const { choices, errors, values, entries, total, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const pageLink = (n: number) => {
    const query = new URLSearchParams({ ...values, page: String(n) });
    return `?${query.toString()}`;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t("audit.lead")}</p>
      </div>

      <Form method="get" className={`${cardClass} grid gap-4 sm:grid-cols-2 lg:grid-cols-3`}>
        {errors ? (
          <p role="alert" className="font-medium text-red-800 sm:col-span-2 lg:col-span-3">
            {t("audit.filter.invalid")}
          </p>
        ) : null}
        <SelectField
          name="actor"
          label="audit.filter.actor"
          defaultValue={values.actor}
          errors={errors ?? undefined}
          options={[
            { value: "", label: "audit.filter.anyActor" },
            ...choices.actors.map((actor) => ({ value: actor.id, text: `${actor.name} (${actor.email})` })),
          ]}
        />
        <SelectField
          name="entity"
          label="audit.filter.entity"
          defaultValue={values.entity}
          errors={errors ?? undefined}
          options={[
            { value: "", label: "audit.filter.anyEntity" },
            ...choices.entityTypes.map((type) =>
              type.label ? { value: type.value, label: type.label } : { value: type.value, text: type.value },
            ),
          ]}
        />
        <SelectField
          name="action"
          label="audit.filter.action"
          defaultValue={values.action}
          errors={errors ?? undefined}
          options={[
            { value: "", label: "audit.filter.anyAction" },
            // An action typed in the address (e.g. "resource" for every verb) stays chosen.
            ...(values.action && !choices.actions.some((a) => a.value === values.action)
              ? [{ value: values.action, text: values.action }]
              : []),
            ...choices.actions.map((action) =>
              action.label
                ? { value: action.value, text: `${t(action.label)} (${action.value})` }
                : { value: action.value, text: action.value },
            ),
          ]}
        />
        <FormField
          name="from"
          label="audit.filter.from"
          hint="audit.filter.dateHint"
          placeholder="dd/MM/yyyy"
          defaultValue={values.from}
          errors={errors ?? undefined}
        />
        <FormField
          name="to"
          label="audit.filter.to"
          hint="audit.filter.dateHint"
          placeholder="dd/MM/yyyy"
          defaultValue={values.to}
          errors={errors ?? undefined}
        />
        <div className="flex items-end gap-4">
          <button type="submit" className={buttonClass}>
            {t("audit.filter.apply")}
          </button>
          <Link to="/admin/audit" className="font-medium text-brand-800 underline">
            {t("audit.filter.clear")}
          </Link>
        </div>
      </Form>

      <p className="text-sm text-stone-700">{t("audit.total", { count: total })}</p>

      {entries.length === 0 ? (
        <p className="text-stone-700">{t("audit.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className={cardClass}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {entry.actionLabel ? t(entry.actionLabel) : entry.action} ·{" "}
                  {entry.entityLabel ? t(entry.entityLabel) : entry.entityType}{" "}
                  <span className="font-normal break-all text-stone-700">{entry.entityId}</span>
                </h2>
                <span className="text-sm text-stone-700 tabular-nums">{entry.at}</span>
              </div>
              <p className="mt-1 text-sm text-stone-800">
                {t("audit.actor")}:{" "}
                {entry.actorName ? `${entry.actorName} (${entry.actorEmail})` : t("audit.unknownActor")} ·{" "}
                {t(`role.${entry.actorRole}` as "role.admin")}
                {entry.ip ? (
                  <>
                    {" "}
                    · {t("audit.ip")}: <span className="tabular-nums">{entry.ip}</span>
                  </>
                ) : null}
                {" · "}
                {t("audit.code")}: <code>{entry.action}</code>
              </p>
              {entry.kind !== "changed" ? (
                <p className="mt-1 text-sm font-medium text-stone-800">
                  {t(entry.kind === "created" ? "audit.created" : "audit.deleted")}
                </p>
              ) : null}
              {entry.changes.length === 0 ? (
                <p className="mt-2 text-sm text-stone-700">{t("audit.noChanges")}</p>
              ) : (
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead>
                      <tr>
                        <th scope="col" className="px-2 py-1 text-left font-semibold">
                          {t("audit.field")}
                        </th>
                        <th scope="col" className="px-2 py-1 text-left font-semibold">
                          {t("audit.before")}
                        </th>
                        <th scope="col" className="px-2 py-1 text-left font-semibold">
                          {t("audit.after")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {entry.changes.map((change) => (
                        <tr key={change.field} className="border-t border-stone-200">
                          <th scope="row" className="px-2 py-1 text-left font-mono font-normal">
                            {change.field}
                          </th>
                          <td className="px-2 py-1 break-all text-red-900">
                            <del>{change.before}</del>
                          </td>
                          <td className="px-2 py-1 break-all text-brand-800">
                            <span aria-hidden="true">→ </span>
                            <ins className="no-underline">{change.after}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {pages > 1 ? (
        <nav aria-label={t("audit.pagination")} className="flex items-center justify-between gap-3">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="font-medium text-brand-800 underline">
              {t("audit.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-stone-700">{t("audit.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(page + 1)} className="font-medium text-brand-800 underline">
              {t("audit.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("audit.meta.title");
