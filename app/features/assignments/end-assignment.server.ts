import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { findAssignment } from "./queries.server";

/**
 * Ends an active assignment: the mentor no longer sees the team's private page nor its
 * founders' contacts. Its sessions stay, so delivered hours remain on record. False when the
 * assignment is not the centre's (404); ending an ended one changes nothing.
 */
export async function endAssignment(db: Kysely<Database>, centreId: number, assignmentId: string, actor?: AuditActor) {
  if (!(await findAssignment(db, centreId, assignmentId))) return false;
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("mentor_assignment")
      .selectAll()
      .where("id", "=", assignmentId)
      .where("status", "=", "active")
      .forUpdate()
      .executeTakeFirst();
    if (!before) return;
    const after = await trx
      .updateTable("mentor_assignment")
      .set({ status: "ended", updated_at: new Date() })
      .where("id", "=", assignmentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordAudit(trx, actor, {
        action: "mentor_assignment.end",
        entityType: "mentor_assignment",
        entityId: assignmentId,
        before,
        after,
      });
    }
  });
  return true;
}
