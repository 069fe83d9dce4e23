import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isExclusionViolation } from "~/features/bookings/queries.server";
import type { FieldErrors } from "~/utils/forms";
import type { FixedDeskForm } from "./forms";
import { findResource, findTeamOfCentre } from "./queries.server";

export type AssignFixedDeskResult = { ok: true } | { ok: false; errors: FieldErrors } | null;

/**
 * Gives a fixed desk to a team for a period. Null when the desk or team is not the
 * centre's; the exclusion constraint refuses a period that overlaps another team's (or
 * the same team's) hold on the desk, whatever the number of app instances.
 */
export async function assignFixedDesk(
  db: Kysely<Database>,
  centreId: number,
  form: FixedDeskForm,
  actor?: AuditActor,
): Promise<AssignFixedDeskResult> {
  const [desk, team] = await Promise.all([
    findResource(db, centreId, form.resourceId),
    findTeamOfCentre(db, centreId, form.teamId),
  ]);
  if (!desk || !team) return null;
  if (desk.kind !== "fixed_desk") return { ok: false, errors: { resourceId: "spacesAdmin.error.notFixedDesk" } };
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("fixed_desk_assignment")
        .values({ resource_id: desk.id, team_id: team.id, starts_on: form.startsOn, ends_on: form.endsOn })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor) {
        await recordAudit(trx, actor, {
          action: "fixed_desk.assign",
          entityType: "fixed_desk_assignment",
          entityId: row.id,
          after: row,
        });
      }
    });
    return { ok: true };
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, errors: { resourceId: "spacesAdmin.error.deskTaken" } };
    throw error;
  }
}

/** Ends a team's hold on a desk; false when the centre has no such assignment. */
export async function removeFixedDeskAssignment(
  db: Kysely<Database>,
  centreId: number,
  assignmentId: string,
  actor?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom("fixed_desk_assignment")
      .where("id", "=", assignmentId)
      .where("resource_id", "in", (eb) => eb.selectFrom("resource").select("id").where("centre_id", "=", centreId))
      .returningAll()
      .executeTakeFirst();
    if (!before) return false;
    if (actor) {
      await recordAudit(trx, actor, {
        action: "fixed_desk.remove",
        entityType: "fixed_desk_assignment",
        entityId: assignmentId,
        before,
      });
    }
    return true;
  });
}
