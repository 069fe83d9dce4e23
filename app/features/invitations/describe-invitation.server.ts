import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";
import { hashToken } from "~/features/auth/session.server";
import { findInvitation } from "./queries.server";
import { invitationState } from "./rules";

export type InvitationView =
  | {
      state: "open";
      email: string;
      name: string;
      role: Role;
      inviterName: string | null;
      centreName: { vi: string; en: string };
    }
  | { state: "not-found" | "expired" | "accepted" };

/** What the person holding an invitation link may be told about it. */
export async function describeInvitation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<InvitationView> {
  const invitation = await findInvitation(db, hashToken(token));
  if (!invitation) return { state: "not-found" };
  const state = invitationState(invitation, now);
  if (state !== "open") return { state };
  return {
    state,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    inviterName: invitation.inviter_name,
    centreName: { vi: invitation.centre_name_vi, en: invitation.centre_name_en },
  };
}
