import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { getAssignment, getJudgeCandidate, type AssignmentKey } from "./queries.server";

type AssignResult = { ok: true; added: number } | { ok: false; reason: "judge" | "applications" };

/**
 * Assigns one judge to the chosen applications of the round's programme (in bulk, e.g. every
 * shortlisted one). Assignments that already exist are kept as they are. Staff's change is one
 * audit entry per judge and round, listing the applications newly assigned.
 */
export async function assignJudge(
  db: Kysely<Database>,
  input: {
    centreId: number;
    roundId: string;
    programmeId: string;
    judgeId: string;
    applicationIds: string[];
    actor?: AuditActor;
  },
): Promise<AssignResult> {
  return db.transaction().execute(async (trx) => {
    const judge = await getJudgeCandidate(trx, input.centreId, input.judgeId);
    if (!judge) return { ok: false, reason: "judge" };
    const ids = [...new Set(input.applicationIds)];
    const found = await trx
      .selectFrom("application")
      .select("id")
      .where("programme_id", "=", input.programmeId)
      .where("id", "in", ids)
      .execute();
    if (found.length !== ids.length) return { ok: false, reason: "applications" };
    const inserted = await trx
      .insertInto("judge_assignment")
      .values(ids.map((id) => ({ round_id: input.roundId, judge_id: input.judgeId, application_id: id })))
      .onConflict((oc) => oc.columns(["round_id", "judge_id", "application_id"]).doNothing())
      .returning("application_id")
      .execute();
    if (input.actor && inserted.length > 0) {
      await recordAudit(trx, input.actor, {
        action: "judge_assignment.create",
        entityType: "judge_assignment",
        entityId: `${input.roundId}/${input.judgeId}`,
        after: {
          round_id: input.roundId,
          judge_id: judge.id,
          judge_name: judge.name,
          application_ids: inserted.map((row) => row.application_id),
        },
      });
    }
    return { ok: true, added: inserted.length };
  });
}

type UnassignResult = { ok: true } | { ok: false; reason: "not-found" | "scored" };

/**
 * Removes a judge from an application, only while they have not scored it: submitted scores
 * are part of the record of the competition (decision 008). A judge who should not count
 * declares a conflict instead. Staff's change is recorded in the audit log.
 */
export async function unassignJudge(
  db: Kysely<Database>,
  key: AssignmentKey,
  actor?: AuditActor,
): Promise<UnassignResult> {
  return db.transaction().execute(async (trx) => {
    const assignment = await getAssignment(trx, key);
    if (!assignment) return { ok: false, reason: "not-found" };
    const hasScores = await trx
      .selectFrom("judge_score")
      .select("criterion_id")
      .where("round_id", "=", key.roundId)
      .where("judge_id", "=", key.judgeId)
      .where("application_id", "=", key.applicationId)
      .limit(1)
      .executeTakeFirst();
    if (assignment.scored_at || hasScores) return { ok: false, reason: "scored" };
    await trx
      .deleteFrom("judge_assignment")
      .where("round_id", "=", key.roundId)
      .where("judge_id", "=", key.judgeId)
      .where("application_id", "=", key.applicationId)
      .execute();
    if (actor) {
      await recordAudit(trx, actor, {
        action: "judge_assignment.delete",
        entityType: "judge_assignment",
        entityId: `${key.roundId}/${key.judgeId}`,
        before: assignment,
      });
    }
    return { ok: true };
  });
}
