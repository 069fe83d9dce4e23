import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { getCentreZone } from "~/features/bookings/queries.server";
import { tellRegistrant } from "./notify.server";
import {
  getEvent,
  lockEvent,
  memberRegistration,
  nextWaiting,
  registrationByToken,
  registrationsByIds,
} from "./queries.server";
import { refusal, type EventRefusal } from "./refusal";
import { checkOpen, seatsToFill } from "./rules";

/** Whose registration: a member's own (signed in) or the one a guest's link names. */
export type WhoseRegistration = { userId: string } | { token: string };

/**
 * Cancels a registration before the event starts. A freed seat goes to the next person on the
 * waitlist in the same transaction (under the event's row lock), and both are told.
 */
export async function cancelRegistration(
  db: Kysely<Database>,
  centreId: number,
  eventId: string,
  whose: WhoseRegistration,
  now: Date = new Date(),
): Promise<{ ok: true; promoted: number } | EventRefusal> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, centreId, eventId);
    if (!event) return refusal(404, "events.error.not_found");
    const registration =
      "userId" in whose
        ? await memberRegistration(trx, event.id, whose.userId)
        : await registrationByToken(trx, event.id, whose.token);
    if (!registration) return refusal(404, "events.error.registration_not_found");
    if (registration.status === "cancelled") return refusal(409, "events.error.already_cancelled");
    const closed = checkOpen(event, now);
    if (closed) return refusal(409, `events.error.${closed}`);

    await trx
      .updateTable("event_registration")
      .set((eb) => ({ status: "cancelled", cancelled_at: now, updated_at: now, sequence: eb("sequence", "+", 1) }))
      .where("id", "=", registration.id)
      .execute();
    const zone = await getCentreZone(trx, centreId);
    const view = (await getEvent(trx, centreId, event.id))!;
    await tellRegistrant(trx, "cancelled", view, registration, zone);
    const promoted = registration.status === "registered" ? await fillFreeSeats(trx, centreId, event.id, zone, now) : 0;
    return { ok: true as const, promoted };
  });
}

/**
 * Gives free seats to the people waiting longest and tells them. The caller holds the event's
 * row lock (a cancellation, a larger capacity) and has read the centre's zone already.
 */
export async function fillFreeSeats(
  trx: Kysely<Database>,
  centreId: number,
  eventId: string,
  zone: string,
  now: Date,
): Promise<number> {
  const view = (await getEvent(trx, centreId, eventId))!;
  // The view's counts are read under the caller's lock, so they are the ones to fill against.
  const free = seatsToFill(view.registered ?? 0, view.capacity, view.waitlisted ?? 0);
  const ids = (await nextWaiting(trx, eventId, free)).map((r) => r.id);
  if (ids.length === 0) return 0;
  await trx
    .updateTable("event_registration")
    .set((eb) => ({ status: "registered", promoted_at: now, updated_at: now, sequence: eb("sequence", "+", 1) }))
    .where("id", "in", ids)
    .execute();
  for (const person of await registrationsByIds(trx, eventId, ids)) {
    await tellRegistrant(trx, "promoted", view, person, zone);
  }
  return ids.length;
}
