import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { deleteTeamMember, findTeam, listTeamMembers } from "./queries.server";

/** Removes a member from one of the centre's teams; returns their name, or null if they were not in it. */
export async function removeTeamMember(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; userId: string },
): Promise<{ name: string } | null> {
  if (!(await findTeam(db, input.centreId, input.teamId))) return null;
  const member = (await listTeamMembers(db, [input.teamId])).find((m) => m.user_id === input.userId);
  if (!member) return null;
  return (await deleteTeamMember(db, input.teamId, input.userId)) ? { name: member.name } : null;
}
