import { DateTime } from "luxon";
import type { DayPart, ResourceKind } from "#db/schema";
import { deskDays, isDesk, priceOf, type Prices } from "~/features/bookings/rules";

// Support received: the in-kind support the province reports, worked out from what the
// team actually used. Pure: no database, no request.

/** Every kind of support the centre reports, in the order it is shown. */
export const SUPPORT_SOURCES = ["desks", "rooms", "mentoring", "trainings"] as const;
export type SupportSourceKey = (typeof SUPPORT_SOURCES)[number];

export interface SupportFigure {
  key: SupportSourceKey;
  /** Desk-days for desks, hours for rooms and mentoring, attendances for trainings. */
  quantity: number;
  /** The list price in đồng of what was used. */
  valueVnd: number;
  /** Uses of a resource without a list price for that length: counted, valued at nothing. */
  unpriced: number;
  /** The centre has no price for this kind of support at all (mentoring, trainings): quantity only. */
  unvalued?: true;
}

export interface UsedBooking extends Prices {
  kind: ResourceKind;
  day_part: DayPart | null;
  starts_at: Date;
  ends_at: Date;
}

/** Desk-days (half a day is 0.5) and their value at the desk's half-day or day price. */
export function deskSupport(bookings: readonly UsedBooking[]): SupportFigure {
  let quantity = 0;
  let valueVnd = 0;
  let unpriced = 0;
  for (const booking of bookings) {
    if (!isDesk(booking.kind)) continue;
    const part = booking.day_part ?? "day";
    quantity += deskDays(part);
    const price = priceOf(booking, { part });
    if (price === null) unpriced += 1;
    else valueVnd += price;
  }
  return { key: "desks", quantity, valueVnd, unpriced };
}

/** Hours in rooms (meeting rooms, the event hall, phone booths) and their value at the hourly price. */
export function roomSupport(bookings: readonly UsedBooking[]): SupportFigure {
  let minutes = 0;
  let valueVnd = 0;
  let unpriced = 0;
  for (const booking of bookings) {
    if (isDesk(booking.kind)) continue;
    const used = Math.round((booking.ends_at.getTime() - booking.starts_at.getTime()) / 60_000);
    minutes += used;
    const price = priceOf(booking, { minutes: used });
    if (price === null) unpriced += 1;
    else valueVnd += price;
  }
  return { key: "rooms", quantity: minutes / 60, valueVnd, unpriced };
}

/**
 * Hours of the team's mentoring sessions recorded as done. The centre has no price for
 * mentoring, so they are counted, never valued (and add nothing to the total).
 */
export function mentoringSupport(sessions: ReadonlyArray<{ starts_at: Date; ends_at: Date }>): SupportFigure {
  const minutes = sessions.reduce(
    (sum, s) => sum + Math.round((s.ends_at.getTime() - s.starts_at.getTime()) / 60_000),
    0,
  );
  return { key: "mentoring", quantity: minutes / 60, valueVnd: 0, unpriced: 0, unvalued: true };
}

/**
 * Trainings the team's members attended: one per person and training. The centre's trainings
 * are free, so they are counted, never valued (and add nothing to the total).
 */
export function trainingSupport(attendances: number): SupportFigure {
  return { key: "trainings", quantity: attendances, valueVnd: 0, unpriced: 0, unvalued: true };
}

/** The value of all the sources together. */
export function totalValue(figures: readonly SupportFigure[]): number {
  return figures.reduce((sum, figure) => sum + figure.valueVnd, 0);
}

export interface SupportPeriod {
  /** Local calendar days "yyyy-MM-dd", both included. */
  from: string;
  to: string;
}

/** The instants a period of local days covers: from the first midnight to the midnight after the last day. */
export function periodInstants(period: SupportPeriod, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(period.from, { zone }).startOf("day");
  const end = DateTime.fromISO(period.to, { zone }).startOf("day").plus({ days: 1 });
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/**
 * The default period: the team's incubation period; an open-ended one, or one not yet
 * over, runs to today (nothing used later can have been received yet).
 */
export function defaultSupportPeriod(
  team: { incubation_starts_on: string; incubation_ends_on: string | null },
  today: string,
): SupportPeriod {
  const end = team.incubation_ends_on;
  const to = end !== null && end < today ? end : today;
  return { from: team.incubation_starts_on, to: to < team.incubation_starts_on ? team.incubation_starts_on : to };
}
