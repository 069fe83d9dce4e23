import { ScrollRegion } from "~/components/scroll-region";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUSES, type ApplicationStatus } from "#db/schema";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { moveApplications } from "~/features/applications/move-applications.server";
import { refusedMoveMessage } from "~/features/applications/move-message";
import { countByStatus, listApplications } from "~/features/applications/queries.server";
import { STAFF_TARGETS } from "~/features/applications/rules";
import { SelectField } from "~/components/form-field";
import { buttonClass, cardClass, ProgrammesAdminPage } from "~/features/programmes/components/programme-parts";
import { listSectors } from "~/features/programmes/queries.server";
import { requireProgramme } from "~/features/programmes/require-programme.server";
import { formatDate } from "~/i18n/format";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { badRequest, invariantResponse } from "~/utils/http.server";
import { requestTranslator } from "~/utils/request-locale.server";

const moveSchema = z.object({
  to: z.enum(STAFF_TARGETS),
  ids: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid())),
  // The list's filters, kept across the move.
  back: z
    .string()
    .regex(/^(\?[\w=&%-]*)?$/)
    .optional(),
});

function isStatus(value: string | null): value is ApplicationStatus {
  return APPLICATION_STATUSES.includes(value as ApplicationStatus);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const programme = await requireProgramme(user.centre_id, params.programmeId);
  const search = new URL(request.url).searchParams;
  const status = search.get("status");
  const sectorId = Number(search.get("sector") ?? "") || undefined;
  const filter = { status: isStatus(status) ? status : undefined, sectorId };
  const [applications, counts, sectors] = await Promise.all([
    listApplications(db(), programme.id, filter),
    countByStatus(db(), programme.id),
    listSectors(db(), user.centre_id),
  ]);
  return {
    programme: { id: programme.id, name_vi: programme.name_vi, name_en: programme.name_en },
    filter: { status: filter.status ?? "", sector: sectorId?.toString() ?? "" },
    counts,
    sectors: sectors.map((s) => ({ id: s.id, name_vi: s.name_vi, name_en: s.name_en })),
    moved: Number(search.get("moved") ?? 0) || 0,
    applications: applications.map((a) => ({
      id: a.id,
      team_name: a.team_name,
      status: a.status,
      place: a.place,
      submitted_at: a.submitted_at.toISOString(),
      has_pitch: a.pitch_file_key !== null,
      sector_name_vi: a.sector_name_vi,
      sector_name_en: a.sector_name_en,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "programmes:manage"));
  const programme = await requireProgramme(user.centre_id, params.programmeId);
  const form = await request.formData();
  const parsed = moveSchema.safeParse({
    to: form.get("to"),
    ids: form.getAll("ids"),
    back: form.get("back") ?? undefined,
  });
  if (!parsed.success) return badRequest({ error: "programmes.error.choose" as MessageKey, message: null });
  if (parsed.data.ids.length === 0)
    return badRequest({ error: "programmes.error.noneSelected" as MessageKey, message: null });
  const result = await moveApplications(db(), {
    centreId: user.centre_id,
    programmeId: programme.id,
    staffUserId: user.id,
    actor: user,
    ids: parsed.data.ids,
    to: parsed.data.to,
  });
  if (!result.ok) {
    invariantResponse(result.reason !== "not-found");
    const { t } = await requestTranslator(request);
    return badRequest({ error: null, message: refusedMoveMessage(t, parsed.data.to, result.refused) });
  }
  const back = new URLSearchParams(parsed.data.back?.slice(1) ?? "");
  back.set("moved", String(result.moved));
  return redirect(`/staff/programmes/${programme.id}/applications?${back}`);
}

export default function ProgrammeApplications() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const name = named(page.programme, locale);
  const total = Object.values(page.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const back = new URLSearchParams();
  if (page.filter.status) back.set("status", page.filter.status);
  if (page.filter.sector) back.set("sector", page.filter.sector);
  const backQuery = back.size > 0 ? `?${back}` : "";
  return (
    <ProgrammesAdminPage
      title={t("programmes.apps.title", { programme: name })}
      back={{ to: `/staff/programmes/${page.programme.id}`, label: "programmes.staff.edit" }}
    >
      {page.moved > 0 && !actionData ? (
        <FormNotice tone="success">{t("programmes.apps.moved", { count: page.moved })}</FormNotice>
      ) : null}
      {actionData?.error ? <FormNotice tone="error">{t(actionData.error)}</FormNotice> : null}
      {actionData?.message ? <FormNotice tone="error">{actionData.message}</FormNotice> : null}

      <section aria-labelledby="counts" className={cardClass}>
        <h2 id="counts" className="text-lg font-semibold">
          {t("programmes.apps.counts")}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {APPLICATION_STATUSES.map((status) => (
            <div key={status}>
              <dt className="text-sm text-stone-700">{t(`programmes.status.${status}`)}</dt>
              <dd className="text-lg font-semibold tabular-nums">{page.counts[status] ?? 0}</dd>
            </div>
          ))}
          <div>
            <dt className="text-sm text-stone-700">{t("programmes.apps.total")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{total}</dd>
          </div>
        </dl>
      </section>

      <Form method="get" className={`${cardClass} flex flex-wrap items-end gap-4`}>
        <SelectField
          id="filter-status"
          name="status"
          label="programmes.apps.filterStatus"
          defaultValue={page.filter.status}
          options={[
            { value: "", label: "programmes.apps.all" },
            ...APPLICATION_STATUSES.map((status) => ({ value: status, label: `programmes.status.${status}` as const })),
          ]}
        />
        <SelectField
          id="filter-sector"
          name="sector"
          label="programmes.apps.filterSector"
          defaultValue={page.filter.sector}
          options={[
            { value: "", label: "programmes.apps.all" },
            ...page.sectors.map((s) => ({ value: String(s.id), text: named(s, locale) })),
          ]}
        />
        <button type="submit" className={buttonClass}>
          {t("programmes.apps.filter")}
        </button>
      </Form>

      <Form method="post" className={`${cardClass} space-y-4`}>
        <input type="hidden" name="back" value={backQuery} />
        {page.applications.length === 0 ? (
          <p className="text-stone-700">{t("programmes.apps.none")}</p>
        ) : (
          <ScrollRegion label={t("programmes.apps.title")}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <td className="py-2 pr-2" />
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("programmes.apps.team")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("programmes.apps.filterStatus")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("programmes.apps.filterSector")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("programmes.apps.submittedAt")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("programmes.apps.pitch")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {page.applications.map((a) => (
                  <tr key={a.id}>
                    <td className="py-2 pr-2">
                      <input
                        type="checkbox"
                        name="ids"
                        value={a.id}
                        aria-label={t("programmes.apps.select", { team: a.team_name })}
                        className="h-5 w-5"
                      />
                    </td>
                    <td className="py-2 pr-4">
                      <Link
                        to={`/staff/programmes/${page.programme.id}/applications/${a.id}`}
                        className="font-medium text-brand-800 underline"
                      >
                        {a.team_name}
                      </Link>
                      <span className="block text-stone-700">{a.place}</span>
                    </td>
                    <td className="py-2 pr-4">{t(`programmes.status.${a.status}`)}</td>
                    <td className="py-2 pr-4">{locale === "vi" ? a.sector_name_vi : a.sector_name_en}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDate(a.submitted_at)}</td>
                    <td className="py-2">{a.has_pitch ? t("programmes.apps.hasPitch") : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {page.applications.length > 0 ? (
          <div className="flex flex-wrap items-end gap-4">
            <SelectField
              id="bulk-to"
              name="to"
              label="programmes.apps.moveTo"
              options={STAFF_TARGETS.map((status) => ({
                value: status,
                label: `programmes.status.${status}` as const,
              }))}
            />
            <button type="submit" className={buttonClass}>
              {t("programmes.apps.move")}
            </button>
          </div>
        ) : null}
      </Form>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.nav.staff");
