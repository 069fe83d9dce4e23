import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

/** Reopens what a closure closed; false when the centre has no such closure. */
export async function deleteClosure(db: Kysely<Database>, centreId: number, closureId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("closure")
    .where("centre_id", "=", centreId)
    .where("id", "=", closureId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
