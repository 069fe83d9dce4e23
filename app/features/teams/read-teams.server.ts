import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findTeam, findTeamProfile, listTeamMembers, listTeamsOfMember } from "./queries.server";

type MemberRow = Awaited<ReturnType<typeof listTeamMembers>>[number];

function membersOf(teamId: string, rows: readonly MemberRow[]) {
  return rows.filter((row) => row.team_id === teamId).map(({ user_id, name, email }) => ({ id: user_id, name, email }));
}

/** The teams a founder belongs to, each with its members. */
export async function ownTeams(db: Kysely<Database>, userId: string) {
  const teams = await listTeamsOfMember(db, userId);
  const members = await listTeamMembers(
    db,
    teams.map((team) => team.id),
  );
  return teams.map((team) => ({ ...team, members: membersOf(team.id, members) }));
}

/** One of the centre's teams with its members, or undefined. */
export async function teamWithMembers(db: Kysely<Database>, centreId: number, teamId: string) {
  const team = await findTeam(db, centreId, teamId);
  if (!team) return undefined;
  return { ...team, members: membersOf(team.id, await listTeamMembers(db, [team.id])) };
}

/** One of the centre's teams, its profile and members read together for a private page, or undefined. */
export async function teamProfileWithMembers(db: Kysely<Database>, centreId: number, teamId: string) {
  const [profile, members] = await Promise.all([findTeamProfile(db, centreId, teamId), listTeamMembers(db, [teamId])]);
  return profile && { profile, members: membersOf(profile.id, members) };
}
