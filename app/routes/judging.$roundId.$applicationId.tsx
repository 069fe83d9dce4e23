import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission, type SessionUser } from "~/features/auth/session.server";
import { getCentreZone, isUuid } from "~/features/bookings/queries.server";
import {
  buttonClass,
  JudgingPage,
  named,
  Section,
  secondaryButtonClass,
} from "~/features/judging/components/judging-parts";
import { declareConflict } from "~/features/judging/declare-conflict.server";
import { conflictFormSchema, scoreCommentSchema, submittedScores } from "~/features/judging/forms";
import {
  getApplicationForJudge,
  getAssignment,
  getRoundForJudge,
  listCriteria,
  ownScores,
  type AssignmentKey,
} from "~/features/judging/queries.server";
import { isScoringOpen } from "~/features/judging/rules";
import { scoreApplication } from "~/features/judging/score-application.server";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

interface ActionResult {
  intent: "score" | "conflict";
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/**
 * The judge's own assignment named in the URL. The key always carries the signed-in judge's
 * id: another judge's scores cannot be named, and an application not assigned to this judge
 * is a 404 (staff included: they read scores on the staff pages).
 */
async function requireAssignment(user: SessionUser, params: { roundId?: string; applicationId?: string }) {
  invariantResponse(isUuid(params.roundId) && isUuid(params.applicationId));
  const key: AssignmentKey = { roundId: params.roundId, judgeId: user.id, applicationId: params.applicationId };
  const [round, assignment] = await Promise.all([
    getRoundForJudge(db(), user.centre_id, key.roundId),
    getAssignment(db(), key),
  ]);
  invariantResponse(round && assignment);
  return { key, round, assignment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:score");
  const { key, round, assignment } = await requireAssignment(user, params);
  const [application, criteria, scores, zone] = await Promise.all([
    getApplicationForJudge(db(), key.applicationId),
    listCriteria(db(), key.roundId),
    ownScores(db(), key),
    getCentreZone(db(), user.centre_id),
  ]);
  invariantResponse(application);
  const url = new URL(request.url);
  return {
    round,
    application,
    criteria,
    scores,
    comment: assignment.comment,
    scoredAt: assignment.scored_at,
    conflict: assignment.conflict_declared_at
      ? { at: assignment.conflict_declared_at, note: assignment.conflict_note ?? "" }
      : null,
    open: isScoringOpen(round.scoring_closes_at, new Date()),
    zone,
    notice: url.searchParams.has("saved")
      ? ("judging.score.saved" as const)
      : url.searchParams.has("conflict")
        ? ("judging.conflict.saved" as const)
        : null,
  };
}

const REFUSALS = {
  closed: { status: 403, message: "judging.score.closed" },
  conflict: { status: 409, message: "judging.score.conflictDeclared" },
  already: { status: 409, message: "judging.score.conflictDeclared" },
  "no-rubric": { status: 409, message: "judging.score.noRubric" },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "judging:score");
  const { key } = await requireAssignment(user, params);
  const form = await request.formData();
  const here = `/judging/${key.roundId}/${key.applicationId}`;
  const now = new Date();

  if (form.get("intent") === "conflict") {
    const parsed = parseForm(conflictFormSchema, form);
    if (!parsed.ok)
      return badRequest<ActionResult>({ intent: "conflict", errors: parsed.errors, values: parsed.values });
    const result = await declareConflict(db(), key, { note: parsed.data.note, now });
    if (!result.ok) {
      invariantResponse(result.reason !== "not-found");
      const refusal = REFUSALS[result.reason];
      return data<ActionResult>({ intent: "conflict", errors: { _form: refusal.message } }, { status: refusal.status });
    }
    return redirect(`${here}?conflict=1`);
  }

  const values = typedValues(form);
  const comment = parseForm(scoreCommentSchema, form);
  if (!comment.ok) return badRequest<ActionResult>({ intent: "score", errors: comment.errors, values });
  const result = await scoreApplication(db(), key, {
    scores: submittedScores(form),
    comment: comment.data.comment,
    now,
  });
  if (!result.ok) {
    invariantResponse(result.reason !== "not-found");
    if (result.reason === "invalid") {
      const errors: FieldErrors = {};
      for (const [criterionId, message] of Object.entries(result.errors)) errors[`score-${criterionId}`] = message;
      return badRequest<ActionResult>({ intent: "score", errors, values });
    }
    const refusal = REFUSALS[result.reason];
    return data<ActionResult>(
      { intent: "score", errors: { _form: refusal.message }, values },
      { status: refusal.status },
    );
  }
  return redirect(`${here}?saved=1`);
}

export default function ScoreApplication() {
  const { round, application, criteria, scores, comment, scoredAt, conflict, open, zone, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const scoreErrors = actionData?.intent === "score" ? actionData.errors : undefined;
  const conflictErrors = actionData?.intent === "conflict" ? actionData.errors : undefined;
  const values = actionData?.intent === "score" ? actionData.values : undefined;
  const canScore = open && !conflict && criteria.length > 0;
  return (
    <JudgingPage
      title={application.team_name}
      subtitle={t("judging.score.subtitle", {
        round: named(round, locale),
        programme: locale === "vi" ? round.programme_vi : round.programme_en,
        closes: formatDateTime(round.scoring_closes_at, zone),
      })}
      back={{ to: "/judging", label: t("judging.backToJudging") }}
    >
      {notice && !actionData ? <FormNotice tone="success">{t(notice)}</FormNotice> : null}
      {!open ? <FormNotice tone="error">{t("judging.score.closed")}</FormNotice> : null}
      {conflict ? (
        <FormNotice tone="error">
          {t("judging.conflict.declared", { at: formatDateTime(conflict.at, zone), note: conflict.note })}
        </FormNotice>
      ) : null}

      <Section id="application" title={t("judging.application.title")}>
        <dl className="mt-3 space-y-3">
          <Detail label={t("judging.application.sector")}>
            {locale === "vi" ? application.sector_vi : application.sector_en}
          </Detail>
          <Detail label={t("judging.application.place")}>{application.place}</Detail>
          <Detail label={t("judging.application.stage")}>{t(`judging.stage.${application.stage}`)}</Detail>
          <Detail label={t("judging.application.jobs")}>{application.jobs_expected}</Detail>
          <Detail label={t("judging.application.idea")}>{application.idea}</Detail>
          <Detail label={t("judging.application.problem")}>{application.problem}</Detail>
          {application.links.length > 0 ? (
            <Detail label={t("judging.application.links")}>
              <ul>
                {application.links.map((link) => (
                  <li key={link}>
                    <a
                      href={link}
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                      className="break-all text-brand-800 underline"
                    >
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </Detail>
          ) : null}
          {application.has_pitch ? (
            <Detail label={t("judging.application.pitch")}>
              {/* A plain link: the file downloads as an attachment, with or without JavaScript. */}
              <a
                href={`/judging/${round.id}/${application.id}/pitch`}
                download
                className="font-medium text-brand-800 underline"
              >
                {t("judging.application.pitchDownload")}
              </a>
            </Detail>
          ) : null}
        </dl>
      </Section>

      <Section id="scores" title={t("judging.score.title")}>
        {scoredAt ? (
          <p className="mt-1 text-sm text-stone-700">
            {t("judging.score.lastSaved", { at: formatDateTime(scoredAt, zone) })}
          </p>
        ) : null}
        {criteria.length === 0 ? <p className="mt-2 text-stone-700">{t("judging.score.noRubric")}</p> : null}
        <Form method="post" noValidate className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="score" />
          <FormErrorSummary errors={scoreErrors} />
          <p className="text-sm text-stone-700">{t("judging.score.allRequired")}</p>
          {criteria.map((c) => {
            const name = `score-${c.id}`;
            const error = scoreErrors?.[name];
            const id = `field-${name}`;
            return (
              <div key={c.id} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium text-stone-800">
                  {t("judging.score.criterionLabel", { name: named(c, locale), min: c.min_score, max: c.max_score })}
                </label>
                <input
                  id={id}
                  name={name}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  min={c.min_score}
                  max={c.max_score}
                  required
                  disabled={!canScore}
                  defaultValue={values?.[name] ?? scores[c.id]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className={`block w-32 rounded-md border bg-white px-3 py-2 text-base shadow-sm ${error ? "border-red-700" : "border-stone-400"}`}
                />
                {error ? (
                  <p id={`${id}-error`} className="text-sm font-medium text-red-800">
                    {t(error, { name: named(c, locale), min: c.min_score, max: c.max_score })}
                  </p>
                ) : null}
              </div>
            );
          })}
          <div className="space-y-1">
            <label htmlFor="field-comment" className="block text-sm font-medium text-stone-800">
              {t("judging.field.comment")}
            </label>
            <textarea
              id="field-comment"
              name="comment"
              rows={4}
              maxLength={2000}
              disabled={!canScore}
              defaultValue={values?.comment ?? comment}
              aria-invalid={scoreErrors?.comment ? true : undefined}
              aria-describedby={scoreErrors?.comment ? "field-comment-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm"
            />
            {scoreErrors?.comment ? (
              <p id="field-comment-error" className="text-sm font-medium text-red-800">
                {t(scoreErrors.comment)}
              </p>
            ) : null}
          </div>
          {canScore ? (
            <button type="submit" className={buttonClass}>
              {t("judging.score.submit")}
            </button>
          ) : null}
        </Form>
      </Section>

      {open && !conflict ? (
        <Section id="conflict" title={t("judging.conflict.title")}>
          <p className="mt-1 text-sm text-stone-700">{t("judging.conflict.note")}</p>
          <Form method="post" noValidate className="mt-4 space-y-3">
            <input type="hidden" name="intent" value="conflict" />
            <FormErrorSummary errors={conflictErrors} />
            <div className="space-y-1">
              <label htmlFor="field-note" className="block text-sm font-medium text-stone-800">
                {t("judging.conflict.reason")}
              </label>
              <textarea
                id="field-note"
                name="note"
                rows={3}
                maxLength={1000}
                required
                aria-invalid={conflictErrors?.note ? true : undefined}
                aria-describedby={conflictErrors?.note ? "field-note-error" : undefined}
                className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm"
              />
              {conflictErrors?.note ? (
                <p id="field-note-error" className="text-sm font-medium text-red-800">
                  {t(conflictErrors.note, { max: 1000 })}
                </p>
              ) : null}
            </div>
            <button type="submit" className={secondaryButtonClass}>
              {t("judging.conflict.submit")}
            </button>
          </Form>
        </Section>
      ) : null}
    </JudgingPage>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-stone-700">{label}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}

export const meta = titleMeta("judging.score.title");
