import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { tellOtherSide } from "./notify.server";
import { lockSession, sessionSide } from "./queries.server";
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
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, actor.centre_id, sessionId);
    const side = session ? await sessionSide(trx, actor, session) : null;
    if (!session || !side) return refusal(404, "sessions.error.not_found");
    const refused = checkCancel(session, now);
    if (refused) return refusal(409, `sessions.error.${refused}`);
    const updated = await trx
      .updateTable("mentoring_session")
      .set((eb) => ({
        status: "cancelled",
        cancelled_by: actor.id,
        cancel_reason: reason,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
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
    await tellOtherSide(trx, "cancelled", updated, actor, await getCentreZone(trx, actor.centre_id));
    return { ok: true as const };
  });
}
