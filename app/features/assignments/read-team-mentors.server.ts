import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { readMentorCards } from "~/features/mentors/queries.server";
import { listAssignments, listFounders, listRequests, type AssignmentRow } from "./queries.server";
import { roundHours } from "./rules";

/** What both sides see of an assignment: its period, focus, status and hours (rounded). */
function summary(a: AssignmentRow) {
  return {
    id: a.id,
    starts_on: a.starts_on,
    ends_on: a.ends_on,
    focus: a.focus,
    status: a.status,
    planned_hours: roundHours(a.planned_hours),
    delivered_hours: roundHours(a.delivered_hours),
  };
}

/**
 * A team's mentors as its founders see them: every assignment with planned and delivered
 * hours; for ACTIVE ones, the mentor's profile and contact details (email, phone). An ended
 * assignment shows the mentor's name only. Plus the team's requests for a mentor.
 */
export async function readTeamMentors(db: Kysely<Database>, centreId: number, teamId: string) {
  const [assignments, requests] = await Promise.all([
    listAssignments(db, centreId, { teamId }),
    listRequests(db, centreId, { teamId }),
  ]);
  const activeMentorIds = assignments.filter((a) => a.status === "active").map((a) => a.mentor_id);
  const cards = await readMentorCards(db, centreId, activeMentorIds);
  const rows = assignments.map((a) => ({
    ...summary(a),
    mentor_name: a.mentor_name,
    mentor: a.status === "active" ? (cards.get(a.mentor_id) ?? null) : null,
  }));
  return { assignments: rows, requests };
}

/**
 * The teams a mentor coaches now (active assignments), with hours and the founders' contact
 * details; ended assignments are listed without contacts.
 */
export async function readMentorTeams(db: Kysely<Database>, centreId: number, mentorId: string) {
  const assignments = await listAssignments(db, centreId, { mentorId });
  const activeTeamIds = assignments.filter((a) => a.status === "active").map((a) => a.team_id);
  const founders = await listFounders(db, activeTeamIds);
  return assignments.map((a) => ({
    ...summary(a),
    team_id: a.team_id,
    team_name: a.team_name,
    founders:
      a.status === "active"
        ? founders
            .filter((f) => f.team_id === a.team_id)
            .map(({ id, name, email, phone }) => ({ id, name, email, phone }))
        : [],
  }));
}
