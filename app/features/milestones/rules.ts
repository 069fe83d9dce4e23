import { DateTime } from "luxon";
import type { MilestoneStatus } from "#db/schema";
import { parseCalendarDate } from "~/features/programmes/rules";

// Pure rules of a team's milestones: no database, no request.

/** Today's calendar date "yyyy-MM-dd" in the centre's zone (not the server's). */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
}

/** A due date typed as dd/MM/yyyy or yyyy-MM-dd: the same reading as every calendar date here. */
export const parseDueDate = parseCalendarDate;

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
