import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";

/** Reopens what a closure closed; false when the centre has no such closure. */
export async function deleteClosure(
  db: Kysely<Database>,
  centreId: number,
  closureId: string,
  actor?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom("closure")
      .where("centre_id", "=", centreId)
      .where("id", "=", closureId)
      .returningAll()
      .executeTakeFirst();
    if (!before) return false;
    if (actor)
      await recordAudit(trx, actor, { action: "closure.delete", entityType: "closure", entityId: closureId, before });
    return true;
  });
}
