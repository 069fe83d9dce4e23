import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { MessageKey } from "~/i18n/translate";
import { findUserInCentreByEmail } from "~/features/users/queries.server";
import { insertTeamMember } from "./queries.server";

export type AddMemberResult = { ok: true; name: string } | { ok: false; error: MessageKey };

/** Adds an existing founder account, found by its email, to a team of the same centre. */
export async function addTeamMember(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; email: string; actor?: AuditActor },
): Promise<AddMemberResult> {
  const user = await findUserInCentreByEmail(db, input.centreId, input.email);
  if (!user || !user.is_active) return { ok: false, error: "teams.error.noAccount" };
  if (user.role !== "founder") return { ok: false, error: "teams.error.notFounder" };
  const added = await db.transaction().execute(async (trx) => {
    const inserted = await insertTeamMember(trx, input.teamId, user.id);
    if (inserted && input.actor) {
      await recordAudit(trx, input.actor, {
        action: "team_member.add",
        entityType: "team",
        entityId: input.teamId,
        after: { user_id: user.id, name: user.name, email: user.email },
      });
    }
    return inserted;
  });
  return added ? { ok: true, name: user.name } : { ok: false, error: "teams.error.alreadyMember" };
}
