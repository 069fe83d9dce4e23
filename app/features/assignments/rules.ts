import { DateTime } from "luxon";

// Pure rules of mentor assignments: the planned and delivered hours and when an assignment has
// stalled (docs/decisions/012-mentor-assignments.md). No database, no request.

/** Days without a done session after which an active assignment has stalled. */
export const QUIET_DAYS = 30;
/** Delivered hours below this share of the pro-rata plan count as far behind. */
export const BEHIND_SHARE = 0.5;

export interface AssignmentProgress {
  starts_on: string;
  ends_on: string;
  status: "active" | "ended";
  plannedHours: number;
  deliveredHours: number;
  /** The end of the last 'done' session, or null when there has been none. */
  lastDoneAt: Date | null;
}

export type StallReason = "quiet" | "behind";

/** The planned hours due by `today`: planned × the elapsed share of the period (both days included). */
export function proRataPlan(a: Pick<AssignmentProgress, "starts_on" | "ends_on" | "plannedHours">, today: string) {
  const start = DateTime.fromISO(a.starts_on);
  const end = DateTime.fromISO(a.ends_on);
  const now = DateTime.fromISO(today);
  const total = end.diff(start, "days").days + 1;
  const elapsed = Math.min(Math.max(now.diff(start, "days").days + 1, 0), total);
  return total > 0 ? (a.plannedHours * elapsed) / total : 0;
}

/**
 * Why an active assignment has stalled, or none. Only assignments started at least 30 days ago
 * are judged, so a new one is not flagged for having had no time yet:
 * - quiet: no 'done' session in the last 30 days;
 * - behind: delivered hours below half of the pro-rata plan.
 */
export function stallReasons(a: AssignmentProgress, now: Date, zone: string): StallReason[] {
  if (a.status !== "active") return [];
  const today = DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
  const started = DateTime.fromISO(a.starts_on, { zone });
  if (DateTime.fromISO(today, { zone }).diff(started, "days").days < QUIET_DAYS) return [];
  const reasons: StallReason[] = [];
  const quietSince = now.getTime() - QUIET_DAYS * 24 * 3600_000;
  if (!a.lastDoneAt || a.lastDoneAt.getTime() < quietSince) reasons.push("quiet");
  if (a.deliveredHours < BEHIND_SHARE * proRataPlan(a, today)) reasons.push("behind");
  return reasons;
}

/** Load of a mentor for the network filter: free with no active assignment, busy otherwise. */
export type MentorLoad = "free" | "busy";
export function mentorLoad(activeAssignments: number): MentorLoad {
  return activeAssignments === 0 ? "free" : "busy";
}

/** Hours shown as people read them: at most one decimal. */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10;
}

const HOURS = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }),
};

/** Hours as the reader writes numbers: "12,5" in Vietnamese, "12.5" in English. */
export function hoursText(hours: number, locale: "vi" | "en"): string {
  return HOURS[locale].format(hours);
}
