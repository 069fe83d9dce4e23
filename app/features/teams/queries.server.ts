import { sql, type Kysely } from "kysely";
import type { Database, TeamStatus } from "#db/schema";

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
