import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { deleteTeamMember, findTeam, listTeamMembers } from "./queries.server";

/** Removes a member from one of the centre's teams; returns their name, or null if they were not in it. */
export async function removeTeamMember(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; userId: string; actor?: AuditActor },
): Promise<{ name: string } | null> {
  if (!(await findTeam(db, input.centreId, input.teamId))) return null;
  const member = (await listTeamMembers(db, [input.teamId])).find((m) => m.user_id === input.userId);
  if (!member) return null;
  const removed = await db.transaction().execute(async (trx) => {
    const deleted = await deleteTeamMember(trx, input.teamId, input.userId);
    if (deleted && input.actor) {
      await recordAudit(trx, input.actor, {
        action: "team_member.remove",
        entityType: "team",
        entityId: input.teamId,
        before: { user_id: input.userId, name: member.name },
      });
    }
    return deleted;
  });
  return removed ? { name: member.name } : null;
}
