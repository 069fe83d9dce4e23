import { DateTime } from "luxon";
import { parseLocalDate } from "~/features/bookings/rules";
import { zoneOf } from "~/utils/zones";
import type { EventAudience, EventKind, Locale, Role } from "#db/schema";

// Pure rules of events and registrations: no database, no request.

/** Where an event takes place, in a language: its room or hall, else the venue staff typed. */
export function placeOf(
  event: { venue_text: string; resource_name_vi?: string | null; resource_name_en?: string | null },
  locale: Locale,
): string {
  return (locale === "vi" ? event.resource_name_vi : event.resource_name_en) ?? event.venue_text;
}

export interface Period {
  start: Date;
  end: Date;
}

export type EventTimeError = "invalid_date" | "invalid_time" | "end_before_start";

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** An event's start and end on one local day (yyyy-MM-dd, HH:mm, HH:mm) in the centre's zone. */
export function eventPeriod(
  date: string,
  start: string,
  end: string,
  zone: string,
): { ok: true; period: Period } | { ok: false; code: EventTimeError; field: "date" | "start" | "end" } {
  const day = parseLocalDate(date, zone);
  if (!day) return { ok: false, code: "invalid_date", field: "date" };
  const from = TIME_RE.exec(start);
  if (!from) return { ok: false, code: "invalid_time", field: "start" };
  const to = TIME_RE.exec(end);
  if (!to) return { ok: false, code: "invalid_time", field: "end" };
  const at = (m: RegExpExecArray) => day.set({ hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 });
  const period = { start: at(from).toJSDate(), end: at(to).toJSDate() };
  if (period.end <= period.start) return { ok: false, code: "end_before_start", field: "end" };
  return { ok: true, period };
}

/** The form's date and times of a stored event, in the centre's zone. */
export function eventFormTimes(period: Period, zone: string): { date: string; start: string; end: string } {
  const start = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) });
  const end = DateTime.fromJSDate(period.end, { zone: zoneOf(zone) });
  return { date: start.toISODate()!, start: start.toFormat("HH:mm"), end: end.toFormat("HH:mm") };
}

/** The group a member registers in, from their role: the annual report counts by it. */
export function memberAudience(role: Role): EventAudience {
  if (role === "founder") return "founders";
  if (role === "mentor") return "mentors";
  return "public";
}

/** Whether a group may register: the event names it, or is open to the public. */
export function isForAudience(audiences: readonly EventAudience[], audience: EventAudience): boolean {
  return audiences.includes(audience) || audiences.includes("public");
}

export type RegistrationRefusal = "event_cancelled" | "event_started";

/** Registration and cancelling are open until the event starts, and never for a cancelled one. */
export function checkOpen(event: { status: string; starts_at: Date }, now: Date): RegistrationRefusal | null {
  if (event.status === "cancelled") return "event_cancelled";
  if (event.starts_at.getTime() <= now.getTime()) return "event_started";
  return null;
}

/** A new registration takes a seat while fewer than `capacity` are registered, else joins the waitlist. */
export function seatFor(registered: number, capacity: number): "registered" | "waitlisted" {
  return registered < capacity ? "registered" : "waitlisted";
}

/** How many waitlisted people to promote when `registered` of `capacity` seats are taken. */
export function seatsToFill(registered: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(capacity - registered, waiting));
}

/** A certificate of attendance: trainings only, for people marked present. */
export function mayHaveCertificate(
  event: { kind: EventKind; status: string },
  registration: { status: string; attended_at: Date | null },
): boolean {
  return event.kind === "training" && registration.status === "registered" && registration.attended_at !== null;
}
