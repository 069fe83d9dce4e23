import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import type { FieldErrors } from "~/utils/forms";
import { insertTeam, listTeamNames, updateTeam, type TeamValues } from "./queries.server";
import { isValidIncubationPeriod, sameTeamName } from "./rules";

type SavedTeam = Awaited<ReturnType<typeof insertTeam>>;
export type SaveTeamResult = { ok: true; team: SavedTeam } | { ok: false; errors: FieldErrors };

const NAME_TAKEN = { ok: false, errors: { name: "teams.error.nameTaken" } } as const satisfies SaveTeamResult;

/**
 * Two teams of a centre never share a name. The unique index on (centre_id, lower(name))
 * settles races; this check also catches names that differ only in the case of Vietnamese
 * letters, which lower() leaves alone on a database with the C locale.
 */
export async function hasTeamNamed(db: Kysely<Database>, centreId: number, name: string, exceptTeamId?: string) {
  const teams = await listTeamNames(db, centreId);
  return teams.some((team) => team.id !== exceptTeamId && sameTeamName(team.name, name));
}

export function isNameTaken(error: unknown): boolean {
  return isUniqueViolation(error) && (error as { constraint?: unknown }).constraint === "team_centre_name_key";
}

// The form schema checks the period too; this keeps the rule for every other caller.
function periodErrors(team: TeamValues): FieldErrors | null {
  return isValidIncubationPeriod(team.startsOn, team.endsOn) ? null : { endsOn: "teams.error.endBeforeStart" };
}

/** Creates a team of the centre; a name the centre already uses is refused beside the field. */
export async function createTeam(
  db: Kysely<Database>,
  centreId: number,
  team: TeamValues,
  actor?: AuditActor,
): Promise<SaveTeamResult> {
  const errors = periodErrors(team);
  if (errors) return { ok: false, errors };
  if (await hasTeamNamed(db, centreId, team.name)) return NAME_TAKEN;
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await insertTeam(trx, centreId, team);
      if (actor)
        await recordAudit(trx, actor, {
          action: "team.create",
          entityType: "team",
          entityId: created.id,
          after: created,
        });
      return { ok: true, team: created } as const;
    });
  } catch (error) {
    if (isNameTaken(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Changes a team's name, status or period; null when the centre has no such team. */
export async function editTeam(
  db: Kysely<Database>,
  centreId: number,
  teamId: string,
  team: TeamValues,
  actor?: AuditActor,
): Promise<SaveTeamResult | null> {
  const errors = periodErrors(team);
  if (errors) return { ok: false, errors };
  if (await hasTeamNamed(db, centreId, team.name, teamId)) return NAME_TAKEN;
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("team")
        .selectAll()
        .where("centre_id", "=", centreId)
        .where("id", "=", teamId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return null;
      const updated = await updateTeam(trx, centreId, teamId, team);
      if (!updated) return null;
      if (actor)
        await recordAudit(trx, actor, {
          action: "team.update",
          entityType: "team",
          entityId: teamId,
          before,
          after: updated,
        });
      return { ok: true, team: updated } as const;
    });
  } catch (error) {
    if (isNameTaken(error)) return NAME_TAKEN;
    throw error;
  }
}
