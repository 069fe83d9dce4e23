import type { Kysely } from "kysely";
import type { ApplicationStatus, Database } from "#db/schema";

// Applications to programmes, their founders and their stage history.

/** The application whose follow-and-edit link carries this token (by its hash), with its programme. */
export function findApplicationByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("application")
    .innerJoin("programme", "programme.id", "application.programme_id")
    .selectAll("application")
    .select([
      "programme.slug as programme_slug",
      "programme.name_vi as programme_name_vi",
      "programme.name_en as programme_name_en",
      "programme.applications_open_at",
      "programme.applications_close_at",
    ])
    .where("application.edit_token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export function getApplication(db: Kysely<Database>, centreId: number, programmeId: string, id: string) {
  return db
    .selectFrom("application")
    .leftJoin("sector", "sector.id", "application.sector_id")
    .selectAll("application")
    .select(["sector.name_vi as sector_name_vi", "sector.name_en as sector_name_en"])
    .where("application.centre_id", "=", centreId)
    .where("application.programme_id", "=", programmeId)
    .where("application.id", "=", id)
    .executeTakeFirst();
}

export function listFounders(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom("application_founder")
    .select(["position", "name", "email", "phone"])
    .where("application_id", "=", applicationId)
    .orderBy("position")
    .execute();
}

export function findApplicationByEmail(db: Kysely<Database>, programmeId: string, email: string) {
  return db
    .selectFrom("application")
    .select(["id"])
    .where("programme_id", "=", programmeId)
    .where("contact_email", "=", email.toLowerCase())
    .executeTakeFirst();
}

/** A programme's applications for staff, optionally of one stage and one sector. */
export function listApplications(
  db: Kysely<Database>,
  programmeId: string,
  filter: { status?: ApplicationStatus; sectorId?: number },
) {
  let query = db
    .selectFrom("application")
    .leftJoin("sector", "sector.id", "application.sector_id")
    .select([
      "application.id",
      "application.team_name",
      "application.status",
      "application.place",
      "application.stage",
      "application.submitted_at",
      "application.pitch_file_key",
      "sector.name_vi as sector_name_vi",
      "sector.name_en as sector_name_en",
    ])
    .where("application.programme_id", "=", programmeId);
  if (filter.status) query = query.where("application.status", "=", filter.status);
  if (filter.sectorId) query = query.where("application.sector_id", "=", filter.sectorId);
  return query.orderBy("application.submitted_at").orderBy("application.id").execute();
}

export async function countByStatus(db: Kysely<Database>, programmeId: string) {
  const rows = await db
    .selectFrom("application")
    .select(["status", db.fn.countAll<number>().as("n")])
    .where("programme_id", "=", programmeId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Partial<
    Record<ApplicationStatus, number>
  >;
}

export function listEvents(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom("application_event")
    .leftJoin("app_user", "app_user.id", "application_event.by_user_id")
    .select([
      "application_event.id",
      "application_event.from_status",
      "application_event.to_status",
      "application_event.at",
      "application_event.note",
      "app_user.name as by_name",
    ])
    .where("application_event.application_id", "=", applicationId)
    .orderBy("application_event.at")
    .orderBy("application_event.id")
    .execute();
}
