import { DateTime } from "luxon";
import { MILESTONE_STATUSES, type MilestoneStatus } from "#db/schema";

// Pure rules of a team's milestones: no database, no request.

export function isMilestoneStatus(value: unknown): value is MilestoneStatus {
  return typeof value === "string" && (MILESTONE_STATUSES as readonly string[]).includes(value);
}

/** Today's calendar date "yyyy-MM-dd" in the centre's zone (not the server's). */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
}

/**
 * A due date typed as dd/MM/yyyy (how dates are written here, and what a browser without a
 * date picker sends) or yyyy-MM-dd (what <input type="date"> sends); null when it is neither
 * or not a real day.
 */
export function parseDueDate(text: string): string | null {
  const value = text.trim();
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const date = vietnamese
    ? DateTime.fromObject({ day: Number(vietnamese[1]), month: Number(vietnamese[2]), year: Number(vietnamese[3]) })
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? DateTime.fromISO(value)
      : null;
  return date?.isValid ? date.toISODate() : null;
}

/** Overdue: due before today and still open (neither done nor dropped). */
export function isOverdue(milestone: { due_on: string; status: MilestoneStatus }, today: string): boolean {
  return (milestone.status === "planned" || milestone.status === "in_progress") && milestone.due_on < today;
}

export interface MilestoneProgress {
  done: number;
  /** Milestones still counted: dropped ones are no longer part of the plan. */
  total: number;
  overdue: number;
}

export function milestoneProgress(
  milestones: ReadonlyArray<{ due_on: string; status: MilestoneStatus }>,
  today: string,
): MilestoneProgress {
  let done = 0;
  let total = 0;
  let overdue = 0;
  for (const milestone of milestones) {
    if (milestone.status !== "dropped") total += 1;
    if (milestone.status === "done") done += 1;
    if (isOverdue(milestone, today)) overdue += 1;
  }
  return { done, total, overdue };
}

/** The day a milestone was done: kept while it stays done, set today when it becomes done. */
export function doneOnFor(status: MilestoneStatus, previous: string | null, today: string): string | null {
  if (status !== "done") return null;
  return previous ?? today;
}
