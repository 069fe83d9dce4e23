import { sql, type Kysely } from "kysely";
import type { Database, RevenueBand, TeamStatus, VentureStage } from "#db/schema";

export interface TeamValues {
  name: string;
  status: TeamStatus;
  startsOn: string;
  endsOn: string | null;
}

const teamColumns = ["id", "name", "status", "incubation_starts_on", "incubation_ends_on"] as const;

/** The centre's teams by name, with how many members each has. */
export async function listTeams(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("team")
    .leftJoin("team_member", "team_member.team_id", "team.id")
    .select(["team.id", "team.name", "team.status", "team.incubation_starts_on", "team.incubation_ends_on"])
    .select((eb) => eb.fn.count<string>("team_member.user_id").as("member_count"))
    .where("team.centre_id", "=", centreId)
    .groupBy("team.id")
    .orderBy(sql`lower(team.name)`)
    .execute();
}

export async function listTeamNames(db: Kysely<Database>, centreId: number) {
  return db.selectFrom("team").select(["id", "name"]).where("centre_id", "=", centreId).execute();
}

export async function findTeam(db: Kysely<Database>, centreId: number, teamId: string) {
  return db
    .selectFrom("team")
    .select(teamColumns)
    .where("centre_id", "=", centreId)
    .where("id", "=", teamId)
    .executeTakeFirst();
}

/** The teams a person belongs to, by name. */
export async function listTeamsOfMember(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("team")
    .innerJoin("team_member", "team_member.team_id", "team.id")
    .select(["team.id", "team.name", "team.status", "team.incubation_starts_on", "team.incubation_ends_on"])
    .where("team_member.user_id", "=", userId)
    .orderBy(sql`lower(team.name)`)
    .execute();
}

/** Members of the given teams, in the order they joined. */
export async function listTeamMembers(db: Kysely<Database>, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom("team_member")
    .innerJoin("app_user", "app_user.id", "team_member.user_id")
    .select(["team_member.team_id", "app_user.id as user_id", "app_user.name", "app_user.email"])
    .where("team_member.team_id", "in", teamIds)
    .orderBy("team_member.joined_at")
    .orderBy("app_user.name")
    .execute();
}

export async function insertTeam(db: Kysely<Database>, centreId: number, team: TeamValues) {
  return db
    .insertInto("team")
    .values({
      centre_id: centreId,
      name: team.name,
      status: team.status,
      incubation_starts_on: team.startsOn,
      incubation_ends_on: team.endsOn,
    })
    .returning(teamColumns)
    .executeTakeFirstOrThrow();
}

export async function updateTeam(db: Kysely<Database>, centreId: number, teamId: string, team: TeamValues) {
  return db
    .updateTable("team")
    .set({
      name: team.name,
      status: team.status,
      incubation_starts_on: team.startsOn,
      incubation_ends_on: team.endsOn,
      updated_at: new Date(),
    })
    .where("centre_id", "=", centreId)
    .where("id", "=", teamId)
    .returning(teamColumns)
    .executeTakeFirst();
}

/** Adds a member; false when they were already in the team. */
export async function insertTeamMember(db: Kysely<Database>, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .insertInto("team_member")
    .values({ team_id: teamId, user_id: userId })
    .onConflict((oc) => oc.columns(["team_id", "user_id"]).doNothing())
    .returning("user_id")
    .execute();
  return rows.length > 0;
}

/** Removes a member; false when they were not in the team. */
export async function deleteTeamMember(db: Kysely<Database>, teamId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("team_member")
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every profile column a team page shows (the revenue band only reaches pages allowed it). */
export async function findTeamProfile(db: Kysely<Database>, centreId: number, teamId: string) {
  return db
    .selectFrom("team")
    .leftJoin("sector", "sector.id", "team.sector_id")
    .select([
      "team.id",
      "team.name",
      "team.status",
      "team.incubation_starts_on",
      "team.incubation_ends_on",
      "team.description",
      "team.sector_id",
      "sector.name_vi as sector_name_vi",
      "sector.name_en as sector_name_en",
      "team.place",
      "team.stage",
      "team.website",
      "team.social_links",
      "team.jobs_created",
      "team.revenue_band",
      "team.directory_listed",
      "team.directory_fields",
    ])
    .where("team.centre_id", "=", centreId)
    .where("team.id", "=", teamId)
    .executeTakeFirst();
}

export type TeamProfileRow = NonNullable<Awaited<ReturnType<typeof findTeamProfile>>>;

/** The sectors a team may choose: the active ones, plus the one it already has. */
export async function listSectorChoices(db: Kysely<Database>, centreId: number, currentId: number | null) {
  return db
    .selectFrom("sector")
    .select(["id", "name_vi", "name_en"])
    .where("centre_id", "=", centreId)
    .where((eb) =>
      currentId === null ? eb("is_active", "=", true) : eb.or([eb("is_active", "=", true), eb("id", "=", currentId)]),
    )
    .orderBy("sort_order")
    .orderBy("name_vi")
    .execute();
}

export interface ProfileValues {
  name?: string;
  description: string;
  sectorId: number | null;
  place: string;
  stage: VentureStage;
  website: string | null;
  socialLinks: string[];
  jobsCreated: number;
  revenueBand: RevenueBand | null;
}

export async function updateTeamProfile(db: Kysely<Database>, centreId: number, teamId: string, values: ProfileValues) {
  return db
    .updateTable("team")
    .set({
      ...(values.name === undefined ? {} : { name: values.name }),
      description: values.description,
      sector_id: values.sectorId,
      place: values.place,
      stage: values.stage,
      website: values.website,
      social_links: values.socialLinks,
      jobs_created: values.jobsCreated,
      revenue_band: values.revenueBand,
      updated_at: new Date(),
    })
    .where("centre_id", "=", centreId)
    .where("id", "=", teamId)
    .returning("id")
    .executeTakeFirst();
}

export async function updateDirectorySettings(
  db: Kysely<Database>,
  centreId: number,
  teamId: string,
  settings: { listed: boolean; fields: string[] },
) {
  return db
    .updateTable("team")
    .set({ directory_listed: settings.listed, directory_fields: settings.fields, updated_at: new Date() })
    .where("centre_id", "=", centreId)
    .where("id", "=", teamId)
    .returning(["directory_listed", "directory_fields"])
    .executeTakeFirst();
}

/**
 * The teams of the public directory with only the columns a card may ever show: no revenue,
 * no emails, no phones are selected at all.
 */
export async function listDirectoryRows(db: Kysely<Database>, centreId: number, teamId?: string) {
  let query = db
    .selectFrom("team")
    .leftJoin("sector", "sector.id", "team.sector_id")
    .select([
      "team.id",
      "team.name",
      "team.status",
      "team.description",
      "sector.name_vi as sector_name_vi",
      "sector.name_en as sector_name_en",
      "team.place",
      "team.stage",
      "team.incubation_starts_on",
      "team.incubation_ends_on",
      "team.website",
      "team.social_links",
      "team.jobs_created",
      "team.directory_listed",
      "team.directory_fields",
    ])
    .where("team.centre_id", "=", centreId)
    .where("team.directory_listed", "=", true)
    .where("team.status", "in", ["incubating", "graduated"])
    .orderBy(sql`lower(team.name)`);
  if (teamId) query = query.where("team.id", "=", teamId);
  return query.execute();
}

/** Founders' names only (never their emails), for directory cards. */
export async function listMemberNames(db: Kysely<Database>, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom("team_member")
    .innerJoin("app_user", "app_user.id", "team_member.user_id")
    .select(["team_member.team_id", "app_user.name"])
    .where("team_member.team_id", "in", teamIds)
    .where("app_user.is_active", "=", true)
    .orderBy("team_member.joined_at")
    .orderBy("app_user.name")
    .execute();
}

export async function listMemberIds(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db.selectFrom("team_member").select("user_id").where("team_id", "=", teamId).execute();
  return rows.map((row) => row.user_id);
}

export async function findSector(db: Kysely<Database>, centreId: number, sectorId: number) {
  return db
    .selectFrom("sector")
    .select(["id", "is_active"])
    .where("centre_id", "=", centreId)
    .where("id", "=", sectorId)
    .executeTakeFirst();
}
