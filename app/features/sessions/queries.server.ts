import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { listDaysAway, listOfficeHours } from "~/features/mentors/queries.server";
import { sideOf, type Period, type Side } from "./rules";

type Db = Kysely<Database>;

/** An assignment of the centre with its mentor, team and the team's founders. */
export async function getAssignment(db: Db, centreId: number, assignmentId: string) {
  if (!isUuid(assignmentId)) return undefined;
  const row = await db
    .selectFrom("mentor_assignment as a")
    .innerJoin("app_user as m", "m.id", "a.mentor_id")
    .innerJoin("team as t", "t.id", "a.team_id")
    .select([
      "a.id",
      "a.centre_id",
      "a.mentor_id",
      "a.team_id",
      "a.starts_on",
      "a.ends_on",
      "a.status",
      "a.focus",
      "m.name as mentor_name",
      "t.name as team_name",
    ])
    .where("a.centre_id", "=", centreId)
    .where("a.id", "=", assignmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, mentorId: row.mentor_id, teamMemberIds: await teamMemberIds(db, row.team_id) };
}

export async function teamMemberIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.selectFrom("team_member").select("user_id").where("team_id", "=", teamId).execute();
  return rows.map((r) => r.user_id);
}

/** Who the person is to a session: its mentor, a founder of its team, staff, or nobody (null). */
export async function sessionSide(
  db: Db,
  person: { id: string; role: string },
  session: { mentor_id: string; team_id: string },
): Promise<Side | null> {
  return sideOf(person, { mentorId: session.mentor_id, teamMemberIds: await teamMemberIds(db, session.team_id) });
}

/** The founder a team's room booking is held by: its longest-standing member (decision 007). */
export async function teamBookingHolder(db: Db, teamId: string) {
  return db
    .selectFrom("team_member as tm")
    .innerJoin("app_user as u", "u.id", "tm.user_id")
    .select(["u.id", "u.role", "u.centre_id"])
    .where("tm.team_id", "=", teamId)
    .where("u.is_active", "=", true)
    .orderBy("tm.joined_at")
    .orderBy("u.id")
    .executeTakeFirst();
}

/** The mentor's office hours and days away, as the office-hours rule reads them. */
export async function getOfficeHours(db: Db, mentorId: string) {
  const [hours, away] = await Promise.all([listOfficeHours(db, mentorId), listDaysAway(db, mentorId)]);
  return {
    hours: hours.map((h) => ({ ...h, starts_at: String(h.starts_at), ends_at: String(h.ends_at) })),
    away: away.map((a) => ({ starts_on: String(a.starts_on), ends_on: String(a.ends_on) })),
  };
}

/** The centre's meeting rooms a session can take place in. */
export async function listMeetingRooms(db: Db, centreId: number) {
  return db
    .selectFrom("resource")
    .select(["id", "code", "name_vi", "name_en", "capacity"])
    .where("centre_id", "=", centreId)
    .where("kind", "=", "meeting_room")
    .where("is_active", "=", true)
    .orderBy("code")
    .execute();
}

function sessionsQuery(db: Db, centreId: number) {
  return db
    .selectFrom("mentoring_session as s")
    .innerJoin("app_user as m", "m.id", "s.mentor_id")
    .innerJoin("team as t", "t.id", "s.team_id")
    .leftJoin("resource as r", "r.id", "s.resource_id")
    .select([
      "s.id",
      "s.assignment_id",
      "s.mentor_id",
      "s.team_id",
      "s.starts_at",
      "s.ends_at",
      "s.mode",
      "s.resource_id",
      "s.booking_id",
      "s.online_url",
      "s.topic",
      "s.status",
      "s.proposed_side",
      "s.cancel_reason",
      "m.name as mentor_name",
      "t.name as team_name",
      "r.code as room_code",
      "r.name_vi as room_name_vi",
      "r.name_en as room_name_en",
    ])
    .where("s.centre_id", "=", centreId);
}

export type SessionListItem = Awaited<ReturnType<typeof listMentorSessions>>[number];

/** One session with what its page shows; notes are read separately (see getSessionNotes). */
export async function getSession(db: Db, centreId: number, sessionId: string) {
  if (!isUuid(sessionId)) return undefined;
  return sessionsQuery(db, centreId).where("s.id", "=", sessionId).executeTakeFirst();
}

export async function getSessionNotes(db: Db, sessionId: string) {
  return db
    .selectFrom("mentoring_session")
    .select(["notes", "action_items", "recorded_at"])
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
}

/** The session's row, locked until the transaction ends: answers and cancellations queue on it. */
export async function lockSession(db: Db, centreId: number, sessionId: string) {
  if (!isUuid(sessionId)) return undefined;
  return db
    .selectFrom("mentoring_session")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", sessionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listMentorSessions(db: Db, centreId: number, mentorId: string, period: Period) {
  return sessionsQuery(db, centreId)
    .where("s.mentor_id", "=", mentorId)
    .where("s.starts_at", "<", period.end)
    .where("s.ends_at", ">", period.start)
    .where("s.status", "in", ["proposed", "confirmed", "done", "no_show"])
    .orderBy("s.starts_at")
    .execute();
}

export async function listUpcomingForMentor(db: Db, centreId: number, mentorId: string, now: Date, limit = 20) {
  return sessionsQuery(db, centreId)
    .where("s.mentor_id", "=", mentorId)
    .where("s.ends_at", ">", now)
    .where("s.status", "in", ["proposed", "confirmed"])
    .orderBy("s.starts_at")
    .limit(limit)
    .execute();
}

/** Proposals waiting for this mentor's answer: made by the team or by staff. */
export async function listPendingForMentor(db: Db, centreId: number, mentorId: string, now: Date) {
  return sessionsQuery(db, centreId)
    .where("s.mentor_id", "=", mentorId)
    .where("s.status", "=", "proposed")
    .where("s.proposed_side", "in", ["team", "staff"])
    .where("s.starts_at", ">", now)
    .orderBy("s.starts_at")
    .execute();
}

export async function listTeamSessions(db: Db, centreId: number, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return sessionsQuery(db, centreId)
    .where("s.team_id", "in", teamIds)
    .orderBy("s.starts_at", "desc")
    .limit(200)
    .execute();
}

export async function listCentreSessions(db: Db, centreId: number, from: Date) {
  return sessionsQuery(db, centreId).where("s.ends_at", ">", from).orderBy("s.starts_at").limit(300).execute();
}

/** Active assignments of a mentor or of teams, for the "propose a session" links. */
export async function listActiveAssignments(db: Db, centreId: number, by: { mentorId?: string; teamIds?: string[] }) {
  let query = db
    .selectFrom("mentor_assignment as a")
    .innerJoin("app_user as m", "m.id", "a.mentor_id")
    .innerJoin("team as t", "t.id", "a.team_id")
    .select([
      "a.id",
      "a.team_id",
      "a.starts_on",
      "a.ends_on",
      "a.focus",
      "m.name as mentor_name",
      "t.name as team_name",
    ])
    .where("a.centre_id", "=", centreId)
    .where("a.status", "=", "active");
  if (by.mentorId) query = query.where("a.mentor_id", "=", by.mentorId);
  if (by.teamIds) {
    if (by.teamIds.length === 0) return [];
    query = query.where("a.team_id", "in", by.teamIds);
  }
  return query.orderBy("t.name").execute();
}

/** Hours of sessions recorded done in the period, by the sessions' start. */
export async function hoursDelivered(db: Db, mentorId: string, period: Period): Promise<number> {
  const row = await db
    .selectFrom("mentoring_session")
    .select(sql<string>`coalesce(sum(extract(epoch from ends_at - starts_at)), 0) / 3600.0`.as("hours"))
    .where("mentor_id", "=", mentorId)
    .where("status", "=", "done")
    .where("starts_at", ">=", period.start)
    .where("starts_at", "<", period.end)
    .executeTakeFirstOrThrow();
  return Math.round(Number(row.hours) * 10) / 10;
}

export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("team_member").select("team_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.team_id);
}

/** Everyone on the session's two sides (the mentor and the team's founders) with their language. */
export async function sessionParties(db: Db, mentorId: string, teamId: string) {
  return db
    .selectFrom("app_user as u")
    .select(["u.id", "u.email", "u.name", "u.locale"])
    .where("u.is_active", "=", true)
    .where((eb) =>
      eb.or([
        eb("u.id", "=", mentorId),
        eb("u.id", "in", eb.selectFrom("team_member").select("user_id").where("team_id", "=", teamId)),
      ]),
    )
    .execute();
}

/** No live booking of the room overlaps the period (the preview; the exclusion constraint decides at confirmation). */
export async function roomIsFree(db: Db, resourceId: string, period: Period): Promise<boolean> {
  const row = await db
    .selectFrom("booking")
    .select("id")
    .where("resource_id", "=", resourceId)
    .where("status", "in", ["held", "confirmed", "checked_in"])
    .where("starts_at", "<", period.end)
    .where("ends_at", ">", period.start)
    .executeTakeFirst();
  return !row;
}
