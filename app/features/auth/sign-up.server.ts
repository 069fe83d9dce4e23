import type { Kysely } from "kysely";
import type { Database, Locale, User } from "#db/schema";
import { hashPassword } from "./password.server";
import { findUserByEmail, insertUser, isUniqueViolation } from "./queries.server";

export interface FounderSignUp {
  centreId: number;
  name: string;
  email: string;
  phone: string | null;
  password: string;
  locale: Locale;
}

export type SignUpResult = { ok: true; user: User } | { ok: false; reason: "email-taken" };

/** Creates a founder account. Anyone may sign up as a founder; other roles come by invitation. */
export async function signUpFounder(db: Kysely<Database>, input: FounderSignUp): Promise<SignUpResult> {
  if (await findUserByEmail(db, input.email)) return { ok: false, reason: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await insertUser(db, {
      centre_id: input.centreId,
      email: input.email,
      name: input.name,
      phone: input.phone,
      role: "founder",
      password_hash: passwordHash,
      locale: input.locale,
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}
