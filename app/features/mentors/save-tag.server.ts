import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
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
): Promise<SaveResult> {
  const errors = await duplicateName(db, centreId, names);
  if (errors) return { ok: false, errors };
  const code = tagCode(names.nameVi) || `tag-${randomUUID().slice(0, 8)}`;
  const inserted = await insertTag(db, centreId, { code, ...names });
  // Another tag once had this code (since renamed): keep the codes apart.
  if (!inserted) await insertTag(db, centreId, { code: `${code}-${randomUUID().slice(0, 4)}`, ...names });
  return { ok: true };
}

/** Renames a tag in both languages; null when the tag is not the centre's. */
export async function renameTag(
  db: Kysely<Database>,
  centreId: number,
  tagId: number,
  names: { nameVi: string; nameEn: string },
): Promise<SaveResult | null> {
  if (!(await findTag(db, centreId, tagId))) return null;
  const errors = await duplicateName(db, centreId, names, tagId);
  if (errors) return { ok: false, errors };
  await updateTag(db, centreId, tagId, { name_vi: names.nameVi, name_en: names.nameEn });
  return { ok: true };
}

/**
 * Retires or restores a tag. A retired tag is no longer offered to mentors or in requests, but
 * mentors who hold it keep it, so past requests and profiles still read correctly.
 */
export async function setTagActive(db: Kysely<Database>, centreId: number, tagId: number, isActive: boolean) {
  return updateTag(db, centreId, tagId, { is_active: isActive });
}
