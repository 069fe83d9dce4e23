import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { MessageKey } from "~/i18n/translate";
import { getAssignment, listCriteria, lockRound, type AssignmentKey } from "./queries.server";
import { checkScores, isScoringOpen } from "./rules";

export type ScoreResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "closed" | "conflict" | "no-rubric" }
  | { ok: false; reason: "invalid"; errors: Record<string, MessageKey> };

/**
 * A judge submits (or changes) their scores of one application: a score for every criterion,
 * each within its range, and a comment; before the round's deadline only, and never after
 * they declared a conflict. All or nothing, under the round's lock.
 */
export async function scoreApplication(
  db: Kysely<Database>,
  key: AssignmentKey,
  input: { scores: Record<string, string>; comment: string; now: Date },
): Promise<ScoreResult> {
  return db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, key.roundId);
    const assignment = round ? await getAssignment(trx, key) : undefined;
    if (!round || !assignment) return { ok: false, reason: "not-found" };
    if (!isScoringOpen(round.scoring_closes_at, input.now)) return { ok: false, reason: "closed" };
    if (assignment.conflict_declared_at) return { ok: false, reason: "conflict" };
    const criteria = await listCriteria(trx, key.roundId);
    if (criteria.length === 0) return { ok: false, reason: "no-rubric" };
    const checked = checkScores(
      criteria.map((c) => ({ id: c.id, weight: c.weight, minScore: c.min_score, maxScore: c.max_score })),
      input.scores,
    );
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors };
    await trx
      .insertInto("judge_score")
      .values(
        checked.scores.map((s) => ({
          round_id: key.roundId,
          judge_id: key.judgeId,
          application_id: key.applicationId,
          criterion_id: s.criterionId,
          score: s.score,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["round_id", "judge_id", "application_id", "criterion_id"]).doUpdateSet((eb) => ({
          score: eb.ref("excluded.score"),
        })),
      )
      .execute();
    await trx
      .updateTable("judge_assignment")
      .set({ comment: input.comment, scored_at: input.now })
      .where("round_id", "=", key.roundId)
      .where("judge_id", "=", key.judgeId)
      .where("application_id", "=", key.applicationId)
      .execute();
    return { ok: true };
  });
}
