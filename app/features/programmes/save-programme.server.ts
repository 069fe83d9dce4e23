import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import type { FieldErrors } from "~/utils/forms";
import type { ProgrammeForm } from "./forms";

type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

function columns(form: ProgrammeForm) {
  return {
    kind: form.kind,
    slug: form.slug,
    name_vi: form.nameVi,
    name_en: form.nameEn,
    starts_on: form.startsOn,
    ends_on: form.endsOn,
    applications_open_at: form.opensAt,
    applications_close_at: form.closesAt,
    rules_vi: form.rulesVi,
    rules_en: form.rulesEn,
    free_desk_days_per_team_week: form.freeDeskDays,
  };
}

function slugTaken(error: unknown): boolean {
  return isUniqueViolation(error) && (error as { constraint?: unknown }).constraint === "programme_centre_slug_key";
}

export async function createProgramme(
  db: Kysely<Database>,
  centreId: number,
  form: ProgrammeForm,
  actor?: AuditActor,
): Promise<SaveResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("programme")
        .values({ centre_id: centreId, ...columns(form) })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor)
        await recordAudit(trx, actor, {
          action: "programme.create",
          entityType: "programme",
          entityId: row.id,
          after: row,
        });
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    if (slugTaken(error)) return { ok: false, errors: { slug: "programmes.error.slugTaken" } };
    throw error;
  }
}

/** Saves staff's changes; null when the programme is not this centre's. */
export async function updateProgramme(
  db: Kysely<Database>,
  centreId: number,
  id: string,
  form: ProgrammeForm,
  actor?: AuditActor,
): Promise<SaveResult | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("programme")
        .selectAll()
        .where("centre_id", "=", centreId)
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return null;
      const row = await trx
        .updateTable("programme")
        .set({ ...columns(form), updated_at: new Date() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor)
        await recordAudit(trx, actor, {
          action: "programme.update",
          entityType: "programme",
          entityId: id,
          before,
          after: row,
        });
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    if (slugTaken(error)) return { ok: false, errors: { slug: "programmes.error.slugTaken" } };
    throw error;
  }
}
