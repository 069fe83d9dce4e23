import { DateTime } from "luxon";
import { zoneOf } from "~/utils/zones";

// Pure rules of the mentor network: office hours, days away, profiles. No database, no request.
// Unit-tested in tests/unit/mentors-rules.test.ts.

/** A weekly window on the centre's wall clock: ISO weekday (1 = Monday) and "HH:mm[:ss]" times. */
export interface OfficeWindow {
  weekday: number;
  starts_at: string;
  ends_at: string;
}

/** Days away, local calendar days "yyyy-MM-dd", both included. */
export interface DaysAway {
  starts_on: string;
  ends_on: string;
}

/** "HH:mm" or "HH:mm:ss" as minutes after midnight; null when it is no time of day. */
export function minutesOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(time.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Whether a period [start, end) lies inside one office-hours window of its local weekday and
 * not on a day away. The period must start and end on the same local day: a window never runs
 * past midnight, so a period that does is outside every window. Touching a window's edges counts
 * as inside (a 08:00–09:00 session fits a 08:00–11:00 window, so does 10:00–11:00).
 */
export function isWithinOfficeHours(
  hours: readonly OfficeWindow[],
  away: readonly DaysAway[],
  period: { start: Date; end: Date },
  zone: string,
): boolean {
  if (!(period.start.getTime() < period.end.getTime())) return false;
  const start = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) });
  const end = DateTime.fromJSDate(period.end, { zone: zoneOf(zone) });
  const day = start.toISODate();
  if (!day) return false;
  const endsNextMidnight = end.toISODate() !== day;
  // Only a period ending exactly at the next midnight may cross the date line; no window reaches it.
  if (endsNextMidnight) return false;
  if (away.some((a) => a.starts_on <= day && day <= a.ends_on)) return false;
  const from = start.hour * 60 + start.minute + start.second / 60;
  const to = end.hour * 60 + end.minute + end.second / 60;
  return hours.some((w) => {
    if (w.weekday !== start.weekday) return false;
    const opens = minutesOfDay(w.starts_at);
    const closes = minutesOfDay(w.ends_at);
    return opens !== null && closes !== null && opens <= from && to <= closes;
  });
}

/**
 * The first pair of windows that overlap on the same weekday (touching is fine: 08:00–11:00 and
 * 11:00–12:00 are two windows), or null. Windows whose start is not before their end are
 * refused by the office-hours form.
 */
export function overlappingWindows<W extends OfficeWindow>(windows: readonly W[]): [W, W] | null {
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const a = windows[i]!;
      const b = windows[j]!;
      if (a.weekday !== b.weekday) continue;
      const [a1, a2, b1, b2] = [a.starts_at, a.ends_at, b.starts_at, b.ends_at].map(minutesOfDay);
      if (a1 == null || a2 == null || b1 == null || b2 == null) continue;
      if (a1 < b2 && b1 < a2) return [a, b];
    }
  }
  return null;
}

/** Languages a mentor may list (ISO 639-1), in the order they are offered. */
export const MENTOR_LANGUAGES = ["vi", "en", "fr", "zh", "th", "lo", "ko", "ja"] as const;

/** A tag's code from its Vietnamese name: ASCII letters and digits, dashes between words. */
export function tagCode(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
