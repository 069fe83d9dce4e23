import type { Kysely } from "kysely";
import type { Database, Locale, User } from "#db/schema";
import { findUserByEmail, insertUser, isUniqueViolation } from "~/features/auth/queries.server";
import { hashPassword } from "~/features/auth/password.server";
import { hashToken } from "~/features/auth/session.server";
import { ensureMentorProfile } from "~/features/mentors/queries.server";
import { lockInvitation, markInvitationAccepted } from "./queries.server";
import { invitationState } from "./rules";

export type AcceptProblem = "not-found" | "expired" | "accepted" | "account-exists";
export type AcceptResult = { ok: true; user: User } | { ok: false; reason: AcceptProblem };

/**
 * Turns an open invitation into an account with the invited role and the chosen password.
 * The invitation row is locked while the account is created, so a link works once.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: { token: string; password: string; locale: Locale; now?: Date },
): Promise<AcceptResult> {
  const now = input.now ?? new Date();
  const tokenHash = hashToken(input.token);
  // Hashing is slow on purpose: do it before the row lock is taken.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx): Promise<AcceptResult> => {
      const invitation = await lockInvitation(trx, tokenHash);
      if (!invitation) return { ok: false, reason: "not-found" };
      const state = invitationState(invitation, now);
      if (state !== "open") return { ok: false, reason: state };
      if (await findUserByEmail(trx, invitation.email)) return { ok: false, reason: "account-exists" };
      const user = await insertUser(trx, {
        centre_id: invitation.centre_id,
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        password_hash: passwordHash,
        locale: input.locale,
      });
      // A founder invited when their team was incubated joins that team.
      if (invitation.team_id) {
        await trx.insertInto("team_member").values({ team_id: invitation.team_id, user_id: user.id }).execute();
      }
      // A mentor's profile exists from the first moment, so the network lists them at once.
      if (user.role === "mentor") await ensureMentorProfile(trx, user.id);
      await markInvitationAccepted(trx, tokenHash, now);
      return { ok: true, user };
    });
  } catch (error) {
    // Someone signed up with the same email at the same moment: the unique index decided.
    if (isUniqueViolation(error)) return { ok: false, reason: "account-exists" };
    throw error;
  }
}
