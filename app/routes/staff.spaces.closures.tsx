import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CLOSURE_KINDS } from "#db/schema";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { closeTime } from "~/features/spaces/close-time.server";
import { buttonClass, cardClass, dangerButtonClass, SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { deleteClosure } from "~/features/spaces/delete-closure.server";
import { closureFormSchema } from "~/features/spaces/forms";
import { findCentreZone, listClosures, listResources } from "~/features/spaces/queries.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const deleteSchema = z.object({ closureId: z.uuid() });

interface HeldRow {
  id: string;
  resourceCode: string;
  personName: string | null;
  startsAt: string;
  endsAt: string;
}

type ActionResult = {
  errors?: FieldErrors;
  values?: Record<string, string>;
  held?: HeldRow[];
  notice?: MessageKey;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const [closures, resources, zone] = await Promise.all([
    listClosures(db(), user.centre_id, new Date()),
    listResources(db(), user.centre_id),
    findCentreZone(db(), user.centre_id),
  ]);
  const params = new URL(request.url).searchParams;
  const cancelled = params.get("cancelled");
  return {
    zone,
    closures,
    resources: resources.map((r) => ({ id: r.id, code: r.code, name_vi: r.name_vi, name_en: r.name_en })),
    notice: params.has("deleted")
      ? ("spacesAdmin.closures.deleted" as const)
      : cancelled === "0"
        ? ("spacesAdmin.closures.saved" as const)
        : cancelled
          ? ("spacesAdmin.closures.savedCancelled" as const)
          : null,
    cancelled: Number(cancelled ?? 0) || 0,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const form = await request.formData();

  if (form.get("intent") === "delete") {
    const parsed = parseForm(deleteSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await deleteClosure(db(), user.centre_id, parsed.data.closureId));
    return redirect("/staff/spaces/closures?deleted=1");
  }

  const parsed = parseForm(closureFormSchema, form);
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values });
  const zone = await findCentreZone(db(), user.centre_id);
  const result = await closeTime(db(), { centreId: user.centre_id, zone, staffUserId: user.id, form: parsed.data });
  invariantResponse(result);
  const { decision: _decision, shown: _shown, ...values } = parsed.data;
  switch (result.outcome) {
    case "invalid":
      return badRequest<ActionResult>({ errors: result.errors, values });
    case "confirm":
      return data<ActionResult>({
        values,
        held: result.bookings.map((b) => ({
          id: b.id,
          resourceCode: b.resource_code,
          personName: b.person_name,
          startsAt: b.starts_at.toISOString(),
          endsAt: b.ends_at.toISOString(),
        })),
      });
    case "stopped":
      return data<ActionResult>({ notice: "spacesAdmin.closures.stopped" });
    case "closed":
      return redirect(`/staff/spaces/closures?cancelled=${result.cancelled}`);
  }
}

function ConfirmHeldBookings({ held, values }: { held: HeldRow[]; values: Record<string, string> }) {
  const t = useT();
  const { zone } = useLoaderData<typeof loader>();
  return (
    <section
      aria-labelledby="held-title"
      role="alert"
      className="rounded-xl border border-amber-700 bg-amber-50 p-4 sm:p-6"
    >
      <h2 id="held-title" className="text-lg font-semibold text-stone-900">
        {t("spacesAdmin.closures.heldTitle", { count: held.length })}
      </h2>
      <p className="mt-1 text-stone-800">{t("spacesAdmin.closures.heldIntro")}</p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-stone-900">
        {held.map((b) => (
          <li key={b.id}>
            {b.resourceCode} · {formatDateTime(b.startsAt, zone)}–{formatTime(b.endsAt, zone)} ·{" "}
            {b.personName ?? t("spacesAdmin.closures.heldBlock")}
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-4 flex flex-wrap gap-3">
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {held.map((b) => (
          <input key={b.id} type="hidden" name="shown" value={b.id} />
        ))}
        <button type="submit" name="decision" value="cancel" className={buttonClass}>
          {t("spacesAdmin.closures.cancelThem")}
        </button>
        <button
          type="submit"
          name="decision"
          value="stop"
          className="rounded-md border border-stone-700 px-4 py-2 font-medium text-stone-900 hover:bg-stone-100"
        >
          {t("spacesAdmin.closures.stop")}
        </button>
      </Form>
    </section>
  );
}

export default function Closures() {
  const { closures, resources, zone, notice, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values;
  return (
    <SpacesAdminPage title={t("spacesAdmin.closures.title")}>
      {actionData?.notice ? <FormNotice tone="success">{t(actionData.notice)}</FormNotice> : null}
      {!actionData && notice ? <FormNotice tone="success">{t(notice, { count: cancelled })}</FormNotice> : null}
      {actionData?.held && values ? <ConfirmHeldBookings held={actionData.held} values={values} /> : null}

      <section aria-labelledby="closures-upcoming" className={cardClass}>
        <h2 id="closures-upcoming" className="text-lg font-semibold">
          {t("spacesAdmin.closures.upcoming")}
        </h2>
        {closures.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("spacesAdmin.closures.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {closures.map((c) => {
              const reason = locale === "vi" ? c.reason_vi : c.reason_en;
              return (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">{reason}</p>
                    <p className="text-sm text-stone-700">
                      {t(`spacesAdmin.closureKind.${c.kind}`)} ·{" "}
                      {c.resource_code ?? t("spacesAdmin.closures.wholeCentre")} ·{" "}
                      {t("spacesAdmin.closures.period", {
                        starts: formatDateTime(c.starts_at, zone),
                        ends: formatDateTime(c.ends_at, zone),
                      })}
                    </p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="closureId" value={c.id} />
                    <button
                      type="submit"
                      aria-label={t("spacesAdmin.closures.deleteLabel", { reason })}
                      className={dangerButtonClass}
                    >
                      {t("spacesAdmin.closures.delete")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="closures-add" className={`${cardClass} max-w-2xl`}>
        <h2 id="closures-add" className="text-lg font-semibold">
          {t("spacesAdmin.closures.add")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4" key={actionData?.notice ?? "form"}>
          <input type="hidden" name="intent" value="add" />
          <FormErrorSummary errors={actionData?.errors} />
          <div className="space-y-1">
            <label htmlFor="field-scope" className="block text-sm font-medium text-stone-800">
              {t("spacesAdmin.closures.scope")}
            </label>
            <select
              id="field-scope"
              name="scope"
              defaultValue={values?.scope ?? "centre"}
              aria-invalid={actionData?.errors?.scope ? true : undefined}
              aria-describedby={actionData?.errors?.scope ? "field-scope-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm"
            >
              <option value="centre">{t("spacesAdmin.closures.wholeCentre")}</option>
              {resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.code} — {locale === "vi" ? r.name_vi : r.name_en}
                </option>
              ))}
            </select>
            {actionData?.errors?.scope ? (
              <p id="field-scope-error" className="text-sm font-medium text-red-800">
                {t(actionData.errors.scope)}
              </p>
            ) : null}
          </div>
          <SelectField
            name="kind"
            label="spacesAdmin.closures.kind"
            errors={actionData?.errors}
            defaultValue={values?.kind ?? "maintenance"}
            options={CLOSURE_KINDS.map((kind) => ({ value: kind, label: `spacesAdmin.closureKind.${kind}` as const }))}
          />
          <FormField
            name="reasonVi"
            label="spacesAdmin.closures.reasonVi"
            errors={actionData?.errors}
            defaultValue={values?.reasonVi}
            required
          />
          <FormField
            name="reasonEn"
            label="spacesAdmin.closures.reasonEn"
            errors={actionData?.errors}
            defaultValue={values?.reasonEn}
            required
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              name="startsAt"
              type="datetime-local"
              label="spacesAdmin.closures.startsAt"
              errors={actionData?.errors}
              defaultValue={values?.startsAt}
              required
            />
            <FormField
              name="endsAt"
              type="datetime-local"
              label="spacesAdmin.closures.endsAt"
              errors={actionData?.errors}
              defaultValue={values?.endsAt}
              required
            />
          </div>
          <button type="submit" className={buttonClass}>
            {t("spacesAdmin.closures.submit")}
          </button>
        </Form>
      </section>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.closures.title");
