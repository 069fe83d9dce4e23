import type { Kysely } from "kysely";
import type { ApplicationStatus, Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { canMove, type StaffTarget } from "./rules";

export type MoveResult =
  | { ok: true; moved: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "refused"; refused: Array<{ id: string; teamName: string; from: ApplicationStatus }> };

/**
 * Staff move one or more applications of a programme to a stage, in one transaction: if
 * any of them may not go there from where it is (a skipped stage, a decided one), none
 * moves and the refused ones are named. Every move is recorded with who and when.
 */
export async function moveApplications(
  db: Kysely<Database>,
  input: {
    centreId: number;
    programmeId: string;
    staffUserId: string;
    ids: string[];
    to: StaffTarget;
    now?: Date;
    actor?: AuditActor;
  },
): Promise<MoveResult> {
  const ids = [...new Set(input.ids)];
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx): Promise<MoveResult> => {
    // Locked, so two staff moving the same application cannot both record a move from it.
    const rows = await trx
      .selectFrom("application")
      .select(["id", "team_name", "status"])
      .where("centre_id", "=", input.centreId)
      .where("programme_id", "=", input.programmeId)
      .where("id", "in", ids)
      .orderBy("id")
      .forUpdate()
      .execute();
    if (ids.length === 0 || rows.length !== ids.length) return { ok: false, reason: "not-found" };
    const refused = rows
      .filter((row) => !canMove(row.status, input.to))
      .map((row) => ({ id: row.id, teamName: row.team_name, from: row.status }));
    if (refused.length > 0) return { ok: false, reason: "refused", refused };
    await trx.updateTable("application").set({ status: input.to, updated_at: now }).where("id", "in", ids).execute();
    await trx
      .insertInto("application_event")
      .values(
        rows.map((row) => ({
          application_id: row.id,
          from_status: row.status,
          to_status: input.to,
          by_user_id: input.staffUserId,
          at: now,
        })),
      )
      .execute();
    if (input.actor) {
      for (const row of rows) {
        await recordAudit(trx, input.actor, {
          action: "application.move",
          entityType: "application",
          entityId: row.id,
          before: { team_name: row.team_name, status: row.status },
          after: { team_name: row.team_name, status: input.to },
        });
      }
    }
    return { ok: true, moved: rows.length };
  });
}
