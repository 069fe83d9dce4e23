import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { changeSession, saveAndTell } from "./change-session.server";
import { refusal, type SessionRefusal } from "./refusal";
import { checkCancel } from "./rules";

/**
 * Before its start, the mentor, a founder of the team or staff cancel a proposed or confirmed
 * session with a reason; its room booking is cancelled in the same transaction.
 */
export async function cancelSession(
  db: Kysely<Database>,
  actor: SessionUser,
  sessionId: string,
  reason: string,
  now: Date = new Date(),
): Promise<{ ok: true } | SessionRefusal> {
  return changeSession(db, actor, sessionId, async (trx, session) => {
    const refused = checkCancel(session, now);
    if (refused) return refusal(409, `sessions.error.${refused}`);
    if (session.booking_id) {
      // The session's message tells both sides; the room booking goes with it, without a message of its own.
      await trx
        .updateTable("booking")
        .set((eb) => ({
          status: "cancelled",
          cancelled_at: now,
          cancelled_by: actor.id,
          cancel_reason: reason,
          sequence: eb("sequence", "+", 1),
          updated_at: now,
        }))
        .where("id", "=", session.booking_id)
        .where("status", "in", ["held", "confirmed"])
        .execute();
    }
    const values = { status: "cancelled" as const, cancelled_by: actor.id, cancel_reason: reason };
    return saveAndTell(trx, actor, session, "cancelled", values, now);
  });
}
