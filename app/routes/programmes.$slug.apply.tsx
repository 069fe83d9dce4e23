import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { formValues, parseApplicationForm } from "~/features/applications/application-form";
import { takeApplication } from "~/features/applications/public-rate-limit.server";
import { ApplicationForm, founderRowCount } from "~/features/applications/components/application-form-fields";
import { windowState, type WindowState } from "~/features/applications/rules";
import { pitchErrors, submitApplication } from "~/features/applications/submit-application.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { listSectors } from "~/features/programmes/queries.server";
import { requirePublicProgramme } from "~/features/programmes/require-programme.server";
import { readFormWithPitch } from "~/features/uploads/pitch-files.server";
import { formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { appUrl, getEnv } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { requestTranslator } from "~/utils/request-locale.server";

// Closed to applications: 403 before the window opens (or with none), 410 once it closed.
const CLOSED: Record<Exclude<WindowState, "open">, { status: number; message: MessageKey }> = {
  "not-open": { status: 403, message: "programmes.apply.notOpen" },
  closed: { status: 410, message: "programmes.apply.closed" },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: no account needed to apply.
  const programme = await requirePublicProgramme(params.slug);
  const state = windowState(programme, new Date());
  const sectors = await listSectors(db(), programme.centre_id, { activeOnly: true });
  const asked = Number(new URL(request.url).searchParams.get("rows") ?? 0) || 0;
  const page = {
    slug: programme.slug,
    name_vi: programme.name_vi,
    name_en: programme.name_en,
    closesAt: programme.applications_close_at?.toISOString() ?? null,
    closedMessage: state === "open" ? null : CLOSED[state].message,
    sectors: sectors.map((s) => ({ id: s.id, name_vi: s.name_vi, name_en: s.name_en })),
    founderRows: founderRowCount({}, asked),
    pitchMaxMb: Math.floor(getEnv().PITCH_MAX_BYTES / 1_048_576),
  };
  return state === "open" ? page : data(page, { status: CLOSED[state].status });
}

type ActionResult = { errors?: FieldErrors; values?: Record<string, string>; closedMessage?: MessageKey };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const programme = await requirePublicProgramme(params.slug);
  const state = windowState(programme, new Date());
  if (state !== "open")
    return data<ActionResult>({ closedMessage: CLOSED[state].message }, { status: CLOSED[state].status });

  const { formData, pitch } = await readFormWithPitch(request);
  const values = formValues(formData);
  // Every attempt from the address counts; over the limit nothing is checked or written, and
  // the answers come back so the applicant can send them later.
  const wait = takeApplication(context.clientIp);
  if (wait !== null)
    return data<ActionResult>(
      { errors: { _form: "programmes.apply.tooMany" }, values },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  const parsed = parseApplicationForm(formData);
  if (!parsed.ok)
    return badRequest<ActionResult>({ errors: { ...parsed.errors, ...pitchErrors(pitch) }, values: parsed.values });

  const { locale } = await requestTranslator(request);
  const result = await submitApplication(db(), { programme, form: parsed.data, pitch, appUrl: appUrl(), locale });
  if (!result.ok) {
    if (result.reason === "duplicate" || result.reason === "invalid") {
      return badRequest<ActionResult>({ errors: result.errors, values });
    }
    return data<ActionResult>(
      { closedMessage: CLOSED[result.reason].message },
      { status: CLOSED[result.reason].status },
    );
  }
  void runOutboxOnce();
  return redirect(`/programmes/${programme.slug}/applied`);
}

export default function Apply() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const name = named(page, locale);
  const closedMessage = actionData?.closedMessage ?? page.closedMessage;
  const values = actionData?.values ?? {};
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link to="/programmes" className="text-sm font-medium text-brand-800 underline">
          {t("programmes.apply.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("programmes.apply.title")}</h1>
        <p className="mt-1 text-lg text-stone-800">{name}</p>
      </div>
      {closedMessage ? (
        <FormNotice tone="error">{t(closedMessage)}</FormNotice>
      ) : (
        <>
          <p className="text-stone-800">
            {t("programmes.apply.intro", { deadline: page.closesAt ? formatDateTime(page.closesAt) : "" })}
          </p>
          <p>
            <Link to={`/programmes/${page.slug}/resend-link`} className="text-sm font-medium text-brand-800 underline">
              {t("programmes.resend.link")}
            </Link>
          </p>
          <ApplicationForm
            sectors={page.sectors}
            values={values}
            errors={actionData?.errors}
            founderRows={founderRowCount(values, page.founderRows)}
            pitchMaxMb={page.pitchMaxMb}
            moreRowsHref={`/programmes/${page.slug}/apply?rows=5`}
            submitLabel="programmes.apply.submit"
          />
        </>
      )}
    </div>
  );
}

export const meta = titleMeta("programmes.apply.title");
