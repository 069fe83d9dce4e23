import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
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
 * Staff's change is recorded in the audit log (the criterion before and after).
 */
export async function changeRubric(
  db: Kysely<Database>,
  roundId: string,
  change: Change,
  actor?: AuditActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockRound(trx, roundId))) return { ok: false, reason: "not-found" };
    if (await roundHasScores(trx, roundId)) return { ok: false, reason: "scored" };
    const audit = (action: string, entityId: string, before: object | null, after: object | null) =>
      actor ? recordAudit(trx, actor, { action, entityType: "rubric_criterion", entityId, before, after }) : undefined;
    if (change.kind === "remove") {
      const removed = await trx
        .deleteFrom("rubric_criterion")
        .where("id", "=", change.criterionId)
        .where("round_id", "=", roundId)
        .returningAll()
        .executeTakeFirst();
      if (!removed) return { ok: false, reason: "not-found" };
      await audit("rubric_criterion.delete", removed.id, removed, null);
      return { ok: true };
    }
    const values = {
      name_vi: change.form.nameVi,
      name_en: change.form.nameEn,
      weight: change.form.weight,
      min_score: change.form.minScore,
      max_score: change.form.maxScore,
    };
    if (change.kind === "update") {
      const before = await trx
        .selectFrom("rubric_criterion")
        .selectAll()
        .where("id", "=", change.criterionId)
        .where("round_id", "=", roundId)
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "not-found" };
      const after = await trx
        .updateTable("rubric_criterion")
        .set(values)
        .where("id", "=", before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit("rubric_criterion.update", before.id, before, after);
      return { ok: true };
    }
    const created = await trx
      .insertInto("rubric_criterion")
      .values((eb) => ({
        ...values,
        round_id: roundId,
        sort_order: eb
          .selectFrom("rubric_criterion")
          .select(eb(eb.fn.coalesce(eb.fn.max("sort_order"), eb.lit(0)), "+", 1).as("n"))
          .where("round_id", "=", roundId),
      }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit("rubric_criterion.create", created.id, null, created);
    return { ok: true };
  });
}
