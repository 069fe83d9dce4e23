import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { FieldErrors } from "~/utils/forms";
import { findSector, updateDirectorySettings, updateTeamProfile, type ProfileValues } from "./queries.server";
import { hasTeamNamed, isNameTaken } from "./save-team.server";

export type SaveProfileResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Saves a team's profile. The sector must be one of the centre's, active, or the one the
 * team already has (a sector staff retired stays on the teams that chose it).
 */
export async function saveTeamProfile(
  db: Kysely<Database>,
  input: {
    centreId: number;
    teamId: string;
    currentSectorId: number | null;
    values: ProfileValues;
    /** Staff editing a team's profile are recorded in the audit log; the team's founders are not. */
    actor?: AuditActor;
  },
): Promise<SaveProfileResult> {
  const { centreId, teamId, values } = input;
  if (values.sectorId !== null) {
    const sector = await findSector(db, centreId, values.sectorId);
    if (!sector || (!sector.is_active && sector.id !== input.currentSectorId)) {
      return { ok: false, errors: { sectorId: "teams.error.invalidSector" } };
    }
  }
  if (values.name !== undefined && (await hasTeamNamed(db, centreId, values.name, teamId))) {
    return { ok: false, errors: { name: "teams.error.nameTaken" } };
  }
  try {
    const actor = input.actor;
    if (!actor) {
      await updateTeamProfile(db, centreId, teamId, values);
      return { ok: true };
    }
    await db.transaction().execute(async (trx) => {
      const row = () => trx.selectFrom("team").selectAll().where("centre_id", "=", centreId).where("id", "=", teamId);
      const before = await row().forUpdate().executeTakeFirst();
      await updateTeamProfile(trx, centreId, teamId, values);
      const after = await row().executeTakeFirst();
      await recordAudit(trx, actor, {
        action: "team.update_profile",
        entityType: "team",
        entityId: teamId,
        before,
        after,
      });
    });
    return { ok: true };
  } catch (error) {
    if (isNameTaken(error)) return { ok: false, errors: { name: "teams.error.nameTaken" } };
    throw error;
  }
}

/** Saves whether the team is in the public directory and which fields it shows; staff's change is audited. */
export async function saveDirectorySettings(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; listed: boolean; fields: string[]; actor?: AuditActor },
): Promise<void> {
  const settings = { listed: input.listed, fields: [...new Set(input.fields)] };
  const actor = input.actor;
  if (!actor) {
    await updateDirectorySettings(db, input.centreId, input.teamId, settings);
    return;
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("team")
      .select(["directory_listed", "directory_fields"])
      .where("centre_id", "=", input.centreId)
      .where("id", "=", input.teamId)
      .forUpdate()
      .executeTakeFirst();
    const after = await updateDirectorySettings(trx, input.centreId, input.teamId, settings);
    if (!before || !after) return;
    await recordAudit(trx, actor, {
      action: "team.update_directory",
      entityType: "team",
      entityId: input.teamId,
      before,
      after,
    });
  });
}
