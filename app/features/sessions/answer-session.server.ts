import type { Kysely } from "kysely";
import type { Database, MentoringSession } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { planBooking } from "~/features/bookings/plan-booking.server";
import { getCentreZone, holdClosuresSteady, isExclusionViolation } from "~/features/bookings/queries.server";
import { writeBooking } from "~/features/bookings/write-booking.server";
import { translate, type MessageKey } from "~/i18n/translate";
import { tellOtherSide } from "./notify.server";
import { lockSession, sessionSide, teamBookingHolder } from "./queries.server";
import { refusal, Refused, type SessionRefusal } from "./refusal";
import { mayAnswer, roomChoice } from "./rules";

/**
 * The other side confirms or declines a proposal. Confirming a session in the centre books its
 * room in the same transaction, through the bookings core, in the name of the team's
 * longest-standing founder: if the room is taken or closed meanwhile, nothing is confirmed.
 */
export async function answerSession(
  db: Kysely<Database>,
  actor: SessionUser,
  sessionId: string,
  answer: "confirm" | "decline",
  now: Date = new Date(),
): Promise<{ ok: true } | SessionRefusal> {
  try {
    return await db.transaction().execute(async (trx) => {
      // The closures lock first, as every writer of bookings takes it (decision 007).
      await holdClosuresSteady(trx, actor.centre_id);
      const session = await lockSession(trx, actor.centre_id, sessionId);
      const side = session ? await sessionSide(trx, actor, session) : null;
      if (!session || !side) return refusal(404, "sessions.error.not_found");
      if (session.status !== "proposed") return refusal(409, "sessions.error.not_proposed");
      if (!mayAnswer(session.proposed_side, side)) return refusal(403, "sessions.error.not_your_turn");
      if (session.starts_at.getTime() <= now.getTime()) return refusal(409, "sessions.error.in_past");
      const zone = await getCentreZone(trx, actor.centre_id);

      let bookingId: string | null = null;
      if (answer === "confirm" && session.mode === "centre") bookingId = await bookRoom(trx, session, actor, zone, now);
      const updated = await trx
        .updateTable("mentoring_session")
        .set((eb) => ({
          status: answer === "confirm" ? "confirmed" : "declined",
          booking_id: bookingId,
          answered_by: actor.id,
          answered_at: now,
          sequence: eb("sequence", "+", 1),
          updated_at: now,
        }))
        .where("id", "=", session.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await tellOtherSide(trx, answer === "confirm" ? "confirmed" : "declined", updated, actor, zone);
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (isExclusionViolation(error)) return refusal(409, "sessions.error.room_taken");
    throw error;
  }
}

/** Books the session's room inside the transaction; a refusal rolls everything back. */
async function bookRoom(
  trx: Kysely<Database>,
  session: MentoringSession,
  actor: SessionUser,
  zone: string,
  now: Date,
): Promise<string> {
  const holder = await teamBookingHolder(trx, session.team_id);
  if (!holder) throw new Refused(refusal(409, "sessions.error.no_founder"));
  const choice = roomChoice(session.resource_id!, { start: session.starts_at, end: session.ends_at }, zone);
  const plan = await planBooking(trx, holder, choice, now, { teamId: session.team_id });
  if (!plan.ok) throw new Refused(roomRefusal(plan.code, plan.params));
  const written = await writeBooking(trx, plan.plan, {
    centreId: session.centre_id,
    userId: holder.id,
    bookedBy: actor.id,
  });
  if (!written.ok) throw new Refused(roomRefusal(written.code, written.params));
  // The booking says what it is for wherever it is listed (the room's day, My bookings).
  await trx
    .updateTable("booking")
    .set({ title: translate("vi", "sessions.bookingTitle", { topic: session.topic }) })
    .where("id", "=", written.bookingId)
    .execute();
  return written.bookingId;
}

function roomRefusal(code: string, params?: Record<string, string | number>): SessionRefusal {
  const key = (code === "taken" ? "sessions.error.room_taken" : `bookings.error.${code}`) as MessageKey;
  return refusal(409, key, params ? { params } : {});
}
