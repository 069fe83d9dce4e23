import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { getAssignment, lockRound, type AssignmentKey } from "./queries.server";
import { isScoringOpen } from "./rules";

type Result = { ok: true } | { ok: false; reason: "not-found" | "closed" | "already" };

/**
 * A judge declares a conflict of interest with an application, with a note for staff. From
 * then on their scores of it (kept for the record) count for nothing and they cannot score it.
 * Declared before the deadline, like scores, so the ranking stops changing once scoring closes.
 */
export async function declareConflict(
  db: Kysely<Database>,
  key: AssignmentKey,
  input: { note: string; now: Date },
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, key.roundId);
    const assignment = round ? await getAssignment(trx, key) : undefined;
    if (!round || !assignment) return { ok: false, reason: "not-found" };
    if (!isScoringOpen(round.scoring_closes_at, input.now)) return { ok: false, reason: "closed" };
    if (assignment.conflict_declared_at) return { ok: false, reason: "already" };
    await trx
      .updateTable("judge_assignment")
      .set({ conflict_declared_at: input.now, conflict_note: input.note })
      .where("round_id", "=", key.roundId)
      .where("judge_id", "=", key.judgeId)
      .where("application_id", "=", key.applicationId)
      .execute();
    return { ok: true };
  });
}
