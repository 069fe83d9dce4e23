import { DateTime } from "luxon";
import { EVENT_AUDIENCES, EVENT_KINDS, type EventAudience, type EventKind } from "#db/schema";
import type { MessageKey } from "~/i18n/translate";

// Pure rules of the annual report: which years may be asked for, and the figures' shape.

/** The earliest year the app reports on (the national programme, Đề án 844, began in 2016). */
export const FIRST_YEAR = 2016;

// The events' kinds and audiences, as the schema lists them.
export { EVENT_AUDIENCES, EVENT_KINDS };
export type ReportAudience = EventAudience;
export type ReportEventKind = EventKind;

/** The lists behind the figures, by their address under /staff/reports/annual/. */
const REPORT_LISTS = ["founders-trained", "teams", "events", "sessions", "bookings"] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

export function isReportList(value: string | undefined): value is ReportList {
  return (REPORT_LISTS as readonly string[]).includes(value ?? "");
}

export type YearResult = { ok: true; year: number } | { ok: false; error: MessageKey };

/**
 * The year of a query string: absent → the current year; otherwise four digits between
 * FIRST_YEAR and `latest` (reports: the current year; targets: the next one, to plan ahead).
 */
export function parseYear(raw: string | null, currentYear: number, latest = currentYear): YearResult {
  if (raw === null || raw.trim() === "") return { ok: true, year: Math.min(currentYear, latest) };
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return { ok: false, error: "reports.error.yearFormat" };
  const year = Number(text);
  if (year < FIRST_YEAR || year > latest) return { ok: false, error: "reports.error.yearRange" };
  return { ok: true, year };
}

/** The current year in the centre's zone. */
export function currentYear(zone: string, now: Date = new Date()): number {
  return DateTime.fromJSDate(now).setZone(zone).year;
}

/** The first and last instants of a calendar year in the centre's zone: [start, end). */
export function yearBounds(year: number, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  return { start: start.toJSDate(), end: start.plus({ years: 1 }).toJSDate() };
}

export interface AudienceFigures {
  audience: ReportAudience;
  /** Events held for this audience (an event for several audiences counts in each). */
  events: number;
  /** Registrations by people of this group to the year's held events (not cancelled, not waitlisted). */
  registered: number;
  /** Of those, the people who came. */
  attended: number;
}

export interface YearFigures {
  year: number;
  teamsSupported: number;
  teamsIncubated: number;
  foundersTrained: number;
  eventsHeld: number;
  participants: number;
  byAudience: AudienceFigures[];
  mentoringSessions: number;
  mentoringHours: number;
  deskDays: number;
  roomHours: number;
  inKindValueVnd: number;
  jobsCreated: number;
  competitions: number;
}

export function emptyYear(year: number): YearFigures {
  return {
    year,
    teamsSupported: 0,
    teamsIncubated: 0,
    foundersTrained: 0,
    eventsHeld: 0,
    participants: 0,
    byAudience: EVENT_AUDIENCES.map((audience) => ({ audience, events: 0, registered: 0, attended: 0 })),
    mentoringSessions: 0,
    mentoringHours: 0,
    deskDays: 0,
    roomHours: 0,
    inKindValueVnd: 0,
    jobsCreated: 0,
    competitions: 0,
  };
}

/** Rounds a figure that may carry halves (desk-days) or fractions (hours) to one decimal. */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A figure for people: Vietnamese writes the decimal comma, English the point. */
export function formatFigure(value: number, locale: "vi" | "en"): string {
  const [whole = "0", fraction] = oneDecimal(value).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "vi" ? "." : ",");
  return fraction ? `${grouped}${locale === "vi" ? "," : "."}${fraction}` : grouped;
}

/** The place in a report's date line: the province or city at the end of the unit's address. */
export function placeOf(address: string): string {
  const last = address.split(",").pop()?.trim() ?? "";
  return last.replace(/^(tỉnh|thành phố|tp\.?)\s+/i, "").trim();
}
