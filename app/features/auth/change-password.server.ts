import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { hashPassword, verifyPassword } from "./password.server";
import { findUserById, setPasswordHash } from "./queries.server";
import { endOtherSessions } from "./session.server";

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong-current" };

/**
 * Changes a signed-in person's password after they prove they know the current one, then
 * signs out every other browser of the account (a thief's session ends with the change).
 */
export async function changePassword(
  db: Kysely<Database>,
  input: { userId: string; currentPassword: string; newPassword: string; request: Request },
): Promise<ChangePasswordResult> {
  const user = await findUserById(db, input.userId);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    return { ok: false, reason: "wrong-current" };
  }
  const newHash = await hashPassword(input.newPassword);
  // One transaction: the new password and the end of the other sessions happen together.
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, newHash);
    await endOtherSessions(trx, user.id, input.request);
  });
  return { ok: true };
}
