import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import { findTeamOfCentre } from "~/features/spaces/queries.server";
import { findPersonToBookFor, firstMemberOf, isUuid } from "./queries.server";

export interface BookFor {
  userId?: string | null;
  email?: string | null;
  teamId?: string | null;
}

/**
 * Whom staff book for: a person of the centre (picked from the list, or by email) and/or a
 * team. A team alone is booked in its longest-standing member's name, so the booking has a
 * person who gets the messages and finds it in My bookings (see docs/decisions/007).
 */
export async function personToBookFor(
  db: Kysely<Database>,
  centreId: number,
  wanted: BookFor,
): Promise<{ ok: true; person: Booker; teamId: string | null } | Refusal> {
  let person: Booker | undefined;
  if (wanted.userId) person = await findPersonToBookFor(db, centreId, { id: wanted.userId });
  else if (wanted.email) person = await findPersonToBookFor(db, centreId, { email: wanted.email });
  if ((wanted.userId || wanted.email) && !person) return refuse("unknown_person");
  let teamId: string | null = null;
  if (wanted.teamId) {
    const team = isUuid(wanted.teamId) ? await findTeamOfCentre(db, centreId, wanted.teamId) : undefined;
    if (!team) return refuse("unknown_team");
    teamId = team.id;
    person ??= await firstMemberOf(db, team.id);
    if (!person) return refuse("team_without_members");
  }
  if (!person) return refuse("unknown_person");
  return { ok: true, person, teamId };
}
