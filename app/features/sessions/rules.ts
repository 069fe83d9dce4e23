import { DateTime } from "luxon";
import type { SessionStatus } from "#db/schema";
import { parseCalendarDate } from "~/features/programmes/rules";
import { zoneOf } from "~/utils/zones";

// Pure rules of mentoring sessions: no database, no request.

export type Side = "mentor" | "team" | "staff";

export type SessionErrorCode =
  | "invalid_date"
  | "invalid_time"
  | "in_past"
  | "outside_assignment"
  | "outside_office_hours"
  | "mentor_busy"
  | "team_busy"
  | "room_taken"
  | "not_proposed"
  | "not_your_turn"
  | "not_confirmed"
  | "not_ended"
  | "already_started"
  | "assignment_ended";

export const SESSION_LENGTHS = [30, 45, 60, 90, 120, 180] as const;

export interface Period {
  start: Date;
  end: Date;
}

/** A session's period from a local date (dd/MM/yyyy or yyyy-MM-dd), "HH:mm" and minutes, in the zone. */
export function sessionPeriod(
  date: string,
  start: string,
  minutes: number,
  zone: string,
): { ok: true; period: Period; day: string } | { ok: false; code: "invalid_date" | "invalid_time" } {
  const day = parseCalendarDate(date);
  if (!day) return { ok: false, code: "invalid_date" };
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(start.trim());
  if (!time) return { ok: false, code: "invalid_time" };
  const begin = DateTime.fromISO(day, { zone: zoneOf(zone) }).set({
    hour: Number(time[1]),
    minute: Number(time[2]),
  });
  return {
    ok: true,
    day,
    period: { start: begin.toJSDate(), end: begin.plus({ minutes }).toJSDate() },
  };
}

/** A session's room and period as the bookings core's choice: a local date, "HH:mm" and minutes. */
export function roomChoice(resourceId: string, period: Period, zone: string) {
  const start = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) });
  return {
    resourceId,
    date: start.toISODate()!,
    start: start.toFormat("HH:mm"),
    minutes: (period.end.getTime() - period.start.getTime()) / 60_000,
  };
}

/** Inside the assignment's period (local dates, both included). */
export function withinAssignment(assignment: { starts_on: string; ends_on: string }, day: string): boolean {
  return assignment.starts_on.slice(0, 10) <= day && day <= assignment.ends_on.slice(0, 10);
}

/** Who the person is to a session's assignment: its mentor, a founder of its team, staff, or nobody. */
export function sideOf(
  person: { id: string; role: string },
  parties: { mentorId: string; teamMemberIds: readonly string[] },
): Side | null {
  if (person.id === parties.mentorId) return "mentor";
  if (parties.teamMemberIds.includes(person.id)) return "team";
  if (person.role === "staff" || person.role === "admin") return "staff";
  return null;
}

/**
 * The other side answers a proposal. When staff propose, they arrange it for both: either the
 * mentor or the team answers, and the first answer counts (docs/decisions/013).
 */
export function mayAnswer(proposedSide: Side, side: Side | null): boolean {
  if (side === null || side === "staff") return false;
  return proposedSide === "staff" || proposedSide !== side;
}

/** Before its start, any party (or staff) may cancel a proposed or confirmed session. */
export function checkCancel(session: { status: SessionStatus; starts_at: Date }, now: Date): SessionErrorCode | null {
  if (session.status !== "proposed" && session.status !== "confirmed") return "not_confirmed";
  if (session.starts_at.getTime() <= now.getTime()) return "already_started";
  return null;
}

/** After its end, the mentor records a confirmed session as done or as a no-show. */
export function checkRecord(session: { status: SessionStatus; ends_at: Date }, now: Date): SessionErrorCode | null {
  if (session.status !== "confirmed") return "not_confirmed";
  if (session.ends_at.getTime() > now.getTime()) return "not_ended";
  return null;
}

/** Notes and action items: the mentor, the team and staff only. */
export function mayReadNotes(side: Side | null): boolean {
  return side !== null;
}

/** Hours of sessions, one decimal. */
export function hoursOf(sessions: readonly Period[]): number {
  const minutes = sessions.reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()) / 60_000, 0);
  return Math.round((minutes / 60) * 10) / 10;
}

/** The local month holding the instant, as a period. */
export function monthOf(now: Date, zone: string): Period {
  const first = DateTime.fromJSDate(now, { zone: zoneOf(zone) }).startOf("month");
  return { start: first.toJSDate(), end: first.plus({ months: 1 }).toJSDate() };
}

/** The local day or ISO week (Monday first) holding a yyyy-MM-dd date, as a period. */
export function viewPeriod(view: "day" | "week", day: string, zone: string): Period {
  const start = DateTime.fromISO(day, { zone: zoneOf(zone) }).startOf(view === "day" ? "day" : "week");
  return { start: start.toJSDate(), end: start.plus(view === "day" ? { days: 1 } : { weeks: 1 }).toJSDate() };
}
