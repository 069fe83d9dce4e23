import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import {
  bookingToCheckIn,
  getBooking,
  getCentreZone,
  getPolicy,
  getResourceByCode,
  lockBooking,
  type BookingRow,
} from "./queries.server";
import { checkCheckIn, checkInWindow, type Policy } from "./rules";
import { formatTime } from "~/i18n/format";

export type CheckInResult = { ok: true; booking: BookingRow } | Refusal;

/**
 * Checks the person in for their own booking within the window around its start
 * (`policy`: the centre's booking policy, when the caller has already read it).
 */
export async function checkIn(
  db: Kysely<Database>,
  actor: Booker,
  bookingId: string,
  now: Date = new Date(),
  policy?: Policy,
): Promise<CheckInResult> {
  return db.transaction().execute(async (trx): Promise<CheckInResult> => {
    const found = await getBooking(trx, actor.centre_id, bookingId);
    if (!found || found.user_id !== actor.id) return refuse("not_found");
    await lockBooking(trx, found.id);
    const booking = (await getBooking(trx, actor.centre_id, bookingId))!;
    if (booking.status === "checked_in") return { ok: true, booking };
    if (booking.status !== "confirmed") return refuse("not_active");
    const rules = policy ?? (await getPolicy(trx, actor.centre_id));
    const allowed = checkCheckIn(booking.starts_at, now, rules);
    if (!allowed.ok) {
      const zone = await getCentreZone(trx, actor.centre_id);
      return refuse(allowed.code, { time: formatTime(checkInWindow(booking.starts_at, rules).start, zone) });
    }
    // Checking in is not a change a calendar shows, so the sequence stays.
    await trx
      .updateTable("booking")
      .set({ status: "checked_in", checked_in_at: now, updated_at: now })
      .where("id", "=", booking.id)
      .execute();
    return { ok: true, booking: { ...booking, status: "checked_in", checked_in_at: now } };
  });
}

/** The QR code on a desk: checks in the signed-in person's booking of that desk now. */
export async function checkInAtResource(
  db: Kysely<Database>,
  actor: Booker,
  resourceCode: string,
  now: Date = new Date(),
): Promise<CheckInResult> {
  const resource = await getResourceByCode(db, actor.centre_id, resourceCode);
  if (!resource) return refuse("unknown_resource");
  const policy = await getPolicy(db, actor.centre_id);
  const booking = await bookingToCheckIn(db, actor.centre_id, actor.id, resource.id, now, policy);
  if (!booking) return refuse("no_booking_here");
  return checkIn(db, actor, booking.id, now, policy);
}
