import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { lockAssignment } from "./queries.server";

/**
 * Ends an active assignment: the mentor no longer sees the team's private page nor its
 * founders' contacts. Its sessions stay, so delivered hours remain on record. False when the
 * assignment is not the centre's (404); ending an ended one changes nothing.
 */
export async function endAssignment(db: Kysely<Database>, centreId: number, assignmentId: string, actor?: AuditActor) {
  return db.transaction().execute(async (trx) => {
    const before = await lockAssignment(trx, centreId, assignmentId);
    if (!before) return false;
    if (before.status !== "active") return true;
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
    return true;
  });
}
