import type { Kysely } from "kysely";
import type { Database, User } from "#db/schema";
import { verifyPassword } from "./password.server";
import {
  clearThrottle,
  deleteForgottenThrottles,
  findThrottleStates,
  findUserByEmail,
  updateThrottle,
} from "./queries.server";
import {
  checkThrottle,
  combineThrottleChecks,
  forgetThrottlesBefore,
  minutesToWait,
  recordFailure,
  throttleKeys,
} from "./rules";

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryMinutes: number };

/**
 * Checks an email and password. The answer never says which of the two was wrong, and
 * repeated failures for one email or one address lock that key for a while (state in the
 * database, shared by every app instance). While a key is locked the password is not even
 * checked, so guessing on during a lockout learns nothing.
 */
export async function signIn(
  db: Kysely<Database>,
  input: { email: string; password: string; clientIp: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = throttleKeys(input.email, input.clientIp);
  const states = await findThrottleStates(db, keys);
  const gate = combineThrottleChecks(states.map((state) => checkThrottle(state, now)));
  if (gate.locked) return { ok: false, reason: "throttled", retryMinutes: minutesToWait(gate.retryAfterMs) };

  const user = await findUserByEmail(db, input.email);
  const active = user?.is_active ? user : undefined;
  // verifyPassword spends the same time when there is no account, so timing says nothing either.
  const valid = await verifyPassword(input.password, active?.password_hash ?? null);
  if (!active || !valid) {
    await db.transaction().execute(async (trx) => {
      for (const key of keys) await updateThrottle(trx, key, now, (state) => recordFailure(state, now));
    });
    await deleteForgottenThrottles(db, forgetThrottlesBefore(now));
    return { ok: false, reason: "invalid" };
  }
  const [emailKey] = keys;
  if (emailKey) await clearThrottle(db, emailKey);
  return { ok: true, user: active };
}
