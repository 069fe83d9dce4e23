import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { CriterionForm } from "./forms";
import { lockRound, roundHasScores } from "./queries.server";

/** "scored": a judge has scored this round, so its rubric is frozen (decision 008). */
type Result = { ok: true } | { ok: false; reason: "scored" | "not-found" };

type Change =
  | { kind: "add"; form: CriterionForm }
  | { kind: "update"; criterionId: string; form: CriterionForm }
  | { kind: "remove"; criterionId: string };

/**
 * Adds, edits or removes a criterion of a round's rubric, only while nobody has scored the
 * round: a changed weight or range would silently re-weigh or invalidate scores already given.
 */
export async function changeRubric(db: Kysely<Database>, roundId: string, change: Change): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockRound(trx, roundId))) return { ok: false, reason: "not-found" };
    if (await roundHasScores(trx, roundId)) return { ok: false, reason: "scored" };
    if (change.kind === "remove") {
      const removed = await trx
        .deleteFrom("rubric_criterion")
        .where("id", "=", change.criterionId)
        .where("round_id", "=", roundId)
        .executeTakeFirst();
      return removed.numDeletedRows > 0n ? { ok: true } : { ok: false, reason: "not-found" };
    }
    const values = {
      name_vi: change.form.nameVi,
      name_en: change.form.nameEn,
      weight: change.form.weight,
      min_score: change.form.minScore,
      max_score: change.form.maxScore,
    };
    if (change.kind === "update") {
      const updated = await trx
        .updateTable("rubric_criterion")
        .set(values)
        .where("id", "=", change.criterionId)
        .where("round_id", "=", roundId)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n ? { ok: true } : { ok: false, reason: "not-found" };
    }
    await trx
      .insertInto("rubric_criterion")
      .values((eb) => ({
        ...values,
        round_id: roundId,
        sort_order: eb
          .selectFrom("rubric_criterion")
          .select(eb(eb.fn.coalesce(eb.fn.max("sort_order"), eb.lit(0)), "+", 1).as("n"))
          .where("round_id", "=", roundId),
      }))
      .execute();
    return { ok: true };
  });
}
