import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { planFrom } from "~/features/bookings/plan-booking.server";
import { readBookingContext } from "~/features/bookings/queries.server";
import { writeBooking } from "~/features/bookings/write-booking.server";
import type { MessageKey } from "~/i18n/translate";
import { zoneOf } from "~/utils/zones";
import { refusal, Refused } from "./refusal";
import type { Period } from "./rules";

/** An event may last a working day and be planned a year or two ahead (decision 017). */
const EVENT_ROOM_LIMITS = { maxRoomMinutes: 24 * 60, maxDaysAhead: 730 };

/**
 * Books the event's hall or room through the bookings core, inside the caller's transaction,
 * in the name of the staff member: the core's rules (opening hours, 30-minute slots, closures,
 * the room's capacity) and its database function decide, so a taken room is refused exactly as
 * any booking is. The centre does not charge itself, and the event tells its own people, so
 * the booking has no price and no confirmation of its own. Throws Refused on a refusal.
 */
export async function bookEventRoom(
  trx: Kysely<Database>,
  staff: SessionUser,
  room: { resourceId: string; period: Period; capacity: number; title: string; zone: string },
  now: Date,
): Promise<string> {
  const start = DateTime.fromJSDate(room.period.start, { zone: zoneOf(room.zone) });
  const context = await readBookingContext(trx, staff.centre_id, staff.id, room.resourceId, start.toISODate());
  const resource = context.resource;
  if (!resource || (resource.kind !== "meeting_room" && resource.kind !== "event_hall"))
    throw new Refused(refusal(400, "events.error.room_required", { field: "resourceId" }));
  const choice = {
    resourceId: resource.id,
    date: start.toISODate()!,
    start: start.toFormat("HH:mm"),
    minutes: (room.period.end.getTime() - room.period.start.getTime()) / 60_000,
    people: room.capacity,
  };
  const planned = planFrom(
    {
      ...context,
      resource: { ...resource, price_hour_vnd: resource.price_hour_vnd ?? 0 },
      policy: { ...context.policy, ...EVENT_ROOM_LIMITS },
    },
    staff,
    choice,
    now,
  );
  if (!planned.ok) throw new Refused(roomRefusal(planned.code, planned.params));
  const plan = { ...planned.plan, price: 0, recipient: null };
  const written = await writeBooking(trx, plan, { centreId: staff.centre_id, userId: staff.id, bookedBy: staff.id });
  if (!written.ok) throw new Refused(roomRefusal(written.code, written.params));
  // The room's day and the booking lists say what the hall is taken for.
  await trx.updateTable("booking").set({ title: room.title }).where("id", "=", written.bookingId).execute();
  return written.bookingId;
}

/** Cancels the event's room booking inside the caller's transaction (no message: the event tells its people). */
export async function releaseEventRoom(
  trx: Kysely<Database>,
  staff: Pick<SessionUser, "id">,
  bookingId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("booking")
    .set((eb) => ({
      status: "cancelled",
      cancelled_at: now,
      cancelled_by: staff.id,
      cancel_reason: reason,
      sequence: eb("sequence", "+", 1),
      updated_at: now,
    }))
    .where("id", "=", bookingId)
    .where("status", "in", ["held", "confirmed", "checked_in"])
    .execute();
}

function roomRefusal(code: string, params?: Record<string, string | number>) {
  const field = code === "closed_day" || code === "in_past" || code === "too_far_ahead" ? "date" : "resourceId";
  const status = code === "taken" || code === "closed" ? 409 : 400;
  return refusal(status, `bookings.error.${code}` as MessageKey, params ? { field, params } : { field });
}
