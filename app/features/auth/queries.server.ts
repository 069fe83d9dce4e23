import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";

export async function setAccountLocale(db: Kysely<Database>, userId: string, locale: Locale) {
  await db.updateTable("app_user").set({ locale, updated_at: new Date() }).where("id", "=", userId).execute();
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("app_user").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}
