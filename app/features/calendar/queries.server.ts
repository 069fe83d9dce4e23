import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

type Db = Kysely<Database>;

/** What a calendar shows of a booking (its room, who it is for). */
export function bookingRows(db: Db) {
  return db
    .selectFrom("booking as b")
    .innerJoin("resource as r", "r.id", "b.resource_id")
    .leftJoin("app_user as u", "u.id", "b.user_id")
    .leftJoin("team as t", "t.id", "b.team_id")
    .select([
      "b.id",
      "b.centre_id",
      "b.user_id",
      "b.purpose",
      "b.status",
      "b.starts_at",
      "b.ends_at",
      "b.title",
      "b.sequence",
      "b.created_at",
      "b.updated_at",
      "b.cancelled_at",
      "r.code as resource_code",
      "r.name_vi as resource_name_vi",
      "r.name_en as resource_name_en",
      "u.name as person_name",
      "t.name as team_name",
    ]);
}

export type BookingCalendarRow = Awaited<ReturnType<ReturnType<typeof bookingRows>["execute"]>>[number];

/** What a calendar shows of a mentoring session (both sides, the room or the link). */
export function sessionRows(db: Db) {
  return db
    .selectFrom("mentoring_session as s")
    .innerJoin("app_user as m", "m.id", "s.mentor_id")
    .innerJoin("team as t", "t.id", "s.team_id")
    .leftJoin("resource as r", "r.id", "s.resource_id")
    .select([
      "s.id",
      "s.centre_id",
      "s.mentor_id",
      "s.team_id",
      "s.status",
      "s.mode",
      "s.online_url",
      "s.topic",
      "s.starts_at",
      "s.ends_at",
      "s.sequence",
      "s.created_at",
      "s.updated_at",
      "m.name as mentor_name",
      "t.name as team_name",
      "r.code as room_code",
      "r.name_vi as room_name_vi",
      "r.name_en as room_name_en",
    ]);
}

export type SessionCalendarRow = Awaited<ReturnType<ReturnType<typeof sessionRows>["execute"]>>[number];

/** The centre's name, address and zone, as calendars show them. */
export async function getCentreForCalendar(db: Db, centreId: number) {
  return db
    .selectFrom("centre")
    .select(["id", "name_vi", "name_en", "short_name_vi", "short_name_en", "address_vi", "address_en", "time_zone"])
    .where("id", "=", centreId)
    .executeTakeFirstOrThrow();
}

export type CentreForCalendar = Awaited<ReturnType<typeof getCentreForCalendar>>;
