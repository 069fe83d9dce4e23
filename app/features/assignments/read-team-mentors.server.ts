import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { readMentorProfile } from "~/features/mentors/queries.server";
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
  const rows = await Promise.all(
    assignments.map(async (a) => {
      const base = { ...summary(a), mentor_name: a.mentor_name };
      if (a.status !== "active") return { ...base, mentor: null };
      const mentor = await readMentorProfile(db, centreId, a.mentor_id);
      if (!mentor) return { ...base, mentor: null };
      return {
        ...base,
        mentor: {
          email: mentor.user.email,
          phone: mentor.user.phone,
          organisation: mentor.profile.organisation,
          title: mentor.profile.title,
          bio: mentor.profile.bio,
          languages: mentor.profile.languages,
          meeting_mode: mentor.profile.meeting_mode,
          tags: mentor.tags.map(({ name_vi, name_en }) => ({ name_vi, name_en })),
          hours: mentor.hours.map(({ weekday, starts_at, ends_at }) => ({ weekday, starts_at, ends_at })),
        },
      };
    }),
  );
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
