import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { releasePayment } from "./ledger.server";

/**
 * Releases every pending payment whose deadline has passed: its held booking is cancelled
 * (the slot is free again) and its pending pass cancelled. Run by the booking jobs every
 * minute; each payment in its own short transaction, so instances running it at once simply
 * find it no longer pending. Returns how many were released.
 */
export async function expireDuePayments(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const due = await db
    .selectFrom("payment")
    .select("id")
    .where("status", "=", "pending")
    .where("due_at", "<", now)
    .orderBy("due_at")
    .limit(500)
    .execute();
  let released = 0;
  for (const { id } of due) {
    const result = await db.transaction().execute((trx) => releasePayment(trx, id, "expired", now));
    if (result.ok) released += 1;
  }
  return released;
}
