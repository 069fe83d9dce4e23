import type { Kysely } from "kysely";
import { ACTIVE_BOOKING_STATUSES, type Database } from "#db/schema";
import { isUuid } from "./queries.server";

/** Ends a staff block of the centre (the resource is bookable again); false when there is none. */
export async function unblockResource(
  db: Kysely<Database>,
  staff: { id: string; centre_id: number },
  blockId: string,
): Promise<boolean> {
  if (!isUuid(blockId)) return false;
  const now = new Date();
  const result = await db
    .updateTable("booking")
    .set((eb) => ({
      status: "cancelled",
      cancelled_at: now,
      cancelled_by: staff.id,
      sequence: eb("sequence", "+", 1),
      updated_at: now,
    }))
    .where("id", "=", blockId)
    .where("centre_id", "=", staff.centre_id)
    .where("purpose", "=", "block")
    .where("status", "in", ACTIVE_BOOKING_STATUSES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
