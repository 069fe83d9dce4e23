import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { hashPassword } from "./password.server";
import {
  clearThrottle,
  consumePasswordReset,
  findUserById,
  findUsablePasswordReset,
  retireOtherPasswordResets,
  setPasswordHash,
} from "./queries.server";
import { throttleKeys } from "./rules";
import { endAllSessions, hashToken, startSession } from "./session.server";

/** The account behind an emailed reset link, while the link is still usable. */
export async function findPasswordReset(db: Kysely<Database>, token: string, now = new Date()) {
  return findUsablePasswordReset(db, hashToken(token), now);
}

export type ResetPasswordResult = { ok: true; setCookie: string } | { ok: false };

/**
 * Sets a new password through an emailed link: the link is used up, every session of the
 * account ends (whoever else was signed in is signed out), and this browser gets a fresh one.
 */
export async function resetPassword(
  db: Kysely<Database>,
  input: { token: string; password: string; context: Pick<AppLoadContext, "clientIp">; request: Request; now?: Date },
): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date();
  if (!(await findPasswordReset(db, input.token, now))) return { ok: false };
  // Hash outside the transaction: scrypt is slow and PGlite has a single connection.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const userId = await consumePasswordReset(trx, hashToken(input.token), now);
    if (!userId) return { ok: false };
    const user = await findUserById(trx, userId);
    if (!user?.is_active) return { ok: false };
    await setPasswordHash(trx, userId, passwordHash);
    await retireOtherPasswordResets(trx, userId, now);
    await endAllSessions(trx, userId);
    // Whoever reads the mailbox owns the account: let them sign in at once.
    const [emailKey] = throttleKeys(user.email, null);
    if (emailKey) await clearThrottle(trx, emailKey);
    const setCookie = await startSession(trx, userId, input.context, input.request);
    return { ok: true, setCookie };
  });
}
