import { DateTime } from "luxon";
import { zoneOf } from "~/utils/zones";
import type { Audience, DayPart, ResourceKind, Role } from "#db/schema";

// Pure booking rules: no database, no request. Instants are Dates; calendar dates and
// wall-clock times are read in the centre's zone, never in the server's.

/** Why a booking request, change, cancellation or check-in is refused. */
export type BookingErrorCode =
  | "invalid_date"
  | "invalid_time"
  | "invalid_part"
  | "invalid_minutes"
  | "not_on_slot"
  | "closed_day"
  | "outside_hours"
  | "in_past"
  | "too_far_ahead"
  | "too_long"
  | "over_capacity"
  | "closed"
  | "pass_unusable"
  | "move_costs_money"
  | "not_allowed"
  | "not_sold"
  | "quota_person"
  | "quota_team"
  | "taken"
  | "unknown_resource"
  | "not_found"
  | "not_active"
  | "cancel_too_late"
  | "check_in_too_early"
  | "check_in_too_late"
  | "no_booking_here"
  | "invalid_series"
  | "series_conflicts"
  | "unknown_person"
  | "invalid_period"
  | "fixed_desk_assigned"
  | "not_in_team"
  | "team_without_members"
  | "unknown_team"
  | "held_by_event";

export type RuleResult<T> = { ok: true; value: T } | { ok: false; code: BookingErrorCode };

const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });
const fail = <T = never>(code: BookingErrorCode): RuleResult<T> => ({ ok: false, code });

export interface Policy {
  maxDaysAhead: number;
  maxRoomMinutes: number;
  maxDeskDays: number;
  freeDeskDaysPerPersonWeek: number;
  freeDeskDaysPerTeamWeek: number;
  cancelDeadlineMinutes: number;
  checkInOpensMinutes: number;
  checkInClosesMinutes: number;
  /** Local "HH:mm" (seconds allowed) where a desk's morning ends. */
  midday: string;
}

/** The policy a centre without a booking_policy row gets (the table's defaults). */
export const DEFAULT_POLICY: Policy = {
  maxDaysAhead: 30,
  maxRoomMinutes: 240,
  maxDeskDays: 5,
  freeDeskDaysPerPersonWeek: 3,
  freeDeskDaysPerTeamWeek: 10,
  cancelDeadlineMinutes: 60,
  checkInOpensMinutes: 15,
  checkInClosesMinutes: 30,
  midday: "12:00",
};

export interface OpeningDay {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

/** A half-open interval [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

export const SLOT_MINUTES = 30;

/** Half-open ranges: touching ends do not overlap, as in the database's '[)' ranges. */
export function overlaps(a: Period, b: Period): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function isDesk(kind: ResourceKind): boolean {
  return kind === "hot_desk" || kind === "fixed_desk";
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

/** A local yyyy-MM-dd in the zone, or null when it is not a real date. */
export function parseLocalDate(date: string, zone: string): DateTime | null {
  if (!DATE_RE.test(date)) return null;
  const day = DateTime.fromISO(date, { zone: zoneOf(zone) });
  return day.isValid ? day.startOf("day") : null;
}

/** Minutes after midnight of "HH:mm" or "HH:mm:ss", or null. */
export function minutesOfDay(time: string): number | null {
  const match = TIME_RE.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

function atMinutes(day: DateTime, minutes: number): Date {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toJSDate();
}

function openingFor(day: DateTime, hours: readonly OpeningDay[]): { opens: number; closes: number } | null {
  const row = hours.find((h) => h.weekday === day.weekday);
  if (!row) return null;
  const opens = minutesOfDay(row.opensAt);
  const closes = minutesOfDay(row.closesAt);
  if (opens === null || closes === null || opens >= closes) return null;
  return { opens, closes };
}

/**
 * A desk's day part on a local date: morning = opens→midday, afternoon = midday→closes,
 * day = opens→closes. A half that the day's hours leave empty (Saturday afternoon) is closed.
 */
export function deskPeriod(
  date: string,
  part: string,
  hours: readonly OpeningDay[],
  policy: Policy,
  zone: string,
): RuleResult<Period> {
  const day = parseLocalDate(date, zone);
  if (!day) return fail("invalid_date");
  if (part !== "morning" && part !== "afternoon" && part !== "day") return fail("invalid_part");
  const open = openingFor(day, hours);
  if (!open) return fail("closed_day");
  const midday = minutesOfDay(policy.midday) ?? 12 * 60;
  const start = part === "afternoon" ? Math.max(open.opens, midday) : open.opens;
  const end = part === "morning" ? Math.min(open.closes, midday) : open.closes;
  if (start >= end) return fail("outside_hours");
  return ok({ start: atMinutes(day, start), end: atMinutes(day, end) });
}

/** A room booking: starts on a 30-minute boundary, lasts whole slots, inside the day's hours. */
export function roomPeriod(
  date: string,
  startTime: string,
  minutes: number,
  hours: readonly OpeningDay[],
  zone: string,
): RuleResult<Period> {
  const day = parseLocalDate(date, zone);
  if (!day) return fail("invalid_date");
  const start = minutesOfDay(startTime);
  if (start === null) return fail("invalid_time");
  if (!Number.isInteger(minutes) || minutes <= 0) return fail("invalid_minutes");
  if (start % SLOT_MINUTES !== 0 || minutes % SLOT_MINUTES !== 0) return fail("not_on_slot");
  const open = openingFor(day, hours);
  if (!open) return fail("closed_day");
  if (start < open.opens || start + minutes > open.closes) return fail("outside_hours");
  return ok({ start: atMinutes(day, start), end: atMinutes(day, start + minutes) });
}

/** Not in the past (a period already started is past), not beyond max_days_ahead local days. */
export function checkBookingWindow(period: Period, now: Date, policy: Policy, zone: string): RuleResult<true> {
  if (period.start.getTime() < now.getTime()) return fail("in_past");
  const lastDay = DateTime.fromJSDate(now, { zone: zoneOf(zone) })
    .startOf("day")
    .plus({ days: policy.maxDaysAhead });
  const startDay = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) }).startOf("day");
  if (startDay > lastDay) return fail("too_far_ahead");
  return ok(true);
}

/** How many desk-days a desk booking counts for: half a day is 0.5. */
export function deskDays(part: DayPart): number {
  return part === "day" ? 1 : 0.5;
}

/** Longest booking: rooms by minutes, desks by desk-days. */
export function checkLength(kind: ResourceKind, period: Period, policy: Policy, days = 1): RuleResult<true> {
  if (isDesk(kind)) return days > policy.maxDeskDays ? fail("too_long") : ok(true);
  const minutes = (period.end.getTime() - period.start.getTime()) / 60_000;
  return minutes > policy.maxRoomMinutes ? fail("too_long") : ok(true);
}

export function checkCapacity(attendees: number, capacity: number): RuleResult<true> {
  if (!Number.isInteger(attendees) || attendees < 1 || attendees > capacity) return fail("over_capacity");
  return ok(true);
}

export interface ClosureSpan {
  resourceId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** The first closure of the whole centre or of this resource that overlaps the period. */
export function closureOver<C extends ClosureSpan>(
  period: Period,
  resourceId: string,
  closures: readonly C[],
): C | null {
  return (
    closures.find(
      (c) =>
        (c.resourceId === null || c.resourceId === resourceId) &&
        overlaps(period, { start: c.startsAt, end: c.endsAt }),
    ) ?? null
  );
}

export function checkClosures(period: Period, resourceId: string, closures: readonly ClosureSpan[]): RuleResult<true> {
  return closureOver(period, resourceId, closures) ? fail("closed") : ok(true);
}

export interface Booker {
  role: Role;
  /** Belongs to a team whose status is 'incubating'. */
  inIncubatingTeam: boolean;
}

export function isStaffRole(role: Role): boolean {
  return role === "staff" || role === "admin";
}

/** Who may book a resource. */
export function mayBook(audience: Audience, booker: Booker): boolean {
  switch (audience) {
    case "everyone":
      return true;
    case "members":
      return booker.role === "founder" || booker.role === "mentor" || isStaffRole(booker.role);
    case "incubated_teams":
      return isStaffRole(booker.role) || (booker.role === "founder" && booker.inIncubatingTeam);
    case "staff":
      return isStaffRole(booker.role);
  }
}

export function checkAudience(audience: Audience, booker: Booker): RuleResult<true> {
  return mayBook(audience, booker) ? ok(true) : fail("not_allowed");
}

/** The ISO week (Monday 00:00 to the next Monday 00:00) holding the instant, in the zone. */
export function isoWeek(instant: Date, zone: string): Period {
  const monday = DateTime.fromJSDate(instant, { zone: zoneOf(zone) }).startOf("week");
  return { start: monday.toJSDate(), end: monday.plus({ weeks: 1 }).toJSDate() };
}

export interface QuotaUse {
  /** Desk-days the person already holds that week. */
  person: number;
  /** Desk-days the person's incubating team holds that week; null without a team. */
  team: number | null;
  /** Desk-days this booking adds. */
  adding: number;
}

/** A fixed desk's hold by a team, from one local date to another (both included). */
export interface FixedDeskHold {
  resource_id: string;
  team_id: string;
  starts_on: string;
  ends_on: string;
}

/** The team holding a fixed desk on a local yyyy-MM-dd date, or null when none does. */
export function fixedDeskHolder(holds: readonly FixedDeskHold[], resourceId: string, date: string): string | null {
  const hold = holds.find((h) => h.resource_id === resourceId && h.starts_on <= date && date <= h.ends_on);
  return hold?.team_id ?? null;
}

/**
 * During a team's hold, a fixed desk is only that team's (see docs/decisions/006): the
 * person must be a member of the holding team. Outside any hold it is booked like a hot desk.
 */
export function checkFixedDesk(holder: string | null, personTeams: readonly string[]): RuleResult<true> {
  if (holder === null || personTeams.includes(holder)) return ok(true);
  return fail("fixed_desk_assigned");
}

/** Weekly free desk-days, per person and per team. */
export function checkQuota(use: QuotaUse, policy: Policy): RuleResult<true> {
  if (use.person + use.adding > policy.freeDeskDaysPerPersonWeek) return fail("quota_person");
  if (use.team !== null && use.team + use.adding > policy.freeDeskDaysPerTeamWeek) return fail("quota_team");
  return ok(true);
}

/** A booking can be cancelled until cancel_deadline_minutes before it starts; staff any time. */
export function checkCancel(startsAt: Date, now: Date, policy: Policy, byStaff: boolean): RuleResult<true> {
  if (byStaff) return ok(true);
  const deadline = startsAt.getTime() - policy.cancelDeadlineMinutes * 60_000;
  return now.getTime() > deadline ? fail("cancel_too_late") : ok(true);
}

/** The check-in window: start − opens … start + closes (both ends included). */
export function checkInWindow(startsAt: Date, policy: Policy): Period {
  return {
    start: new Date(startsAt.getTime() - policy.checkInOpensMinutes * 60_000),
    end: new Date(startsAt.getTime() + policy.checkInClosesMinutes * 60_000),
  };
}

export function checkCheckIn(startsAt: Date, now: Date, policy: Policy): RuleResult<true> {
  const window = checkInWindow(startsAt, policy);
  if (now.getTime() < window.start.getTime()) return fail("check_in_too_early");
  if (now.getTime() > window.end.getTime()) return fail("check_in_too_late");
  return ok(true);
}

export interface Prices {
  price_hour_vnd: number | null;
  price_half_day_vnd: number | null;
  price_day_vnd: number | null;
}

/** Price in đồng, or null when the resource is not sold that way. */
export function priceOf(prices: Prices, choice: { part: DayPart } | { minutes: number }): number | null {
  if ("part" in choice) return choice.part === "day" ? prices.price_day_vnd : prices.price_half_day_vnd;
  if (prices.price_hour_vnd === null) return null;
  return Math.round((prices.price_hour_vnd * choice.minutes) / 60);
}

/** The HTTP status that answers a refusal. */
export function statusFor(code: BookingErrorCode): 400 | 403 | 404 | 409 {
  switch (code) {
    case "not_allowed":
    case "fixed_desk_assigned":
      return 403;
    case "unknown_resource":
    case "not_found":
    case "no_booking_here":
    case "unknown_person":
    case "unknown_team":
      return 404;
    case "taken":
    case "quota_person":
    case "quota_team":
    case "pass_unusable":
    case "move_costs_money":
    case "not_active":
    case "cancel_too_late":
    case "check_in_too_early":
    case "check_in_too_late":
    case "series_conflicts":
    case "held_by_event":
      return 409;
    default:
      return 400;
  }
}

export interface SeriesEnd {
  /** Last local date (inclusive), yyyy-MM-dd. */
  until?: string | null;
  /** Number of occurrences. */
  occurrences?: number | null;
}

/** Longest series, whatever the end asked for: a year of weekly occurrences. */
export const MAX_OCCURRENCES = 53;

/**
 * The local dates of a weekly series: from the first date (inclusive), every day whose ISO
 * weekday is listed, until a date (inclusive) or a number of occurrences, whichever is set.
 */
export function seriesDates(
  first: string,
  weekdays: readonly number[],
  end: SeriesEnd,
  zone: string,
): RuleResult<string[]> {
  const start = parseLocalDate(first, zone);
  if (!start) return fail("invalid_date");
  const days = new Set(weekdays);
  if (days.size === 0 || [...days].some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return fail("invalid_series");
  const until = end.until ? parseLocalDate(end.until, zone) : null;
  if (end.until && !until) return fail("invalid_series");
  if (until && until < start) return fail("invalid_series");
  const count = end.occurrences ?? null;
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES))
    return fail("invalid_series");
  if (!until && count === null) return fail("invalid_series");
  const dates: string[] = [];
  for (let day = start; dates.length < (count ?? MAX_OCCURRENCES); day = day.plus({ days: 1 })) {
    if (until && day > until) break;
    if (day.diff(start, "days").days > 7 * MAX_OCCURRENCES) break;
    if (days.has(day.weekday)) dates.push(day.toISODate()!);
  }
  return ok(dates);
}
