// Mentors and assignments written straight into the test database, so session, assignment and
// access tests do not depend on the pages that create them. Names and codes are unique: test
// files share one database.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { MeetingMode } from "#db/schema";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { createUser } from "./factories";
import { createTeamWithFounder } from "./teams";

const ZONE = "Asia/Ho_Chi_Minh";
const unique = () => randomUUID().slice(0, 8);

export interface OfficeHoursInput {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local "HH:mm" in the centre's zone. */
  startsAt: string;
  endsAt: string;
}

/** Every day of the week, 08:00–18:00: the default, so a test that does not care finds the mentor free. */
export const EVERY_DAY_OFFICE_HOURS: OfficeHoursInput[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startsAt: "08:00",
  endsAt: "18:00",
}));

/** A date "yyyy-MM-dd" in the centre's zone, `days` from today. */
export function localDate(days = 0): string {
  return DateTime.now().setZone(ZONE).plus({ days }).toISODate() ?? "";
}

/** An expertise tag of the current centre. */
export async function createExpertiseTag(overrides: { nameVi?: string; nameEn?: string; isActive?: boolean } = {}) {
  const centre = await requireCurrentCentre();
  const code = `tag-${unique()}`;
  return db()
    .insertInto("expertise_tag")
    .values({
      centre_id: centre.id,
      code,
      name_vi: overrides.nameVi ?? `Chuyên môn ${code}`,
      name_en: overrides.nameEn ?? `Expertise ${code}`,
      is_active: overrides.isActive ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A mentor account (role 'mentor') with a profile, office hours (every day 08:00–18:00 unless
 * given), days away and expertise tags; returns the user row and a signed-in Cookie header.
 */
export async function createMentor(
  options: {
    name?: string;
    email?: string;
    organisation?: string;
    meetingMode?: MeetingMode;
    officeHours?: OfficeHoursInput[];
    away?: { startsOn: string; endsOn: string; note?: string }[];
    tagIds?: number[];
    isActive?: boolean;
  } = {},
) {
  const { user, cookie } = await createUser("mentor", {
    name: options.name ?? `Cố vấn ${unique()}`,
    ...(options.email ? { email: options.email } : {}),
  });
  await db()
    .insertInto("mentor_profile")
    .values({
      user_id: user.id,
      organisation: options.organisation ?? "Trường Đại học Tây Bắc",
      title: "Giảng viên",
      meeting_mode: options.meetingMode ?? "both",
      languages: ["vi"],
    })
    .execute();
  const hours = options.officeHours ?? EVERY_DAY_OFFICE_HOURS;
  if (hours.length > 0) {
    await db()
      .insertInto("office_hours")
      .values(hours.map((h) => ({ mentor_id: user.id, weekday: h.weekday, starts_at: h.startsAt, ends_at: h.endsAt })))
      .execute();
  }
  if (options.away && options.away.length > 0) {
    await db()
      .insertInto("mentor_away")
      .values(
        options.away.map((a) => ({ mentor_id: user.id, starts_on: a.startsOn, ends_on: a.endsOn, note: a.note ?? "" })),
      )
      .execute();
  }
  if (options.tagIds && options.tagIds.length > 0) {
    await db()
      .insertInto("mentor_expertise")
      .values(options.tagIds.map((tag_id) => ({ user_id: user.id, tag_id })))
      .execute();
  }
  if (options.isActive === false) {
    await db().updateTable("app_user").set({ is_active: false }).where("id", "=", user.id).execute();
  }
  return { user: { ...user, is_active: options.isActive ?? true }, cookie };
}

/**
 * An assignment of a mentor to a team. Without a mentor or a team, creates them (a mentor with
 * default office hours; a team with one founder). The default period runs from 7 days ago to
 * 90 days ahead (local dates), 10 planned hours, active.
 */
export async function createAssignment(
  options: {
    mentorId?: string;
    teamId?: string;
    startsOn?: string;
    endsOn?: string;
    plannedHours?: number;
    focus?: string;
    status?: "active" | "ended";
  } = {},
) {
  const centre = await requireCurrentCentre();
  const mentor = options.mentorId ? null : await createMentor();
  const created = options.teamId ? null : await createTeamWithFounder();
  const assignment = await db()
    .insertInto("mentor_assignment")
    .values({
      centre_id: centre.id,
      mentor_id: options.mentorId ?? mentor!.user.id,
      team_id: options.teamId ?? created!.team.id,
      starts_on: options.startsOn ?? localDate(-7),
      ends_on: options.endsOn ?? localDate(90),
      focus: options.focus ?? "Gọi vốn và kế hoạch kinh doanh",
      planned_hours: options.plannedHours ?? 10,
      status: options.status ?? "active",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The mentor and team this call created (null when the caller passed their ids).
  return { assignment, mentor, team: created?.team ?? null, founder: created?.founder ?? null };
}

/** A session with status 'done' of an assignment, `hours` long, ending `daysAgo` days ago (online). */
export async function createDoneSession(
  assignment: { id: string; mentor_id: string; team_id: string; centre_id: number },
  options: { daysAgo?: number; hours?: number } = {},
) {
  const endsAt = DateTime.now()
    .setZone(ZONE)
    .minus({ days: options.daysAgo ?? 1 })
    .set({ hour: 11, minute: 0, second: 0, millisecond: 0 });
  const startsAt = endsAt.minus({ minutes: Math.round((options.hours ?? 1) * 60) });
  return db()
    .insertInto("mentoring_session")
    .values({
      centre_id: assignment.centre_id,
      assignment_id: assignment.id,
      mentor_id: assignment.mentor_id,
      team_id: assignment.team_id,
      starts_at: startsAt.toJSDate(),
      ends_at: endsAt.toJSDate(),
      mode: "online",
      online_url: "https://meet.example.vn/phien",
      topic: "Phiên đã diễn ra",
      status: "done",
      proposed_side: "mentor",
      recorded_at: endsAt.toJSDate(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
