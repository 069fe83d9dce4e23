import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isUniqueViolation } from "~/features/auth/queries.server";
import { deletePitch, savePitch, type PitchUpload } from "~/features/uploads/pitch-files.server";
import type { FieldErrors } from "~/utils/forms";
import type { ApplicationForm } from "./application-form";
import { windowState } from "./rules";
import {
  applicationColumns,
  checkSector,
  DUPLICATE_ERRORS,
  insertFounders,
  pitchErrors,
} from "./submit-application.server";

export type UpdateResult =
  { ok: true } | { ok: false; reason: "closed" } | { ok: false; reason: "invalid"; errors: FieldErrors };

/**
 * The applicant changes what they sent, through the link in their email, until the
 * programme's deadline. A new pitch replaces the old one (deleted once the change is
 * committed); the stage is staff's and stays as it is.
 */
export async function updateApplication(
  db: Kysely<Database>,
  input: {
    application: {
      id: string;
      centre_id: number;
      sector_id: number;
      pitch_file_key: string | null;
      applications_open_at: Date | null;
      applications_close_at: Date | null;
    };
    form: ApplicationForm;
    pitch: PitchUpload;
    now?: Date;
  },
): Promise<UpdateResult> {
  const { application, form, pitch } = input;
  const now = input.now ?? new Date();
  if (windowState(application, now) !== "open") return { ok: false, reason: "closed" };
  const errors = {
    ...pitchErrors(pitch),
    ...(await checkSector(db, application.centre_id, form.sectorId, application.sector_id)),
  };
  if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };

  const newKey = pitch.status === "ok" ? await savePitch(pitch.bytes) : null;
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("application")
        .set({
          ...applicationColumns(form),
          updated_at: now,
          ...(pitch.status === "ok"
            ? { pitch_file_key: newKey, pitch_file_name: pitch.name, pitch_file_bytes: pitch.bytes.byteLength }
            : {}),
        })
        .where("id", "=", application.id)
        .execute();
      await insertFounders(trx, application.id, form.founders);
    });
  } catch (error) {
    await deletePitch(newKey);
    // The first founder's email now names another application to the same programme.
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", errors: DUPLICATE_ERRORS };
    throw error;
  }
  if (newKey) await deletePitch(application.pitch_file_key);
  return { ok: true };
}
