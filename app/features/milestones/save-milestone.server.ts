import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { MilestoneForm } from "./milestone-form";
import { findMilestone, insertMilestone, updateMilestone } from "./queries.server";
import { doneOnFor } from "./rules";

/** Adds a milestone to a team; a milestone made "done" is dated today. */
export async function addMilestone(
  db: Kysely<Database>,
  input: { teamId: string; userId: string; today: string; milestone: MilestoneForm },
) {
  const { milestone } = input;
  return insertMilestone(db, input.teamId, input.userId, {
    ...milestone,
    doneOn: doneOnFor(milestone.status, null, input.today),
  });
}

/** Changes one of the team's milestones; null when the team has no such milestone. */
export async function editMilestone(
  db: Kysely<Database>,
  input: { teamId: string; milestoneId: string; today: string; milestone: MilestoneForm },
) {
  const existing = await findMilestone(db, input.teamId, input.milestoneId);
  if (!existing) return null;
  const { milestone } = input;
  return updateMilestone(db, input.teamId, input.milestoneId, {
    ...milestone,
    doneOn: doneOnFor(milestone.status, existing.done_on, input.today),
  });
}
