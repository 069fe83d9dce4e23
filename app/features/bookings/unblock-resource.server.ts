import type { Kysely } from "kysely";
import { ACTIVE_BOOKING_STATUSES, type Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUuid } from "./queries.server";

/** Ends a staff block of the centre (the resource is bookable again); false when there is none. */
export async function unblockResource(db: Kysely<Database>, staff: AuditActor, blockId: string): Promise<boolean> {
  if (!isUuid(blockId)) return false;
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("booking")
      .selectAll()
      .where("id", "=", blockId)
      .where("centre_id", "=", staff.centre_id)
      .where("purpose", "=", "block")
      .where("status", "in", ACTIVE_BOOKING_STATUSES)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return false;
    const after = await trx
      .updateTable("booking")
      .set((eb) => ({
        status: "cancelled",
        cancelled_at: now,
        cancelled_by: staff.id,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", blockId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, staff, { action: "block.cancel", entityType: "booking", entityId: blockId, before, after });
    return true;
  });
}
