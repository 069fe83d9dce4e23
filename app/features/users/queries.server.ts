import { sql, type Kysely } from "kysely";
import type { Database, Role } from "#db/schema";

export async function findUserInCentreByEmail(db: Kysely<Database>, centreId: number, email: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email", "role", "is_active"])
    .where("centre_id", "=", centreId)
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

/** The centre's accounts by name, optionally only one role. */
export async function listUsers(db: Kysely<Database>, centreId: number, role?: Role) {
  let query = db
    .selectFrom("app_user")
    .select(["id", "name", "email", "role", "is_active"])
    .where("centre_id", "=", centreId);
  if (role) query = query.where("role", "=", role);
  return query
    .orderBy(sql`lower(name)`)
    .orderBy("email")
    .execute();
}

/**
 * The centre's active administrators, locked until the transaction ends, so two role
 * changes that each leave "another admin" cannot both go through. Call inside a transaction.
 */
export async function lockActiveAdmins(trx: Kysely<Database>, centreId: number) {
  return trx
    .selectFrom("app_user")
    .select(["id"])
    .where("centre_id", "=", centreId)
    .where("role", "=", "admin")
    .where("is_active", "=", true)
    .orderBy("id")
    .forUpdate()
    .execute();
}

export async function setUserRole(db: Kysely<Database>, centreId: number, userId: string, role: Role) {
  return db
    .updateTable("app_user")
    .set({ role, updated_at: new Date() })
    .where("centre_id", "=", centreId)
    .where("id", "=", userId)
    .returning(["id", "name", "role"])
    .executeTakeFirst();
}
