import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";

/** Hours of an assignment's 'done' sessions, and when the last one ended. */
const deliveredHours = sql<string>`coalesce((
  select sum(extract(epoch from (s.ends_at - s.starts_at))) / 3600
  from mentoring_session s where s.assignment_id = a.id and s.status = 'done'), 0)`;
const lastDoneAt = sql<Date | null>`(
  select max(s.ends_at) from mentoring_session s where s.assignment_id = a.id and s.status = 'done')`;

/**
 * Assignments of the centre with their mentor, team, planned and delivered hours, newest
 * first; filtered by mentor, team or status.
 */
export async function listAssignments(
  db: Kysely<Database>,
  centreId: number,
  filter: { mentorId?: string; teamId?: string; status?: "active" | "ended" } = {},
) {
  let query = db
    .selectFrom("mentor_assignment as a")
    .innerJoin("app_user as m", "m.id", "a.mentor_id")
    .innerJoin("team as t", "t.id", "a.team_id")
    .select([
      "a.id",
      "a.mentor_id",
      "a.team_id",
      "a.starts_on",
      "a.ends_on",
      "a.focus",
      "a.planned_hours",
      "a.status",
      "m.name as mentor_name",
      "t.name as team_name",
      deliveredHours.as("delivered_hours"),
      lastDoneAt.as("last_done_at"),
    ])
    .where("a.centre_id", "=", centreId);
  if (filter.mentorId) query = query.where("a.mentor_id", "=", filter.mentorId);
  if (filter.teamId) query = query.where("a.team_id", "=", filter.teamId);
  if (filter.status) query = query.where("a.status", "=", filter.status);
  const rows = await query.orderBy("a.status").orderBy("a.starts_on", "desc").execute();
  return rows.map((row) => ({
    ...row,
    planned_hours: Number(row.planned_hours),
    delivered_hours: Number(row.delivered_hours),
    last_done_at: row.last_done_at ? new Date(row.last_done_at) : null,
  }));
}
export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

/** One of the centre's assignments, locked until the caller's transaction ends. */
export async function lockAssignment(db: Kysely<Database>, centreId: number, assignmentId: string) {
  return db
    .selectFrom("mentor_assignment")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", assignmentId)
    .forUpdate()
    .executeTakeFirst();
}

/** The mentors of a team's active assignments: they may see its private page. */
export async function activeMentorIds(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("mentor_assignment")
    .select("mentor_id")
    .where("team_id", "=", teamId)
    .where("status", "=", "active")
    .execute();
  return rows.map((r) => r.mentor_id);
}

/** Founders of teams, with their language for messages. */
export async function listFounders(db: Kysely<Database>, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom("team_member")
    .innerJoin("app_user", "app_user.id", "team_member.user_id")
    .select([
      "team_member.team_id",
      "app_user.id",
      "app_user.name",
      "app_user.email",
      "app_user.phone",
      "app_user.locale",
    ])
    .where("team_member.team_id", "in", teamIds)
    .where("app_user.is_active", "=", true)
    .orderBy("app_user.name")
    .execute();
}

// ——— Requests for a mentor ———

export async function listRequests(
  db: Kysely<Database>,
  centreId: number,
  filter: { teamId?: string; status?: "open" | "answered" | "declined"; closed?: boolean; limit?: number } = {},
) {
  let query = db
    .selectFrom("mentor_request as r")
    .innerJoin("team as t", "t.id", "r.team_id")
    .leftJoin("expertise_tag as g", "g.id", "r.tag_id")
    .leftJoin("app_user as u", "u.id", "r.requested_by")
    .select([
      "r.id",
      "r.team_id",
      "r.tag_id",
      "r.note",
      "r.status",
      "r.answer",
      "r.assignment_id",
      "r.created_at",
      "r.answered_at",
      "t.name as team_name",
      "g.name_vi as tag_name_vi",
      "g.name_en as tag_name_en",
      "u.name as requested_by_name",
    ])
    .where("r.centre_id", "=", centreId);
  if (filter.teamId) query = query.where("r.team_id", "=", filter.teamId);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  if (filter.closed) query = query.where("r.status", "!=", "open");
  if (filter.limit) query = query.limit(filter.limit);
  return query.orderBy("r.created_at", "desc").execute();
}

export async function findRequest(db: Kysely<Database>, centreId: number, requestId: string) {
  return db
    .selectFrom("mentor_request")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", requestId)
    .executeTakeFirst();
}

/** Teams a mentor may be assigned to: the centre's incubating teams, by name. */
export async function listIncubatingTeams(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("team")
    .select(["id", "name"])
    .where("centre_id", "=", centreId)
    .where("status", "=", "incubating")
    .orderBy(sql`lower(name)`)
    .execute();
}
