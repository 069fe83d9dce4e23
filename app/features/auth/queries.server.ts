import type { Kysely } from "kysely";
import type { Database, Locale, NewUser } from "#db/schema";
import type { ThrottleState } from "./rules";

export async function setAccountLocale(db: Kysely<Database>, userId: string, locale: Locale) {
  await db.updateTable("app_user").set({ locale, updated_at: new Date() }).where("id", "=", userId).execute();
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("app_user").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, userId: string) {
  return db.selectFrom("app_user").selectAll().where("id", "=", userId).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, user: NewUser) {
  return db.insertInto("app_user").values(user).returningAll().executeTakeFirstOrThrow();
}

export async function setPasswordHash(db: Kysely<Database>, userId: string, passwordHash: string) {
  await db
    .updateTable("app_user")
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), from pg or PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

// Sign-in throttle --------------------------------------------------------------------

function toState(row: { failures: number; first_failure_at: Date; locked_until: Date | null }): ThrottleState {
  return { failures: row.failures, firstFailureAt: row.first_failure_at, lockedUntil: row.locked_until };
}

export async function findThrottleStates(db: Kysely<Database>, keys: readonly string[]): Promise<ThrottleState[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom("sign_in_throttle").selectAll().where("key", "in", keys).execute();
  return rows.map(toState);
}

/**
 * Applies `next` to the key's state under a row lock, so concurrent failures from several
 * app instances are all counted. Call inside a transaction.
 */
export async function updateThrottle(
  trx: Kysely<Database>,
  key: string,
  now: Date,
  next: (state: ThrottleState | null) => ThrottleState,
): Promise<ThrottleState> {
  // Make sure a row exists to lock; a fresh row has no failures yet.
  await trx
    .insertInto("sign_in_throttle")
    .values({ key, failures: 0, first_failure_at: now, locked_until: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await trx
    .selectFrom("sign_in_throttle")
    .selectAll()
    .where("key", "=", key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const state = next(row.failures === 0 ? null : toState(row));
  await trx
    .updateTable("sign_in_throttle")
    .set({ failures: state.failures, first_failure_at: state.firstFailureAt, locked_until: state.lockedUntil })
    .where("key", "=", key)
    .execute();
  return state;
}

/**
 * Deletes keys whose failures no longer count (the SQL twin of isThrottleExpired), so
 * guesses at many made-up emails do not grow the table without end.
 */
export async function deleteForgottenThrottles(db: Kysely<Database>, forgetBefore: Date) {
  await db
    .deleteFrom("sign_in_throttle")
    .where((eb) => eb(eb.fn.coalesce("locked_until", "first_failure_at"), "<=", forgetBefore))
    .execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string) {
  await db.deleteFrom("sign_in_throttle").where("key", "=", key).execute();
}

// Password reset ----------------------------------------------------------------------

export async function insertPasswordReset(
  db: Kysely<Database>,
  reset: { tokenHash: string; userId: string; expiresAt: Date },
) {
  await db
    .insertInto("password_reset")
    .values({ token_hash: reset.tokenHash, user_id: reset.userId, expires_at: reset.expiresAt })
    .execute();
}

export async function countPasswordResetsSince(db: Kysely<Database>, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("password_reset")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The account a reset token belongs to, if the token is unused, unexpired and the account active. */
export async function findUsablePasswordReset(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom("password_reset")
    .innerJoin("app_user", "app_user.id", "password_reset.user_id")
    .select(["app_user.id as userId", "app_user.email", "app_user.name"])
    .where("password_reset.token_hash", "=", tokenHash)
    .where("password_reset.used_at", "is", null)
    .where("password_reset.expires_at", ">", now)
    .where("app_user.is_active", "=", true)
    .executeTakeFirst();
}

/**
 * Marks the token used in the same statement that checks it, so two submissions of one
 * link cannot both succeed. Returns the user id, or undefined when the token is not usable.
 */
export async function consumePasswordReset(db: Kysely<Database>, tokenHash: string, now: Date) {
  const row = await db
    .updateTable("password_reset")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** After a reset, older links for the same account stop working too. */
export async function retireOtherPasswordResets(db: Kysely<Database>, userId: string, now: Date) {
  await db
    .updateTable("password_reset")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

/** An active account and its centre's names, for the reset email. */
export async function findResetRecipient(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("app_user")
    .innerJoin("centre", "centre.id", "app_user.centre_id")
    .select([
      "app_user.id",
      "app_user.email",
      "app_user.name",
      "app_user.locale",
      "app_user.centre_id as centreId",
      "centre.name_vi as centreNameVi",
      "centre.name_en as centreNameEn",
    ])
    .where("app_user.email", "=", email.trim().toLowerCase())
    .where("app_user.is_active", "=", true)
    .executeTakeFirst();
}
