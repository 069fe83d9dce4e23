import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone, isUuid } from "~/features/bookings/queries.server";
import { assignmentState, JudgingPage, named, Section, StateBadge } from "~/features/judging/components/judging-parts";
import {
  getApplicationForJudge,
  listCriteria,
  listRoundAssignments,
  listRoundScores,
} from "~/features/judging/queries.server";
import { requireRound } from "~/features/judging/require-round.server";
import { formatScore, weightedScore } from "~/features/judging/rules";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Staff see every judge's scores of one application, their comments and declared conflicts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:manage");
  const { programme, round } = await requireRound(user.centre_id, params);
  invariantResponse(isUuid(params.applicationId));
  const applicationId = params.applicationId;
  const [application, criteria, assignments, scores, zone] = await Promise.all([
    getApplicationForJudge(db(), applicationId),
    listCriteria(db(), round.id),
    listRoundAssignments(db(), round.id),
    listRoundScores(db(), round.id),
    getCentreZone(db(), user.centre_id),
  ]);
  const judges = assignments.filter((a) => a.application_id === applicationId);
  invariantResponse(application && judges.length > 0);
  return {
    programme,
    round,
    application,
    criteria,
    zone,
    judges: judges.map((j) => {
      const own = new Map(
        scores
          .filter((s) => s.application_id === applicationId && s.judge_id === j.judge_id)
          .map((s) => [s.criterion_id, s.score]),
      );
      return {
        ...j,
        scores: Object.fromEntries(own),
        weighted: j.scored_at ? weightedScore(criteria, own) : null,
      };
    }),
  };
}

export default function ApplicationScores() {
  const { programme, round, application, criteria, judges, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <JudgingPage
      title={application.team_name}
      subtitle={t("judging.round.subtitle", {
        programme: named(programme, locale),
        closes: formatDateTime(round.scoring_closes_at, zone),
      })}
      back={{ to: `/staff/programmes/${programme.id}/judging/${round.id}/ranking`, label: t("judging.ranking.back") }}
    >
      {judges.map((j) => (
        <Section key={j.judge_id} id={`judge-${j.judge_id}`} title={j.judge_name}>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <StateBadge state={assignmentState(j)} />
            {j.weighted !== null ? (
              <span>{t("judging.scores.weighted", { score: formatScore(j.weighted, locale) })}</span>
            ) : null}
          </p>
          {j.conflict_declared_at ? (
            <p className="mt-2 text-sm">
              {t("judging.scores.conflictNote", {
                at: formatDateTime(j.conflict_declared_at, zone),
                note: j.conflict_note ?? "",
              })}
            </p>
          ) : null}
          {Object.keys(j.scores).length > 0 ? (
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              {criteria.map((c) => (
                <div key={c.id} className="contents">
                  <dt className="text-stone-700">{named(c, locale)}</dt>
                  <dd className="tabular-nums">
                    {t("judging.scores.scoreOf", { score: j.scores[c.id] ?? "—", max: c.max_score })}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          {j.comment ? (
            <p className="mt-3 text-sm whitespace-pre-line">
              <span className="font-medium">{t("judging.field.comment")}: </span>
              {j.comment}
            </p>
          ) : null}
        </Section>
      ))}
    </JudgingPage>
  );
}

export const meta = titleMeta("judging.scores.title");
