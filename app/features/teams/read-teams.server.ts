import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findTeam, listTeamMembers, listTeamsOfMember } from "./queries.server";

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
