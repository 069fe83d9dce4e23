import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { listAssignments, type AssignmentRow } from "./queries.server";
import { roundHours, stallReasons } from "./rules";

/** An assignment as pages show it: hours rounded, and why it has stalled (if it has). */
export function withProgress(row: AssignmentRow, now: Date, zone: string) {
  return {
    ...row,
    planned_hours: roundHours(row.planned_hours),
    delivered_hours: roundHours(row.delivered_hours),
    stalled: stallReasons(
      {
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        status: row.status,
        plannedHours: row.planned_hours,
        deliveredHours: row.delivered_hours,
        lastDoneAt: row.last_done_at,
      },
      now,
      zone,
    ),
  };
}

/** Assignments with their progress; filtered like listAssignments. */
export async function readAssignments(
  db: Kysely<Database>,
  centreId: number,
  clock: { now: Date; zone: string },
  filter: Parameters<typeof listAssignments>[2] = {},
) {
  const rows = await listAssignments(db, centreId, filter);
  return rows.map((row) => withProgress(row, clock.now, clock.zone));
}
