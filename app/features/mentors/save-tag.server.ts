import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { FieldErrors } from "~/utils/forms";
import { findTag, insertTag, tagNameTaken, updateTag } from "./queries.server";
import { tagCode } from "./rules";

type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

async function duplicateName(
  db: Kysely<Database>,
  centreId: number,
  names: { nameVi: string; nameEn: string },
  exceptId?: number,
) {
  const [viTaken, enTaken] = await Promise.all([
    tagNameTaken(db, centreId, names.nameVi, exceptId),
    tagNameTaken(db, centreId, names.nameEn, exceptId),
  ]);
  const errors: FieldErrors = {};
  if (viTaken) errors.nameVi = "mentors.error.tagExists";
  if (enTaken) errors.nameEn = "mentors.error.tagExists";
  return Object.keys(errors).length > 0 ? errors : null;
}

/** A new expertise tag; its code comes from the Vietnamese name and never changes after. */
export async function addTag(
  db: Kysely<Database>,
  centreId: number,
  names: { nameVi: string; nameEn: string },
  actor?: AuditActor,
): Promise<SaveResult> {
  const errors = await duplicateName(db, centreId, names);
  if (errors) return { ok: false, errors };
  const code = tagCode(names.nameVi) || `tag-${randomUUID().slice(0, 8)}`;
  await db.transaction().execute(async (trx) => {
    // Another tag once had this code (since renamed): keep the codes apart.
    const inserted =
      (await insertTag(trx, centreId, { code, ...names })) ??
      (await insertTag(trx, centreId, { code: `${code}-${randomUUID().slice(0, 4)}`, ...names }));
    if (inserted && actor) {
      await recordAudit(trx, actor, {
        action: "expertise_tag.create",
        entityType: "expertise_tag",
        entityId: inserted.id,
        after: inserted,
      });
    }
  });
  return { ok: true };
}

/** Renames a tag in both languages; null when the tag is not the centre's. */
export async function renameTag(
  db: Kysely<Database>,
  centreId: number,
  tagId: number,
  names: { nameVi: string; nameEn: string },
  actor?: AuditActor,
): Promise<SaveResult | null> {
  if (!(await findTag(db, centreId, tagId))) return null;
  const errors = await duplicateName(db, centreId, names, tagId);
  if (errors) return { ok: false, errors };
  await changeTag(db, centreId, tagId, { name_vi: names.nameVi, name_en: names.nameEn }, "expertise_tag.update", actor);
  return { ok: true };
}

/**
 * Retires or restores a tag. A retired tag is no longer offered to mentors or in requests, but
 * mentors who hold it keep it, so past requests and profiles still read correctly.
 */
export async function setTagActive(
  db: Kysely<Database>,
  centreId: number,
  tagId: number,
  isActive: boolean,
  actor?: AuditActor,
) {
  const action = isActive ? "expertise_tag.reactivate" : "expertise_tag.deactivate";
  return changeTag(db, centreId, tagId, { is_active: isActive }, action, actor);
}

/** Changes a tag and records the change, in one transaction; false when the centre has no such tag. */
async function changeTag(
  db: Kysely<Database>,
  centreId: number,
  tagId: number,
  values: { name_vi?: string; name_en?: string; is_active?: boolean },
  action: string,
  actor: AuditActor | undefined,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("expertise_tag")
      .selectAll()
      .where("centre_id", "=", centreId)
      .where("id", "=", tagId)
      .forUpdate()
      .executeTakeFirst();
    const after = before ? await updateTag(trx, centreId, tagId, values) : undefined;
    if (!before || !after) return false;
    if (actor) await recordAudit(trx, actor, { action, entityType: "expertise_tag", entityId: tagId, before, after });
    return true;
  });
}
