import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import type { FieldErrors } from "~/utils/forms";
import type { SectorForm } from "./forms";
import { sectorCode } from "./rules";

type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Adds a sector at the end of the list; its code comes from the English name. */
export async function addSector(
  db: Kysely<Database>,
  centreId: number,
  form: SectorForm,
  actor?: AuditActor,
): Promise<SaveResult> {
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("sector")
        .values((eb) => ({
          centre_id: centreId,
          code: sectorCode(form.nameEn),
          name_vi: form.nameVi,
          name_en: form.nameEn,
          is_active: true,
          sort_order: eb
            .selectFrom("sector")
            .select(sql<number>`coalesce(max(sort_order), 0) + 10`.as("next"))
            .where("centre_id", "=", centreId),
        }))
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor)
        await recordAudit(trx, actor, { action: "sector.create", entityType: "sector", entityId: row.id, after: row });
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { nameEn: "programmes.error.sectorTaken" } };
    throw error;
  }
}

/**
 * Renames or (de)activates a sector. Its code stays, so applications and teams that name
 * it keep their meaning; a deactivated sector is no longer offered on the form.
 */
export async function updateSector(
  db: Kysely<Database>,
  centreId: number,
  id: number,
  form: SectorForm,
  actor?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("sector")
      .selectAll()
      .where("centre_id", "=", centreId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return false;
    const after = await trx
      .updateTable("sector")
      .set({ name_vi: form.nameVi, name_en: form.nameEn, is_active: form.isActive })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor)
      await recordAudit(trx, actor, { action: "sector.update", entityType: "sector", entityId: id, before, after });
    return true;
  });
}
