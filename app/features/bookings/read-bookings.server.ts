import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { formatDate, formatTime } from "~/i18n/format";
import {
  bookingToCheckIn,
  getBooking,
  getCentreZone,
  getPolicy,
  getResourceByCode,
  listBookingsOf,
  type BookingRow,
} from "./queries.server";
import { checkCancel, checkCheckIn, isDesk, type Policy } from "./rules";

function present(row: BookingRow, policy: Policy, zone: string, now: Date) {
  const active = row.status === "confirmed" || row.status === "held";
  const minutes = Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000);
  return {
    id: row.id,
    resourceId: row.resource_id,
    code: row.resource_code,
    kind: row.resource_kind,
    isDesk: isDesk(row.resource_kind),
    name_vi: row.resource_name_vi,
    name_en: row.resource_name_en,
    status: row.status,
    part: row.day_part,
    date: formatDate(row.starts_at, zone),
    isoDate: row.starts_at.toLocaleDateString("en-CA", { timeZone: zone }),
    start: formatTime(row.starts_at, zone),
    end: formatTime(row.ends_at, zone),
    minutes,
    attendees: row.attendees,
    price: row.price_vnd,
    inSeries: row.series_id !== null,
    upcoming: row.ends_at.getTime() > now.getTime() && row.status !== "cancelled" && row.status !== "no_show",
    canCancel: active && checkCancel(row.starts_at, now, policy, false).ok,
    canCheckIn: row.status === "confirmed" && checkCheckIn(row.starts_at, now, policy).ok,
  };
}

export type BookingView = ReturnType<typeof present>;

/** The person's bookings, upcoming (soonest first) and past (latest first). */
export async function myBookings(db: Kysely<Database>, user: { id: string; centre_id: number }, now = new Date()) {
  const [rows, policy, zone] = await Promise.all([
    listBookingsOf(db, user.centre_id, user.id),
    getPolicy(db, user.centre_id),
    getCentreZone(db, user.centre_id),
  ]);
  const all = rows.map((row) => present(row, policy, zone, now));
  return { upcoming: all.filter((b) => b.upcoming).reverse(), past: all.filter((b) => !b.upcoming) };
}

/** One booking of the person (staff may see anyone's); undefined when unknown or not theirs. */
export async function readBooking(
  db: Kysely<Database>,
  user: { id: string; centre_id: number; role: string },
  bookingId: string,
  now = new Date(),
) {
  const row = await getBooking(db, user.centre_id, bookingId);
  const staff = user.role === "staff" || user.role === "admin";
  if (!row || (!staff && row.user_id !== user.id)) return undefined;
  const [policy, zone] = await Promise.all([getPolicy(db, user.centre_id), getCentreZone(db, user.centre_id)]);
  return present(row, policy, zone, now);
}

/** The booking the QR code of a resource would check in now, or why there is none. */
export async function findBookingToCheckIn(
  db: Kysely<Database>,
  user: { id: string; centre_id: number },
  resourceCode: string,
  now = new Date(),
): Promise<{ ok: true; booking: BookingView } | { ok: false; code: "unknown_resource" | "no_booking_here" }> {
  const resource = await getResourceByCode(db, user.centre_id, resourceCode);
  if (!resource) return { ok: false, code: "unknown_resource" };
  const [policy, zone] = await Promise.all([getPolicy(db, user.centre_id), getCentreZone(db, user.centre_id)]);
  const row = await bookingToCheckIn(db, user.centre_id, user.id, resource.id, now, policy);
  if (!row) return { ok: false, code: "no_booking_here" };
  return { ok: true, booking: present(row, policy, zone, now) };
}
