import type { Role } from "#db/schema";
import { can } from "~/features/auth/permissions";

// Pure rules of invitations: no database, no request. Unit-tested in tests/unit/invitations-rules.test.ts.

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

/**
 * The roles someone may invite people to. Founders sign up by themselves, so nobody is
 * invited as one. Making someone an administrator is a role change, which only the
 * holders of "users:change-role" (administrators) may do.
 */
export function invitableRoles(inviterRole: Role): Role[] {
  const roles: Role[] = [];
  if (can(inviterRole, "invite:mentor")) roles.push("mentor");
  if (can(inviterRole, "invite:staff")) roles.push("staff");
  if (can(inviterRole, "users:change-role")) roles.push("admin");
  return roles;
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}

export type InvitationState = "open" | "expired" | "accepted";

export function invitationState(
  invitation: { expires_at: Date; accepted_at: Date | null },
  now: Date,
): InvitationState {
  if (invitation.accepted_at) return "accepted";
  return invitation.expires_at.getTime() > now.getTime() ? "open" : "expired";
}
