import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { lockActiveAdmins, setUserRole } from "./queries.server";
import { roleChangeProblem, type RoleChangeProblem } from "./rules";

export type ChangeRoleResult =
  | { ok: true; user: { id: string; name: string; role: Role } }
  | { ok: false; reason: RoleChangeProblem | "not-found" | "not-admin" };

/** An administrator gives an account of their centre a new role. */
export async function changeUserRole(
  db: Kysely<Database>,
  input: { centreId: number; actorId: string; userId: string; role: Role; actor?: AuditActor },
): Promise<ChangeRoleResult> {
  return db.transaction().execute(async (trx) => {
    const admins = await lockActiveAdmins(trx, input.centreId);
    const activeAdminIds = admins.map((a) => a.id);
    // The actor was an admin when the request began; another admin may have changed that since.
    if (!activeAdminIds.includes(input.actorId)) return { ok: false, reason: "not-admin" };
    const problem = roleChangeProblem({
      actorId: input.actorId,
      targetId: input.userId,
      newRole: input.role,
      activeAdminIds,
    });
    if (problem) return { ok: false, reason: problem };
    const before = await trx
      .selectFrom("app_user")
      .select(["id", "name", "email", "role"])
      .where("centre_id", "=", input.centreId)
      .where("id", "=", input.userId)
      .forUpdate()
      .executeTakeFirst();
    const user = await setUserRole(trx, input.centreId, input.userId, input.role);
    if (!user || !before) return { ok: false, reason: "not-found" };
    if (input.actor) {
      await recordAudit(trx, input.actor, {
        action: "user.change_role",
        entityType: "app_user",
        entityId: user.id,
        before,
        after: { ...before, role: user.role },
      });
    }
    return { ok: true, user };
  });
}
