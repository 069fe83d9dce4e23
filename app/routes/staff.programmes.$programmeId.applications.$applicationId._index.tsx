import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SelectField } from "~/components/form-field";
import { formatBytes } from "~/features/applications/components/application-form-fields";
import { incubateApplication } from "~/features/applications/incubate.server";
import { moveApplications } from "~/features/applications/move-applications.server";
import { refusedMoveMessage } from "~/features/applications/move-message";
import { getApplication, listEvents, listFounders } from "~/features/applications/queries.server";
import { STAFF_TARGETS, staffMovesFrom } from "~/features/applications/rules";
import { auditActor } from "~/features/audit/record-audit.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { appUrl } from "~/utils/env.server";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { buttonClass, cardClass, ProgrammesAdminPage } from "~/features/programmes/components/programme-parts";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { badRequest, invariantResponse } from "~/utils/http.server";
import { requestTranslator } from "~/utils/request-locale.server";

const moveSchema = z.object({ to: z.enum(STAFF_TARGETS) });

const INCUBATE_ERRORS = {
  "not-winner": "programmes.error.notWinner",
  "team-name-taken": "programmes.error.teamNameTaken",
} as const satisfies Record<string, MessageKey>;

async function applicationFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requirePermission(request, "programmes:manage");
  const application = await getApplication(db(), user.centre_id, params.programmeId ?? "", params.applicationId ?? "");
  invariantResponse(application);
  return { user, application };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await applicationFor(request, params);
  const [founders, events] = await Promise.all([listFounders(db(), application.id), listEvents(db(), application.id)]);
  return {
    programmeId: application.programme_id,
    application: {
      id: application.id,
      team_name: application.team_name,
      status: application.status,
      idea: application.idea,
      problem: application.problem,
      place: application.place,
      stage: application.stage,
      jobs_expected: application.jobs_expected,
      links: application.links,
      sector_name_vi: application.sector_name_vi,
      sector_name_en: application.sector_name_en,
      submitted_at: application.submitted_at.toISOString(),
      pitch: application.pitch_file_name
        ? { name: application.pitch_file_name, bytes: application.pitch_file_bytes ?? 0 }
        : null,
    },
    founders,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    moves: staffMovesFrom(application.status),
    teamId: application.team_id,
    moved: new URL(request.url).searchParams.has("moved"),
    incubated: (() => {
      const search = new URL(request.url).searchParams;
      return search.has("linked")
        ? { linked: Number(search.get("linked")) || 0, invited: Number(search.get("invited")) || 0 }
        : null;
    })(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await applicationFor(request, params);
  const { application } = found;
  const user = auditActor(context, found.user);
  const form = await request.formData();
  if (form.get("intent") === "incubate") {
    const result = await incubateApplication(db(), {
      staff: user,
      centre: await requireCurrentCentre(),
      programmeId: application.programme_id,
      applicationId: application.id,
      appUrl: appUrl(),
    });
    if (!result.ok) {
      invariantResponse(result.reason !== "not-found");
      return badRequest({ message: null, error: INCUBATE_ERRORS[result.reason] as MessageKey });
    }
    void runOutboxOnce();
    return redirect(
      `/staff/programmes/${application.programme_id}/applications/${application.id}?linked=${result.linked}&invited=${result.invited}`,
    );
  }
  const parsed = moveSchema.safeParse({ to: form.get("to") });
  if (!parsed.success) return badRequest({ message: null, error: "programmes.error.choose" as MessageKey });
  const result = await moveApplications(db(), {
    centreId: user.centre_id,
    programmeId: application.programme_id,
    staffUserId: user.id,
    actor: user,
    ids: [application.id],
    to: parsed.data.to,
  });
  if (!result.ok) {
    invariantResponse(result.reason !== "not-found");
    const { t } = await requestTranslator(request);
    return badRequest({ message: refusedMoveMessage(t, parsed.data.to, result.refused), error: null });
  }
  return redirect(`/staff/programmes/${application.programme_id}/applications/${application.id}?moved=1`);
}

export default function ApplicationDetail() {
  const { programmeId, application, founders, events, moves, moved, teamId, incubated } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const facts: Array<[MessageKey, string]> = [
    ["programmes.field.sector", (locale === "vi" ? application.sector_name_vi : application.sector_name_en) ?? ""],
    ["programmes.field.place", application.place],
    ["programmes.field.stage", t(`programmes.stage.${application.stage}`)],
    ["programmes.field.jobsExpected", String(application.jobs_expected)],
    ["programmes.apps.submittedAt", formatDateTime(application.submitted_at)],
    ["programmes.field.idea", application.idea],
    ["programmes.field.problem", application.problem],
  ];
  return (
    <ProgrammesAdminPage
      title={application.team_name}
      back={{ to: `/staff/programmes/${programmeId}/applications`, label: "programmes.app.back" }}
    >
      {moved && !actionData ? <FormNotice tone="success">{t("programmes.app.moved")}</FormNotice> : null}
      {incubated && !actionData ? (
        <FormNotice tone="success">{t("programmes.app.incubated", incubated)}</FormNotice>
      ) : null}
      {actionData?.message ? <FormNotice tone="error">{actionData.message}</FormNotice> : null}
      {actionData?.error ? <FormNotice tone="error">{t(actionData.error)}</FormNotice> : null}
      <p className="text-xl font-semibold text-brand-800">{t(`programmes.status.${application.status}`)}</p>

      <section aria-labelledby="move" className={`${cardClass} max-w-2xl`}>
        <h2 id="move" className="text-lg font-semibold">
          {t("programmes.app.moveTitle")}
        </h2>
        {moves.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("programmes.app.noMoves")}</p>
        ) : (
          <Form method="post" className="mt-3 flex flex-wrap items-end gap-4">
            <SelectField
              id="move-to"
              name="to"
              label="programmes.app.moveTo"
              options={moves.map((status) => ({ value: status, label: `programmes.status.${status}` as const }))}
            />
            <button type="submit" className={buttonClass}>
              {t("programmes.app.moveSubmit")}
            </button>
          </Form>
        )}
      </section>

      {application.status === "winner" || teamId ? (
        <section aria-labelledby="incubate" className={`${cardClass} max-w-2xl`}>
          <h2 id="incubate" className="text-lg font-semibold">
            {t("programmes.app.incubateTitle")}
          </h2>
          {teamId ? (
            <Link to={`/staff/teams/${teamId}`} className="mt-2 inline-block font-medium text-brand-800 underline">
              {t("programmes.app.viewTeam")}
            </Link>
          ) : (
            <Form method="post" className="mt-2 space-y-3">
              <p className="text-stone-800">{t("programmes.app.incubateHint")}</p>
              <button type="submit" name="intent" value="incubate" className={buttonClass}>
                {t("programmes.app.incubate")}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      <section className={cardClass} aria-labelledby="facts">
        <h2 id="facts" className="sr-only">
          {t("programmes.form.team")}
        </h2>
        <dl className="space-y-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm font-medium text-stone-700">{t(label)}</dt>
              <dd className="whitespace-pre-line text-stone-900">{value}</dd>
            </div>
          ))}
          <div>
            <dt className="text-sm font-medium text-stone-700">{t("programmes.app.links")}</dt>
            <dd>
              {application.links.length === 0 ? (
                t("programmes.app.none")
              ) : (
                <ul>
                  {application.links.map((link) => (
                    <li key={link}>
                      <a href={link} rel="noopener noreferrer nofollow" className="break-all text-brand-800 underline">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <p className="mt-4">
          {application.pitch ? (
            <a
              href={`/staff/programmes/${programmeId}/applications/${application.id}/pitch`}
              className="font-medium text-brand-800 underline"
              download
            >
              {t("programmes.app.pitch", {
                name: application.pitch.name,
                size: formatBytes(application.pitch.bytes, locale),
              })}
            </a>
          ) : (
            <span className="text-stone-700">{t("programmes.app.noPitch")}</span>
          )}
        </p>
      </section>

      <section aria-labelledby="contact" className={cardClass}>
        <h2 id="contact" className="text-lg font-semibold">
          {t("programmes.app.contact")}
        </h2>
        <ul className="mt-2 space-y-2">
          {founders.map((f) => (
            <li key={f.position}>
              <span className="font-medium">{f.name}</span> ·{" "}
              <a href={`mailto:${f.email}`} className="text-brand-800 underline">
                {f.email}
              </a>{" "}
              ·{" "}
              <a href={`tel:${f.phone.replace(/[^\d+]/g, "")}`} className="text-brand-800 underline">
                {f.phone}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history" className={cardClass}>
        <h2 id="history" className="text-lg font-semibold">
          {t("programmes.app.history")}
        </h2>
        <ol className="mt-2 space-y-1">
          {events.map((e) => (
            <li key={e.id}>
              <span className="tabular-nums">{formatDateTime(e.at)}</span> —{" "}
              {e.from_status
                ? t("programmes.app.event", {
                    from: t(`programmes.status.${e.from_status}`),
                    to: t(`programmes.status.${e.to_status}`),
                  })
                : t(`programmes.status.${e.to_status}`)}{" "}
              <span className="text-stone-700">
                {e.by_name
                  ? t("programmes.app.by", { name: e.by_name })
                  : e.from_status
                    ? t("programmes.app.byRemoved")
                    : t("programmes.app.byApplicant")}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.nav.staff");
