import { sql } from "kysely";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CalendarFeedKind } from "#db/schema";
import { bookResource } from "~/features/bookings/book-resource.server";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { moveBooking } from "~/features/bookings/move-booking.server";
import { renderCalendar } from "~/features/calendar/ics.server";
import { readBookingForCalendar, readSessionForCalendar, singleEventCalendar } from "~/features/calendar/items.server";
import { regenerateFeed } from "~/features/calendar/manage.server";
import { resetFeedRateLimits } from "~/features/calendar/serve-feed.server";
import { newFeedToken } from "~/features/calendar/tokens";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as feedLoader } from "~/routes/calendar.$token";
import { loader as eventIcsLoader } from "~/routes/events_.$eventId.calendar[.ics]";
import { db } from "~/utils/database.server";
import { createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment } from "../setup/mentors";
import { insertSession } from "../setup/sessions";
import { call } from "../setup/requests";
import { cancelMember, createTestEvent, eventRow, registerMember } from "../setup/events";
import { parseInZone, ZONES, type ParsedEvent } from "./calendar-parse";

useTestDatabase();
beforeEach(() => resetFeedRateLimits());

const ZONE = "Asia/Ho_Chi_Minh";

async function createFeed(
  kind: CalendarFeedKind,
  ownerId: string,
  target: { teamId?: string; resourceId?: string } = {},
) {
  const centre = await requireCurrentCentre();
  return db()
    .insertInto("calendar_feed")
    .values({
      centre_id: centre.id,
      kind,
      owner_id: ownerId,
      team_id: target.teamId ?? null,
      resource_id: target.resourceId ?? null,
      token: newFeedToken(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function fetchFeed(segment: string, headers: Record<string, string> = {}, clientIp = randomIp()) {
  return (await call(feedLoader, `/calendar/${segment}`, {
    params: { token: segment },
    headers,
    clientIp,
  })) as Response;
}

function randomIp() {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

async function feedText(token: string) {
  const response = await fetchFeed(`${token}.ics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** Both parsers in both process zones read the same events; returns them by UID. */
function parsedEverywhere(ics: string): Map<string, ParsedEvent> {
  let reference: ParsedEvent[] | null = null;
  for (const tz of ZONES) {
    const parsed = parseInZone(ics, tz);
    expect(parsed.tz).toBe(tz);
    for (const events of [parsed.icaljs, parsed.nodeical]) {
      const sorted = [...events].sort((a, b) => a.uid.localeCompare(b.uid));
      if (reference === null) reference = sorted;
      else expect(sorted).toEqual(reference);
    }
  }
  return new Map((reference ?? []).map((e) => [e.uid, e]));
}

async function bookingRow(id: string) {
  return db().selectFrom("booking").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function sessionRow(id: string) {
  return db().selectFrom("mentoring_session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function expectEvent(
  events: Map<string, ParsedEvent>,
  uidPrefix: string,
  row: { starts_at: Date; ends_at: Date; sequence: number },
  status: string,
) {
  const event = [...events.values()].find((e) => e.uid.startsWith(uidPrefix));
  expect(event, `${uidPrefix} in the feed`).toBeDefined();
  expect(event).toMatchObject({
    start: row.starts_at.getTime(),
    end: row.ends_at.getTime(),
    sequence: row.sequence,
    status,
  });
  return event!;
}

/** A founder in a team with a mentor, a room booking, a desk booking and a proposed session. */
async function scene() {
  const { assignment, mentor, team, founder } = await createAssignment();
  const week = await openWeek();
  const room = await createResource("meeting_room");
  const desk = await createResource("hot_desk");
  const roomBooked = await bookResource(db(), founder!.user, {
    resourceId: room.id,
    date: iso(week.plus({ days: 1 })),
    start: "09:00",
    minutes: 90,
  });
  const deskBooked = await bookResource(db(), founder!.user, {
    resourceId: desk.id,
    date: iso(week.plus({ days: 2 })),
    part: "afternoon",
  });
  if (!roomBooked.ok || !deskBooked.ok) throw new Error("booking failed");
  const day = week.plus({ days: 3 });
  const session = await insertSession(
    assignment,
    { start: day.set({ hour: 14 }).toJSDate(), end: day.set({ hour: 15, minute: 30 }).toJSDate() },
    "proposed",
  );
  return {
    assignment,
    mentor: mentor!,
    team: team!,
    founder: founder!,
    room,
    desk,
    roomBooking: await bookingRow(roomBooked.bookingId),
    deskBooking: await bookingRow(deskBooked.bookingId),
    session: await sessionRow(session.id),
  };
}

const originalTz = process.env.TZ;

// The server writes the feeds in each process zone, and the parsers read them in each too.
describe.each(["UTC", "America/New_York"])(
  "server in %s: feeds of every kind, read by ical.js and node-ical in UTC and New York",
  (serverZone) => {
    beforeAll(() => {
      process.env.TZ = serverZone;
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(serverZone === "UTC" ? 0 : 300);
    });
    afterAll(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it("a person's feed: their bookings and their team's sessions, at the right instants", async () => {
      const s = await scene();
      const feed = await createFeed("person", s.founder.user.id);
      const response = await fetchFeed(`${feed.token}.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
      const ics = await response.text();
      expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh");
      expect(ics).toMatch(/DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T090000/);
      for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      const events = parsedEverywhere(ics);
      expect(events.size).toBe(3);
      expectEvent(events, `booking-${s.roomBooking.id}@`, s.roomBooking, "CONFIRMED");
      expectEvent(events, `booking-${s.deskBooking.id}@`, s.deskBooking, "CONFIRMED");
      const session = expectEvent(events, `session-${s.session.id}@`, s.session, "TENTATIVE");
      expect(session.summary).toContain(s.team.name);
      // Vietnamese text survives folding in both parsers.
      const room = expectEvent(events, `booking-${s.roomBooking.id}@`, s.roomBooking, "CONFIRMED");
      expect(room.location).toContain("Đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La");
      expect(room.location).toContain(s.room.name_vi);
    });

    it("the mentor's feed has the session; the team's feed has the team's items", async () => {
      const s = await scene();
      await db().updateTable("booking").set({ team_id: s.team.id }).where("id", "=", s.roomBooking.id).execute();
      const mentorFeed = await createFeed("person", s.mentor.user.id);
      const mentorEvents = parsedEverywhere(await feedText(mentorFeed.token));
      expect([...mentorEvents.keys()].filter((uid) => uid.startsWith("session-"))).toHaveLength(1);
      expectEvent(mentorEvents, `session-${s.session.id}@`, s.session, "TENTATIVE");

      const teamFeed = await createFeed("team", s.founder.user.id, { teamId: s.team.id });
      const teamEvents = parsedEverywhere(await feedText(teamFeed.token));
      const teamBookings = await db().selectFrom("booking").select("id").where("team_id", "=", s.team.id).execute();
      expect(teamEvents.size).toBe(teamBookings.length + 1);
      expectEvent(teamEvents, `booking-${s.roomBooking.id}@`, await bookingRow(s.roomBooking.id), "CONFIRMED");
      expectEvent(teamEvents, `session-${s.session.id}@`, s.session, "TENTATIVE");
    });

    it("a room's feed shows 'Bận' without names to a founder, and names to staff", async () => {
      const s = await scene();
      await db()
        .updateTable("booking")
        .set({ title: "Họp gọi vốn bí mật" })
        .where("id", "=", s.roomBooking.id)
        .execute();
      const row = await bookingRow(s.roomBooking.id);
      const blockStart = DateTime.fromJSDate(row.starts_at).plus({ days: 1 });
      const block = await db()
        .insertInto("booking")
        .values({
          centre_id: row.centre_id,
          resource_id: s.room.id,
          purpose: "block",
          status: "confirmed",
          title: "Sửa điều hoà",
          starts_at: blockStart.toJSDate(),
          ends_at: blockStart.plus({ hours: 2 }).toJSDate(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const founderFeed = await createFeed("resource", s.founder.user.id, { resourceId: s.room.id });
      const plain = await feedText(founderFeed.token);
      const events = parsedEverywhere(plain);
      expect(events.size).toBe(2);
      expect(expectEvent(events, `booking-${row.id}@`, row, "CONFIRMED").summary).toBe("Bận");
      expect(expectEvent(events, `booking-${block.id}@`, block, "CONFIRMED").summary).toBe("Không sử dụng");
      expect(plain).not.toContain("điều hoà");
      expect(plain).not.toContain("bí mật");
      expect(plain).not.toContain(s.founder.user.name);

      const staff = await createUser("staff");
      await db().updateTable("app_user").set({ locale: "en" }).where("id", "=", staff.user.id).execute();
      const staffFeed = await createFeed("resource", staff.user.id, { resourceId: s.room.id });
      const named = await feedText(staffFeed.token);
      const staffEvents = parsedEverywhere(named);
      expect(expectEvent(staffEvents, `booking-${row.id}@`, row, "CONFIRMED").summary).toContain("Họp gọi vốn bí mật");
      expect(named.replace(/\r\n /g, "")).toContain(s.founder.user.name);
      expect(named).toContain("Room:");
    });

    it("the centre's feed is for staff only; a founder's centre link answers 404", async () => {
      const s = await scene();
      const staff = await createUser("staff");
      const feed = await createFeed("centre", staff.user.id);
      const events = parsedEverywhere(await feedText(feed.token));
      expectEvent(events, `booking-${s.roomBooking.id}@`, s.roomBooking, "CONFIRMED");
      expectEvent(events, `session-${s.session.id}@`, s.session, "TENTATIVE");

      const founderCentre = await createFeed("centre", s.founder.user.id);
      expect((await fetchFeed(`${founderCentre.token}.ics`)).status).toBe(404);
    });

    it("a single booking and a single session download parse the same way; strangers get nothing", async () => {
      const s = await scene();
      const booking = await readBookingForCalendar(db(), s.founder.user, s.roomBooking.id);
      const session = await readSessionForCalendar(db(), s.mentor.user, s.session.id, "en");
      expect(booking).not.toBeNull();
      expect(session).not.toBeNull();
      for (const [event, row, uid, status] of [
        [booking!, s.roomBooking, `booking-${s.roomBooking.id}@`, "CONFIRMED"],
        [session!, s.session, `session-${s.session.id}@`, "TENTATIVE"],
      ] as const) {
        const ics = renderCalendar(await singleEventCalendar(db(), s.founder.user.centre_id, event, "vi"));
        const events = parsedEverywhere(ics);
        expect(events.size).toBe(1);
        expectEvent(events, uid, row, status);
      }
      expect(session!.summary).toMatch(/^Mentoring: /);

      const stranger = await createUser("founder");
      expect(await readBookingForCalendar(db(), stranger.user, s.roomBooking.id)).toBeNull();
      expect(await readSessionForCalendar(db(), stranger.user, s.session.id)).toBeNull();
      expect(await readBookingForCalendar(db(), stranger.user, "not-a-uuid")).toBeNull();
      const staff = await createUser("staff");
      expect(await readBookingForCalendar(db(), staff.user, s.roomBooking.id)).not.toBeNull();
    });
  },
);

describe("changes a calendar must see", () => {
  it("a moved booking's SEQUENCE grows, a cancelled one stays as CANCELLED, an old token is refused", async () => {
    const s = await scene();
    const feed = await createFeed("person", s.founder.user.id);
    const before = parsedEverywhere(await feedText(feed.token));
    expect(before.get(`booking-${s.roomBooking.id}@localhost`)?.sequence).toBe(0);

    // Through the app: the move writes its own sequence, counted once.
    const week = await openWeek();
    const moved = await moveBooking(db(), s.founder.user, s.roomBooking.id, {
      resourceId: s.room.id,
      date: iso(week.plus({ days: 1 })),
      start: "10:00",
      minutes: 60,
    });
    expect(moved).toEqual({ ok: true });
    const afterMove = await bookingRow(s.roomBooking.id);
    expect(afterMove.sequence).toBe(1);
    expectEvent(parsedEverywhere(await feedText(feed.token)), `booking-${afterMove.id}@`, afterMove, "CONFIRMED");

    // A writer that forgets the sequence: the trigger adds one and stamps updated_at.
    await db()
      .updateTable("booking")
      .set({
        starts_at: new Date(afterMove.starts_at.getTime() + 30 * 60_000),
        ends_at: new Date(afterMove.ends_at.getTime() + 30 * 60_000),
      })
      .where("id", "=", afterMove.id)
      .execute();
    const shifted = await bookingRow(afterMove.id);
    expect(shifted.sequence).toBe(2);
    expect(shifted.updated_at.getTime()).toBeGreaterThan(afterMove.updated_at.getTime());
    expectEvent(parsedEverywhere(await feedText(feed.token)), `booking-${shifted.id}@`, shifted, "CONFIRMED");

    // Checking in is not a change a calendar shows.
    await db().updateTable("booking").set({ status: "checked_in" }).where("id", "=", shifted.id).execute();
    expect((await bookingRow(shifted.id)).sequence).toBe(2);
    await db().updateTable("booking").set({ status: "confirmed" }).where("id", "=", shifted.id).execute();

    expect(await cancelBooking(db(), s.founder.user, shifted.id)).toEqual({ ok: true });
    const cancelled = await bookingRow(shifted.id);
    expect(cancelled.sequence).toBe(3);
    const afterCancel = parsedEverywhere(await feedText(feed.token));
    expectEvent(afterCancel, `booking-${cancelled.id}@`, cancelled, "CANCELLED");

    // Regenerating: the old link stops at once.
    const renewed = await regenerateFeed(db(), s.founder.user, feed.id);
    if (!renewed.ok) throw new Error("regenerate refused");
    expect((await fetchFeed(`${feed.token}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${renewed.feed.token}.ics`)).status).toBe(200);
  });

  it("a row written twice in the transaction that creates it starts at sequence 0", async () => {
    const s = await scene();
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        const start = DateTime.fromJSDate(s.roomBooking.starts_at).plus({ days: 7 });
        const row = await trx
          .insertInto("booking")
          .values({
            centre_id: s.roomBooking.centre_id,
            resource_id: s.room.id,
            user_id: s.founder.user.id,
            status: "confirmed",
            starts_at: start.toJSDate(),
            ends_at: start.plus({ hours: 1 }).toJSDate(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.updateTable("booking").set({ title: "Buổi cố vấn: gọi vốn" }).where("id", "=", row.id).execute();
        return row.id;
      });
    expect((await bookingRow(id)).sequence).toBe(0);
    await db().updateTable("booking").set({ title: "Buổi cố vấn: đổi chủ đề" }).where("id", "=", id).execute();
    expect((await bookingRow(id)).sequence).toBe(1);
  });

  it("a session's changes grow its sequence once, recording it does not", async () => {
    const s = await scene();
    const feed = await createFeed("person", s.mentor.user.id);
    await db()
      .updateTable("mentoring_session")
      .set({ status: "confirmed", topic: "Chủ đề mới" })
      .where("id", "=", s.session.id)
      .execute();
    const confirmed = await sessionRow(s.session.id);
    expect(confirmed.sequence).toBe(1);
    await db()
      .updateTable("mentoring_session")
      .set({ status: "done", notes: "Ghi chú", recorded_at: new Date() })
      .where("id", "=", s.session.id)
      .execute();
    expect((await sessionRow(s.session.id)).sequence).toBe(1);
    await db().updateTable("mentoring_session").set({ status: "cancelled" }).where("id", "=", s.session.id).execute();
    const cancelled = await sessionRow(s.session.id);
    expect(cancelled.sequence).toBe(2);
    expectEvent(parsedEverywhere(await feedText(feed.token)), `session-${s.session.id}@`, cancelled, "CANCELLED");
  });

  it("the window: 90 days back to a year ahead; cancelled items go 30 days after cancelling", async () => {
    const s = await scene();
    const feed = await createFeed("person", s.founder.user.id);
    const old = DateTime.now().setZone(ZONE).minus({ days: 120 }).set({ hour: 9 });
    const recent = DateTime.now().setZone(ZONE).minus({ days: 10 }).set({ hour: 9 });
    const insert = (start: DateTime, status: "confirmed" | "cancelled", cancelledDaysAgo?: number) =>
      db()
        .insertInto("booking")
        .values({
          centre_id: s.founder.user.centre_id,
          resource_id: s.desk.id,
          user_id: s.founder.user.id,
          status,
          starts_at: start.toJSDate(),
          ends_at: start.plus({ hours: 1 }).toJSDate(),
          cancelled_at:
            cancelledDaysAgo === undefined ? null : DateTime.now().minus({ days: cancelledDaysAgo }).toJSDate(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const tooOld = await insert(old, "confirmed");
    const longCancelled = await insert(recent.minus({ days: 1 }), "cancelled", 31);
    const justCancelled = await insert(recent.minus({ days: 2 }), "cancelled", 3);
    const kept = await insert(recent, "confirmed");
    const uids = [...parsedEverywhere(await feedText(feed.token)).keys()].join(" ");
    expect(uids).not.toContain(tooOld.id);
    expect(uids).not.toContain(longCancelled.id);
    expect(uids).toContain(justCancelled.id);
    expect(uids).toContain(kept.id);
  });
});

describe("events a person registered for (issue 8)", () => {
  it("appear in their feed at the event's times, and cancelling shows them cancelled with a higher SEQUENCE", async () => {
    const { eventId } = await createTestEvent();
    const founder = await createUser("founder");
    const other = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    const event = await eventRow(eventId);
    const feed = await createFeed("person", founder.user.id);
    const uid = (e: ParsedEvent) => e.uid.startsWith(`event-${eventId}.`);

    const before = [...parsedEverywhere(await feedText(feed.token)).values()].filter(uid);
    expect(before).toHaveLength(1);
    expect(before[0]!.start).toBe(event.starts_at.getTime());
    expect(before[0]!.end).toBe(event.ends_at.getTime());
    expect(before[0]!.status).toBe("CONFIRMED");

    // Someone else's feed does not show it.
    const otherFeed = await createFeed("person", other.user.id);
    expect([...parsedEverywhere(await feedText(otherFeed.token)).values()].filter(uid)).toHaveLength(0);

    await cancelMember(founder.cookie, eventId);
    const after = [...parsedEverywhere(await feedText(feed.token)).values()].filter(uid);
    expect(after).toHaveLength(1);
    expect(after[0]!.status).toBe("CANCELLED");
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence);
  });

  it("an event's .ics download is the member's feed item, and the public event for anyone else", async () => {
    const { eventId } = await createTestEvent();
    const founder = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    const event = await eventRow(eventId);
    const download = async (cookie?: string) => {
      const response = (await call(eventIcsLoader, `/events/${eventId}/calendar.ics`, {
        params: { eventId },
        cookie,
      })) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      return [...parsedEverywhere(await response.text()).values()];
    };
    const mine = await download(founder.cookie);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.uid.startsWith(`event-${eventId}.${founder.user.id}@`)).toBe(true);
    const feed = await createFeed("person", founder.user.id);
    expect(parsedEverywhere(await feedText(feed.token)).get(mine[0]!.uid)).toEqual(mine[0]);

    const visitor = await download();
    expect(visitor[0]!.uid.startsWith(`event-${eventId}@`)).toBe(true);
    expect(visitor[0]!.start).toBe(event.starts_at.getTime());
    expect(visitor[0]!.end).toBe(event.ends_at.getTime());

    const missing = await call(eventIcsLoader, "/events/x/calendar.ics", { params: { eventId: "x" } }).catch(
      (error: unknown) => error,
    );
    expect((missing as Response).status).toBe(404);
  });
});

describe("HTTP behaviour", () => {
  it("answers 304 to If-None-Match and If-Modified-Since until something changes", async () => {
    const s = await scene();
    const feed = await createFeed("person", s.founder.user.id);
    const first = await fetchFeed(`${feed.token}.ics`);
    const etag = first.headers.get("ETag")!;
    const lastModified = first.headers.get("Last-Modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);

    const again = await fetchFeed(`${feed.token}.ics`, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await fetchFeed(`${feed.token}.ics`, { "If-Modified-Since": lastModified })).status).toBe(304);
    expect((await fetchFeed(`${feed.token}.ics`, { "If-None-Match": '"something-else"' })).status).toBe(200);

    await db().updateTable("booking").set({ title: "Đổi tên" }).where("id", "=", s.roomBooking.id).execute();
    const changed = await fetchFeed(`${feed.token}.ics`, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(await changed.text()).toContain("Đổi tên");
  });

  it("unknown, revoked and malformed tokens answer the same 404", async () => {
    const { user } = await createUser("founder");
    const revoked = await createFeed("person", user.id);
    await db().updateTable("calendar_feed").set({ revoked_at: new Date() }).where("id", "=", revoked.id).execute();
    const answers = [];
    for (const segment of [`${newFeedToken()}.ics`, `${revoked.token}.ics`, "abc.ics", `${newFeedToken()}`, "x"]) {
      const response = await fetchFeed(segment);
      answers.push([response.status, await response.text(), response.headers.get("Content-Type")]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]![0]).toBe(404);
  });

  it("a deactivated owner's and a removed team member's feeds answer 404", async () => {
    const s = await scene();
    const teamFeed = await createFeed("team", s.founder.user.id, { teamId: s.team.id });
    expect((await fetchFeed(`${teamFeed.token}.ics`)).status).toBe(200);
    await db()
      .deleteFrom("team_member")
      .where("team_id", "=", s.team.id)
      .where("user_id", "=", s.founder.user.id)
      .execute();
    expect((await fetchFeed(`${teamFeed.token}.ics`)).status).toBe(404);

    const mentorFeed = await createFeed("person", s.mentor.user.id);
    expect((await fetchFeed(`${mentorFeed.token}.ics`)).status).toBe(200);
    await db().updateTable("app_user").set({ is_active: false }).where("id", "=", s.mentor.user.id).execute();
    expect((await fetchFeed(`${mentorFeed.token}.ics`)).status).toBe(404);
  });

  it("limits requests per token and per address with 429 and Retry-After", async () => {
    const { user } = await createUser("founder");
    const feed = await createFeed("person", user.id);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await fetchFeed(`${feed.token}.ics`, {}, randomIp())).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await fetchFeed(`${feed.token}.ics`, {}, randomIp());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);

    // Guessing tokens from one address: 404s count too.
    const ip = "192.0.2.77";
    const guesses: number[] = [];
    for (let i = 0; i < 121; i++) guesses.push((await fetchFeed(`${newFeedToken()}.ics`, {}, ip)).status);
    expect(guesses.slice(0, 120).every((s) => s === 404)).toBe(true);
    expect(guesses[120]).toBe(429);
  });

  it("the database keeps one live link per owner and target", async () => {
    const { user } = await createUser("founder");
    await createFeed("person", user.id);
    await expect(createFeed("person", user.id)).rejects.toThrow();
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM calendar_feed WHERE owner_id = ${user.id}`.execute(db());
    expect(count.rows[0]!.n).toBe(1);
  });
});
