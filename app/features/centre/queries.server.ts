import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

export async function getCentreBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom("centre").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function getOpeningHours(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("opening_hours")
    .select(["weekday", "opens_at", "closes_at"])
    .where("centre_id", "=", centreId)
    .orderBy("weekday")
    .execute();
}
