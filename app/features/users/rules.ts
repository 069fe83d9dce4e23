import type { Role } from "#db/schema";

// Pure rules of accounts and roles: no database, no request. Unit-tested in tests/unit/users-rules.test.ts.

export type RoleChangeProblem = "self-demotion" | "last-admin";

/**
 * Whether an administrator may give an account a new role. Nobody removes their own admin
 * role (a slip would lock them out), and the centre always keeps at least one active admin.
 * `activeAdminIds` are the centre's active admins before the change.
 */
export function roleChangeProblem(change: {
  actorId: string;
  targetId: string;
  newRole: Role;
  activeAdminIds: readonly string[];
}): RoleChangeProblem | null {
  if (change.newRole === "admin") return null;
  if (change.actorId === change.targetId) return "self-demotion";
  const remaining = change.activeAdminIds.filter((id) => id !== change.targetId);
  return remaining.length === 0 ? "last-admin" : null;
}
