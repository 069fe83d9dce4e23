import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

// Programmes and sectors of one centre.

export function listProgrammes(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("programme")
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom("application")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("application.programme_id", "=", "programme.id")
        .as("application_count"),
    )
    .where("centre_id", "=", centreId)
    .orderBy("starts_on", "desc")
    .orderBy("name_vi")
    .execute();
}

export function getProgramme(db: Kysely<Database>, centreId: number, id: string) {
  return db
    .selectFrom("programme")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function getProgrammeBySlug(db: Kysely<Database>, centreId: number, slug: string) {
  return db
    .selectFrom("programme")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** Programmes taking applications at `now`. */
export function listOpenProgrammes(db: Kysely<Database>, centreId: number, now: Date) {
  return db
    .selectFrom("programme")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("applications_open_at", "<=", now)
    .where("applications_close_at", ">", now)
    .orderBy("applications_close_at")
    .execute();
}

export function listSectors(db: Kysely<Database>, centreId: number, options: { activeOnly?: boolean } = {}) {
  let query = db.selectFrom("sector").selectAll().where("centre_id", "=", centreId);
  if (options.activeOnly) query = query.where("is_active", "=", true);
  return query.orderBy("sort_order").orderBy("id").execute();
}

export function getSector(db: Kysely<Database>, centreId: number, id: number) {
  return db.selectFrom("sector").selectAll().where("centre_id", "=", centreId).where("id", "=", id).executeTakeFirst();
}
