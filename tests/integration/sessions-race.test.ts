// Mentoring sessions under real concurrency, on a real PostgreSQL server over HTTP (PGlite is
// one connection, so a race there proves nothing): a founder and staff propose the same mentor
// at the same moment, and a session's room is taken by someone else's booking between the
// proposal and its confirmation.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/schema";
import { translate } from "~/i18n/translate";
import { startSession } from "~/features/auth/session.server";
import { buildRequest } from "../setup/requests";
import { openWeekdays, postForm, signedInFounders, usePostgresApp } from "../setup/postgres-app";

const app = usePostgresApp();

async function signedIn(database: Kysely<Database>, centreId: number, role: "staff" | "mentor") {
  const user = await database
    .insertInto("app_user")
    .values({
      centre_id: centreId,
      email: `${role}-${randomUUID().slice(0, 8)}@test.example`,
      name: `Người ${role}`,
      role,
    })
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
  const setCookie = await startSession(database, user.id, { clientIp: "127.0.0.1" }, buildRequest("/"));
  return { ...user, cookie: setCookie.split(";")[0]! };
}

/** A mentor free every day 07:00–20:00, with an active assignment to each of `teams` new teams (one founder each). */
async function mentorWithTeams(database: Kysely<Database>, centreId: number, teams: number) {
  const mentor = await signedIn(database, centreId, "mentor");
  await database.insertInto("mentor_profile").values({ user_id: mentor.id }).execute();
  await database
    .insertInto("office_hours")
    .values(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ mentor_id: mentor.id, weekday, starts_at: "07:00", ends_at: "20:00" })),
    )
    .execute();
  const founders = await signedInFounders(database, centreId, `race-${randomUUID().slice(0, 6)}`, teams);
  const assignments = [];
  for (const founder of founders) {
    const team = await database
      .insertInto("team")
      .values({
        centre_id: centreId,
        name: `Nhóm đua ${randomUUID().slice(0, 8)}`,
        status: "incubating",
        incubation_starts_on: "2026-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.insertInto("team_member").values({ team_id: team.id, user_id: founder.userId }).execute();
    const assignment = await database
      .insertInto("mentor_assignment")
      .values({
        centre_id: centreId,
        mentor_id: mentor.id,
        team_id: team.id,
        starts_on: "2026-01-01",
        ends_on: "2030-12-31",
        planned_hours: 10,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    assignments.push({ id: assignment.id, teamId: team.id, founder });
  }
  return { mentor, assignments };
}

async function meetingRoom(database: Kysely<Database>, centreId: number) {
  const floor = await database
    .insertInto("floor")
    .values({
      centre_id: centreId,
      code: `SR-${randomUUID().slice(0, 4)}`,
      name_vi: "Tầng phòng họp",
      name_en: "Rooms floor",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return database
    .insertInto("resource")
    .values({
      centre_id: centreId,
      floor_id: floor.id,
      code: `SR-${randomUUID().slice(0, 6)}`,
      kind: "meeting_room",
      name_vi: "Phòng họp đua",
      name_en: "Race meeting room",
      capacity: 6,
      price_hour_vnd: 0,
      plan_x: 0,
      plan_y: 0,
      plan_width: 10,
      plan_height: 10,
    })
    .returning(["id", "code"])
    .executeTakeFirstOrThrow();
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

describe("a founder and staff propose the same mentor at the same moment", () => {
  it("exactly one proposal wins each time; the other gets a clear 409 and nothing is written for it", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const { assignments } = await mentorWithTeams(database, centre.id, 2);
    const [teamA, teamB] = assignments as [(typeof assignments)[0], (typeof assignments)[0]];
    const staff = await signedIn(database, centre.id, "staff");
    const days = await openWeekdays(database, centre.id, 5);
    const busy = translate("vi", "sessions.error.mentor_busy");

    // Five rounds, each on its own day: team A's founder and staff (for team B) at once.
    let expectedMessages = 0;
    for (const day of days) {
      const form = {
        date: dmy(day),
        start: "10:00",
        minutes: "60",
        topic: "Cùng một giờ",
        mode: "online",
        onlineUrl: "https://meet.example.vn/dua",
      };
      const responses = await Promise.all([
        postForm(`${app.server.url}/sessions/new?assignment=${teamA.id}`, teamA.founder.cookie, form),
        postForm(`${app.server.url}/sessions/new?assignment=${teamB.id}`, staff.cookie, form),
      ]);
      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      expect(responses.filter((r) => r.status === 302)).toHaveLength(1);
      const refused = responses.filter((r) => r.status !== 302);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.status).toBe(409);
      expect(refused[0]!.body).toContain(busy);
      // The founder's proposal tells the mentor; staff's tells the mentor and team B's founder.
      expectedMessages += responses[0]!.status === 302 ? 1 : 2;
    }
    const held = await database
      .selectFrom("mentoring_session")
      .select(["team_id", "starts_at"])
      .where("assignment_id", "in", [teamA.id, teamB.id])
      .execute();
    expect(held).toHaveLength(5);
    expect(new Set(held.map((s) => s.starts_at.toISOString())).size).toBe(5);
    // Only the winners' proposals sent messages: the losers' rolled back with them.
    const messages = await database
      .selectFrom("outbox")
      .select("id")
      .where("kind", "=", "session.proposed")
      .where("text_body", "like", "%Cùng một giờ%")
      .execute();
    expect(messages).toHaveLength(expectedMessages);
  }, 120_000);
});

describe("a session's room taken between proposal and confirmation", () => {
  it("a desk-user's booking made in between refuses the confirmation: nothing confirmed", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const { mentor, assignments } = await mentorWithTeams(database, centre.id, 1);
    const team = assignments[0]!;
    const room = await meetingRoom(database, centre.id);
    const [day] = await openWeekdays(database, centre.id, 1);
    const proposed = await postForm(`${app.server.url}/sessions/new?assignment=${team.id}`, team.founder.cookie, {
      date: dmy(day!),
      start: "14:00",
      minutes: "60",
      topic: "Phòng bị lấy mất",
      mode: "centre",
      resourceId: room.id,
    });
    expect(proposed.status).toBe(302);
    const sessionId = /\/sessions\/([0-9a-f-]{36})/.exec(proposed.location ?? "")![1]!;

    const [desker] = await signedInFounders(database, centre.id, `desker-${randomUUID().slice(0, 6)}`, 1);
    const booked = await postForm(`${app.server.url}/bookings/new`, desker!.cookie, {
      resource: room.id,
      date: day!,
      start: "14:30",
      minutes: "60",
      people: "2",
    });
    expect(booked.status).toBe(302);

    const confirm = await postForm(`${app.server.url}/sessions/${sessionId}`, mentor.cookie, { intent: "confirm" });
    expect(confirm.status).toBe(409);
    expect(confirm.body).toContain(translate("vi", "sessions.error.room_taken"));
    const session = await database
      .selectFrom("mentoring_session")
      .select(["status", "booking_id"])
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ status: "proposed", booking_id: null });
    const bookings = await database
      .selectFrom("booking")
      .select("user_id")
      .where("resource_id", "=", room.id)
      .where("status", "=", "confirmed")
      .execute();
    expect(bookings).toEqual([{ user_id: desker!.userId }]);
  }, 60_000);

  it("a confirmation and a room booking at the same moment: exactly one gets the room", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const { mentor, assignments } = await mentorWithTeams(database, centre.id, 1);
    const team = assignments[0]!;
    const room = await meetingRoom(database, centre.id);
    const days = await openWeekdays(database, centre.id, 4);
    const deskers = await signedInFounders(database, centre.id, `racer-${randomUUID().slice(0, 6)}`, days.length);

    for (const [i, day] of days.entries()) {
      const proposed = await postForm(`${app.server.url}/sessions/new?assignment=${team.id}`, team.founder.cookie, {
        date: dmy(day),
        start: "09:00",
        minutes: "60",
        topic: "Cùng giành phòng",
        mode: "centre",
        resourceId: room.id,
      });
      expect(proposed.status).toBe(302);
      const sessionId = /\/sessions\/([0-9a-f-]{36})/.exec(proposed.location ?? "")![1]!;
      const [confirm, booking] = await Promise.all([
        postForm(`${app.server.url}/sessions/${sessionId}`, mentor.cookie, { intent: "confirm" }),
        postForm(`${app.server.url}/bookings/new`, deskers[i]!.cookie, {
          resource: room.id,
          date: day,
          start: "09:00",
          minutes: "60",
          people: "1",
        }),
      ]);
      expect([confirm.status, booking.status].sort()).toEqual([302, 409]);
      const session = await database
        .selectFrom("mentoring_session")
        .select(["status", "booking_id"])
        .where("id", "=", sessionId)
        .executeTakeFirstOrThrow();
      const roomBookings = await database
        .selectFrom("booking")
        .select(["id", "user_id"])
        .where("resource_id", "=", room.id)
        .where("status", "=", "confirmed")
        .where("starts_at", ">=", new Date(`${day}T00:00:00+07:00`))
        .where("starts_at", "<", new Date(`${day}T23:59:59+07:00`))
        .execute();
      expect(roomBookings).toHaveLength(1);
      if (confirm.status === 302) {
        expect(session.status).toBe("confirmed");
        expect(roomBookings[0]!.id).toBe(session.booking_id);
      } else {
        expect(confirm.body).toContain(translate("vi", "sessions.error.room_taken"));
        expect(session).toEqual({ status: "proposed", booking_id: null });
        expect(roomBookings[0]!.user_id).toBe(deskers[i]!.userId);
      }
    }
  }, 120_000);
});
