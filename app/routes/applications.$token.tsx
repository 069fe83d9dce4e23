import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formValues, MAX_FOUNDERS, parseApplicationForm } from "~/features/applications/application-form";
import { ApplicationForm, founderRowCount } from "~/features/applications/components/application-form-fields";
import { findApplicationByTokenHash, listFounders } from "~/features/applications/queries.server";
import { windowState } from "~/features/applications/rules";
import { pitchErrors } from "~/features/applications/submit-application.server";
import { updateApplication } from "~/features/applications/update-application.server";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { hashToken } from "~/features/auth/session.server";
import { listSectors } from "~/features/programmes/queries.server";
import { readFormWithPitch } from "~/features/uploads/pitch-files.server";
import { formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { getEnv } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

// The applicant's own page: whoever holds the emailed link (no account) follows the
// application here and edits it until the deadline. Unknown links are 404.
async function applicationFor(token: string | undefined) {
  const application = await findApplicationByTokenHash(db(), hashToken(token ?? ""));
  invariantResponse(application);
  return application;
}

/** The form's values as the applicant last saved them. */
function savedValues(
  application: Awaited<ReturnType<typeof applicationFor>>,
  founders: Awaited<ReturnType<typeof listFounders>>,
): Record<string, string> {
  const values: Record<string, string> = {
    teamName: application.team_name,
    idea: application.idea,
    problem: application.problem,
    sectorId: String(application.sector_id),
    place: application.place,
    stage: application.stage,
    jobsExpected: String(application.jobs_expected),
    links: application.links.join("\n"),
  };
  founders.forEach((f, row) => {
    values[`founderName${row}`] = f.name;
    values[`founderEmail${row}`] = f.email;
    values[`founderPhone${row}`] = f.phone;
  });
  return values;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const application = await applicationFor(params.token);
  const [founders, sectors] = await Promise.all([
    listFounders(db(), application.id),
    listSectors(db(), application.centre_id),
  ]);
  const editable = windowState(application, new Date()) === "open";
  const asked = Number(new URL(request.url).searchParams.get("rows") ?? 0) || 0;
  return {
    programme: { name_vi: application.programme_name_vi, name_en: application.programme_name_en },
    status: application.status,
    submittedAt: application.submitted_at.toISOString(),
    closesAt: application.applications_close_at?.toISOString() ?? null,
    editable,
    saved: new URL(request.url).searchParams.has("saved"),
    values: savedValues(application, founders),
    // A deactivated sector stays listed when this application names it.
    sectors: sectors
      .filter((s) => s.is_active || s.id === application.sector_id)
      .map((s) => ({ id: s.id, name_vi: s.name_vi, name_en: s.name_en })),
    asked,
    pitch: application.pitch_file_name
      ? { name: application.pitch_file_name, bytes: application.pitch_file_bytes ?? 0 }
      : null,
    pitchMaxMb: Math.floor(getEnv().PITCH_MAX_BYTES / 1_048_576),
  };
}

type ActionResult = { errors?: FieldErrors; values?: Record<string, string>; closedMessage?: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const application = await applicationFor(params.token);
  if (windowState(application, new Date()) !== "open") {
    return data<ActionResult>({ closedMessage: "programmes.apply.closed" }, { status: 410 });
  }
  const { formData, pitch } = await readFormWithPitch(request);
  const values = formValues(formData);
  const parsed = parseApplicationForm(formData);
  if (!parsed.ok) return badRequest<ActionResult>({ errors: { ...parsed.errors, ...pitchErrors(pitch) }, values });
  const result = await updateApplication(db(), { application, form: parsed.data, pitch });
  if (!result.ok) {
    if (result.reason === "closed")
      return data<ActionResult>({ closedMessage: "programmes.apply.closed" }, { status: 410 });
    return badRequest<ActionResult>({ errors: result.errors, values });
  }
  return redirect(`/applications/${params.token}?saved=1`);
}

export default function MyApplication() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values ?? page.values;
  const deadline = page.closesAt ? formatDateTime(page.closesAt) : "";
  const editable = page.editable && !actionData?.closedMessage;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("programmes.mine.title")}</h1>
        <p className="mt-1 text-lg text-stone-800">{named(page.programme, locale)}</p>
      </div>
      <section aria-labelledby="status" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
        <h2 id="status" className="text-lg font-semibold">
          {t("programmes.mine.status")}
        </h2>
        <p className="mt-1 text-xl font-semibold text-brand-800">{t(`programmes.status.${page.status}`)}</p>
        <p className="text-sm text-stone-700">
          {t("programmes.mine.submittedAt", { at: formatDateTime(page.submittedAt) })}
        </p>
      </section>
      {page.saved && !actionData ? <FormNotice tone="success">{t("programmes.mine.saved")}</FormNotice> : null}
      {actionData?.closedMessage ? <FormNotice tone="error">{t(actionData.closedMessage)}</FormNotice> : null}
      {editable ? (
        <>
          <p className="text-stone-800">{t("programmes.mine.editUntil", { deadline })}</p>
          <ApplicationForm
            sectors={page.sectors}
            values={values}
            errors={actionData?.errors}
            founderRows={founderRowCount(values, page.asked)}
            pitchMaxMb={page.pitchMaxMb}
            currentPitch={page.pitch}
            moreRowsHref="?rows=5"
            submitLabel="programmes.mine.save"
          />
        </>
      ) : (
        <>
          {!actionData?.closedMessage ? (
            <FormNotice tone="error">{t("programmes.mine.readOnly", { deadline })}</FormNotice>
          ) : null}
          <ApplicationSummary values={page.values} sectors={page.sectors} pitch={page.pitch} />
        </>
      )}
    </div>
  );
}

function ApplicationSummary({
  values,
  sectors,
  pitch,
}: {
  values: Record<string, string>;
  sectors: Array<{ id: number; name_vi: string; name_en: string }>;
  pitch: { name: string; bytes: number } | null;
}) {
  const t = useT();
  const locale = useLocale();
  const sector = sectors.find((s) => String(s.id) === values.sectorId);
  const rows: Array<[MessageKey, string]> = [
    ["programmes.field.teamName", values.teamName ?? ""],
    ["programmes.field.idea", values.idea ?? ""],
    ["programmes.field.problem", values.problem ?? ""],
    ["programmes.field.sector", sector ? named(sector, locale) : ""],
    ["programmes.field.place", values.place ?? ""],
    ["programmes.field.stage", values.stage ? t(`programmes.stage.${values.stage}` as MessageKey) : ""],
    ["programmes.field.jobsExpected", values.jobsExpected ?? ""],
    ["programmes.app.links", values.links || t("programmes.app.none")],
    ["programmes.field.pitch", pitch ? pitch.name : t("programmes.app.none")],
  ];
  const founders = Array.from({ length: MAX_FOUNDERS }, (_, row) => row).filter((row) => values[`founderName${row}`]);
  return (
    <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
      <dl className="space-y-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm font-medium text-stone-700">{t(label)}</dt>
            <dd className="whitespace-pre-line text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-4 text-lg font-semibold">{t("programmes.mine.founders")}</h2>
      <ul className="mt-2 space-y-1">
        {founders.map((row) => (
          <li key={row}>
            {values[`founderName${row}`]} · {values[`founderEmail${row}`]} · {values[`founderPhone${row}`]}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta = titleMeta("programmes.mine.title");

// The link is the applicant's only key: keep the page (and so the link) out of caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });
