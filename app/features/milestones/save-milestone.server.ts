import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { MilestoneForm } from "./milestone-form";
import { findMilestone, insertMilestone, updateMilestone } from "./queries.server";
import { doneOnFor } from "./rules";

/**
 * Adds a milestone to a team; a milestone made "done" is dated today. With an actor (staff on
 * the team's page) the milestone is recorded in the audit log; founders' own are not.
 */
export async function addMilestone(
  db: Kysely<Database>,
  input: { teamId: string; userId: string; today: string; milestone: MilestoneForm; actor?: AuditActor },
) {
  const { milestone, actor } = input;
  const values = { ...milestone, doneOn: doneOnFor(milestone.status, null, input.today) };
  if (!actor) return insertMilestone(db, input.teamId, input.userId, values);
  return db.transaction().execute(async (trx) => {
    const row = await insertMilestone(trx, input.teamId, input.userId, values);
    await recordAudit(trx, actor, {
      action: "milestone.create",
      entityType: "milestone",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** Changes one of the team's milestones; null when the team has no such milestone. Staff's edit is audited. */
export async function editMilestone(
  db: Kysely<Database>,
  input: { teamId: string; milestoneId: string; today: string; milestone: MilestoneForm; actor?: AuditActor },
) {
  const { milestone, actor } = input;
  return db.transaction().execute(async (trx) => {
    const existing = await findMilestone(trx, input.teamId, input.milestoneId);
    if (!existing) return null;
    const after = await updateMilestone(trx, input.teamId, input.milestoneId, {
      ...milestone,
      doneOn: doneOnFor(milestone.status, existing.done_on, input.today),
    });
    if (actor && after) {
      await recordAudit(trx, actor, {
        action: "milestone.update",
        entityType: "milestone",
        entityId: after.id,
        before: existing,
        after,
      });
    }
    return after;
  });
}
