import type { Role } from "#db/schema";

// What each role may do. Routes ask for a permission, never for a role, so a new role or
// a changed duty is one edit here.
export const PERMISSIONS = [
  "team:view-own",
  "account:edit-own",
  "teams:manage",
  "invite:mentor",
  "invite:staff",
  "users:change-role",
  "outbox:read",
  "staff-area:view",
  "spaces:manage",
  "bookings:book",
  "spaces:view",
  "programmes:manage",
  "judging:manage",
  "judging:score",
  "mentoring:schedule",
  "mentors:manage",
  "payments:manage",
  "reports:view",
  "targets:manage",
  "events:manage",
  "audit:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  founder: ["account:edit-own", "team:view-own", "bookings:book", "spaces:view"],
  mentor: ["account:edit-own", "bookings:book", "spaces:view", "judging:score", "mentoring:schedule"],
  staff: [
    "account:edit-own",
    "staff-area:view",
    "teams:manage",
    "invite:mentor",
    "invite:staff",
    "spaces:manage",
    "bookings:book",
    "spaces:view",
    "programmes:manage",
    "judging:manage",
    "judging:score",
    "mentors:manage",
    "payments:manage",
    "reports:view",
    "targets:manage",
    "events:manage",
  ],
  admin: [
    "account:edit-own",
    "staff-area:view",
    "teams:manage",
    "invite:mentor",
    "invite:staff",
    "users:change-role",
    "outbox:read",
    "audit:read",
    "spaces:manage",
    "bookings:book",
    "spaces:view",
    "programmes:manage",
    "judging:manage",
    "judging:score",
    "mentors:manage",
    "payments:manage",
    "reports:view",
    "targets:manage",
    "events:manage",
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
