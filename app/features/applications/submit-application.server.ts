import type { Kysely, Transaction } from "kysely";
import type { Database, Locale } from "#db/schema";
import { isUniqueViolation } from "~/features/auth/queries.server";
import { hashToken, newToken } from "~/features/auth/session.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { getSector } from "~/features/programmes/queries.server";
import { deletePitch, savePitch, type PitchUpload } from "~/features/uploads/pitch-files.server";
import type { FieldErrors } from "~/utils/forms";
import { composeApplicationEmail } from "./application-email";
import type { ApplicationForm, Founder } from "./application-form";
import { findApplicationByEmail } from "./queries.server";
import { windowState } from "./rules";

export interface ProgrammeForApplying {
  id: string;
  centre_id: number;
  slug: string;
  name_vi: string;
  name_en: string;
  applications_open_at: Date | null;
  applications_close_at: Date | null;
}

export type SubmitResult =
  | { ok: true; applicationId: string; link: string }
  | { ok: false; reason: "closed" | "not-open" }
  | { ok: false; reason: "duplicate"; errors: FieldErrors }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** The errors of a pitch upload that was refused, beside the file field. */
export function pitchErrors(pitch: PitchUpload): FieldErrors {
  if (pitch.status === "too-large") return { pitch: "programmes.error.pitchTooLarge" };
  if (pitch.status === "not-pdf") return { pitch: "programmes.error.pitchNotPdf" };
  return {};
}

/**
 * Checks the part of a valid form that needs the database: a sector of this centre still in
 * use, or the one the application already names (staff may have deactivated it since).
 */
export async function checkSector(
  db: Kysely<Database>,
  centreId: number,
  sectorId: number,
  currentSectorId?: number,
): Promise<FieldErrors> {
  const sector = await getSector(db, centreId, sectorId);
  return sector && (sector.is_active || sector.id === currentSectorId) ? {} : { sectorId: "programmes.error.choose" };
}

export async function insertFounders(trx: Transaction<Database>, applicationId: string, founders: Founder[]) {
  await trx.deleteFrom("application_founder").where("application_id", "=", applicationId).execute();
  await trx
    .insertInto("application_founder")
    .values(founders.map((f, position) => ({ application_id: applicationId, position, ...f })))
    .execute();
}

/** The columns the applicant's form fills, alike when applying and when editing. */
export function applicationColumns(form: ApplicationForm) {
  return {
    team_name: form.teamName,
    idea: form.idea,
    problem: form.problem,
    sector_id: form.sectorId,
    place: form.place,
    stage: form.stage,
    jobs_expected: form.jobsExpected,
    links: form.links,
    // The first founder is the contact: one application per this email per programme.
    contact_email: form.founders[0]!.email.toLowerCase(),
  };
}

function isDuplicate(error: unknown): boolean {
  return (
    isUniqueViolation(error) && (error as { constraint?: unknown }).constraint === "application_programme_email_key"
  );
}

export const DUPLICATE_ERRORS: FieldErrors = { founderEmail0: "programmes.error.duplicate" };

/**
 * A team applies to an open programme without an account. The application, its founders,
 * its first stage event and the email with the follow-and-edit link are written in one
 * transaction; the link's token is kept only as its hash. One application per first
 * founder's email per programme: checked first, and the unique key catches a race.
 */
export async function submitApplication(
  db: Kysely<Database>,
  input: {
    programme: ProgrammeForApplying;
    form: ApplicationForm;
    pitch: PitchUpload;
    appUrl: string;
    locale: Locale;
    now?: Date;
  },
): Promise<SubmitResult> {
  const { programme, form, pitch } = input;
  const now = input.now ?? new Date();
  const state = windowState(programme, now);
  if (state !== "open") return { ok: false, reason: state };

  const errors = { ...pitchErrors(pitch), ...(await checkSector(db, programme.centre_id, form.sectorId)) };
  if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };
  const first = form.founders[0]!;
  if (await findApplicationByEmail(db, programme.id, first.email)) {
    return { ok: false, reason: "duplicate", errors: DUPLICATE_ERRORS };
  }

  const token = newToken();
  const link = `${input.appUrl}/applications/${token}`;
  const pitchKey = pitch.status === "ok" ? await savePitch(pitch.bytes) : null;
  try {
    const applicationId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("application")
        .values({
          centre_id: programme.centre_id,
          programme_id: programme.id,
          ...applicationColumns(form),
          pitch_file_key: pitchKey,
          pitch_file_name: pitch.status === "ok" ? pitch.name : null,
          pitch_file_bytes: pitch.status === "ok" ? pitch.bytes.byteLength : null,
          edit_token_hash: hashToken(token),
          submitted_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertFounders(trx, row.id, form.founders);
      await trx
        .insertInto("application_event")
        .values({ application_id: row.id, from_status: null, to_status: "submitted", by_user_id: null, at: now })
        .execute();
      await enqueueMessage(trx, {
        centreId: programme.centre_id,
        kind: "application-received",
        to: first.email,
        ...composeApplicationEmail({
          kind: "received",
          locale: input.locale,
          founderName: first.name,
          teamName: form.teamName,
          programme,
          link,
        }),
      });
      return row.id;
    });
    return { ok: true, applicationId, link };
  } catch (error) {
    await deletePitch(pitchKey);
    if (isDuplicate(error)) return { ok: false, reason: "duplicate", errors: DUPLICATE_ERRORS };
    throw error;
  }
}
