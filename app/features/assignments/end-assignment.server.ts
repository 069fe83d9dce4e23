import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findAssignment } from "./queries.server";

/**
 * Ends an active assignment: the mentor no longer sees the team's private page nor its
 * founders' contacts. Its sessions stay, so delivered hours remain on record. False when the
 * assignment is not the centre's (404); ending an ended one changes nothing.
 */
export async function endAssignment(db: Kysely<Database>, centreId: number, assignmentId: string) {
  if (!(await findAssignment(db, centreId, assignmentId))) return false;
  await db
    .updateTable("mentor_assignment")
    .set({ status: "ended", updated_at: new Date() })
    .where("id", "=", assignmentId)
    .where("status", "=", "active")
    .execute();
  return true;
}
