import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

/** Replaces the centre's week: a weekday left out is closed. All of it or none of it. */
export async function saveOpeningHours(
  db: Kysely<Database>,
  centreId: number,
  days: ReadonlyArray<{ weekday: number; opensAt: string; closesAt: string }>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("opening_hours").where("centre_id", "=", centreId).execute();
    if (days.length === 0) return;
    await trx
      .insertInto("opening_hours")
      .values(
        days.map((d) => ({ centre_id: centreId, weekday: d.weekday, opens_at: d.opensAt, closes_at: d.closesAt })),
      )
      .execute();
  });
}
