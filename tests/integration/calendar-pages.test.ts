// The calendars page and the single-event downloads, as people use them: who may hold which
// feed (403 otherwise, 404 for what does not exist, 400 for a malformed form, nothing changed),
// making a new link and revoking one, and the .ics downloads of a booking and a session.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as bookingDownload } from "~/routes/bookings_.$bookingId.calendar[.ics]";
import { loader as bookingPage } from "~/routes/bookings.$bookingId";
import { loader as feedLoader } from "~/routes/calendar.$token";
import { action as calendarAction, loader as calendarLoader } from "~/routes/calendar._index";
import { loader as sessionDownload } from "~/routes/sessions_.$sessionId.calendar[.ics]";
import { loader as sessionPage } from "~/routes/sessions.$sessionId";
import { db } from "~/utils/database.server";
import { createResource } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";
import { insertSession } from "../setup/sessions";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

type Page = Awaited<ReturnType<typeof calendarLoader>>;

async function page(cookie: string | null) {
  return dataOf<Page>(await call(calendarLoader, "/calendar", { cookie }));
}

async function post(cookie: string | null, form: Record<string, string>) {
  return (await call(calendarAction, "/calendar", { cookie, form })) as Response;
}

async function liveFeeds(ownerId: string) {
  return db()
    .selectFrom("calendar_feed")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .where("revoked_at", "is", null)
    .execute();
}

async function allFeeds(ownerId: string) {
  return db().selectFrom("calendar_feed").selectAll().where("owner_id", "=", ownerId).execute();
}

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("the calendars page", () => {
  it("sends visitors to sign in", async () => {
    const result = (await call(calendarLoader, "/calendar")) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=%2Fcalendar/);
  });

  it("offers a founder their own calendar, their team's and the rooms they may book, but not the centre's", async () => {
    const { team, founder } = await createTeamWithFounder();
    const room = await createResource("meeting_room", { audience: "members" });
    const staffRoom = await createResource("meeting_room", { audience: "staff" });
    const desk = await createResource("hot_desk", { audience: "everyone" });
    const shown = await page(founder.cookie);
    expect(shown.staff).toBe(false);
    expect(shown.person).toBeNull();
    expect(shown.centre).toBeNull();
    expect(shown.teams).toEqual([{ id: team.id, name: team.name, feed: null }]);
    const ids = shown.resources.map((r) => r.id);
    expect(ids).toContain(room.id);
    expect(ids).not.toContain(staffRoom.id);
    expect(ids).not.toContain(desk.id);
  });

  it("offers staff the centre's calendar and every space's", async () => {
    const staff = await createUser("staff");
    const staffRoom = await createResource("meeting_room", { audience: "staff" });
    const desk = await createResource("hot_desk");
    const shown = await page(staff.cookie);
    expect(shown.staff).toBe(true);
    expect(shown.teams).toEqual([]);
    expect(shown.resources.map((r) => r.id)).toEqual(expect.arrayContaining([staffRoom.id, desk.id]));
  });
});

describe("making a feed link", () => {
  it("gives a person their feed once, with an https and a webcal link that carry a 256-bit token", async () => {
    const { user, cookie } = await createUser("founder");
    const made = await post(cookie, { intent: "create", kind: "person" });
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toBe("/calendar?notice=created#calendar-person");
    const [feed] = await liveFeeds(user.id);
    expect(feed).toMatchObject({ kind: "person", team_id: null, resource_id: null });
    expect(feed!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const shown = await page(cookie);
    expect(shown.person).toEqual({
      id: feed!.id,
      https: `http://localhost:3000/calendar/${feed!.token}.ics`,
      webcal: `webcal://localhost:3000/calendar/${feed!.token}.ics`,
    });

    // A second click (another tab) keeps the first link working.
    expect((await post(cookie, { intent: "create", kind: "person" })).status).toBe(302);
    expect((await liveFeeds(user.id)).map((f) => f.token)).toEqual([feed!.token]);
  });

  it("gives a team member the team's feed, and refuses a team they are not in", async () => {
    const { team, founder } = await createTeamWithFounder();
    const other = await createTeamWithFounder();
    const made = await post(founder.cookie, { intent: "create", kind: "team", teamId: team.id });
    expect(made.headers.get("Location")).toBe(`/calendar?notice=created#calendar-team-${team.id}`);
    expect((await page(founder.cookie)).teams[0]?.feed?.https).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    expect((await post(founder.cookie, { intent: "create", kind: "team", teamId: other.team.id })).status).toBe(403);
    expect((await post(founder.cookie, { intent: "create", kind: "team", teamId: UNKNOWN })).status).toBe(404);
    expect((await liveFeeds(founder.user.id)).map((f) => f.team_id)).toEqual([team.id]);
  });

  it("refuses the centre's feed and other rooms' feeds to a founder, and gives a room they may book", async () => {
    const { user, cookie } = await createUser("founder");
    const room = await createResource("meeting_room", { audience: "members" });
    const staffRoom = await createResource("meeting_room", { audience: "staff" });
    const teamsRoom = await createResource("meeting_room", { audience: "incubated_teams" });
    const desk = await createResource("hot_desk", { audience: "everyone" });
    expect((await post(cookie, { intent: "create", kind: "centre" })).status).toBe(403);
    for (const refused of [staffRoom, teamsRoom, desk]) {
      expect((await post(cookie, { intent: "create", kind: "resource", resourceId: refused.id })).status).toBe(403);
    }
    expect((await post(cookie, { intent: "create", kind: "resource", resourceId: UNKNOWN })).status).toBe(404);
    expect((await post(cookie, { intent: "create", kind: "resource", resourceId: room.id })).status).toBe(302);
    expect((await liveFeeds(user.id)).map((f) => [f.kind, f.resource_id])).toEqual([["resource", room.id]]);
  });

  it("gives a mentor no team feed: mentors follow their sessions in their own calendar", async () => {
    const { assignment, mentor } = await createAssignment();
    const result = await post(mentor!.cookie, { intent: "create", kind: "team", teamId: assignment.team_id });
    expect(result.status).toBe(403);
  });

  it("gives staff the centre's feed, any space's and any team's", async () => {
    const staff = await createUser("staff");
    const { team } = await createTeamWithFounder();
    const desk = await createResource("hot_desk");
    const staffRoom = await createResource("meeting_room", { audience: "staff" });
    const forms: Record<string, string>[] = [
      { kind: "centre" },
      { kind: "team", teamId: team.id },
      { kind: "resource", resourceId: desk.id },
      { kind: "resource", resourceId: staffRoom.id },
    ];
    for (const form of forms) {
      expect((await post(staff.cookie, { intent: "create", ...form })).status).toBe(302);
    }
    expect((await liveFeeds(staff.user.id)).map((f) => f.kind).sort()).toEqual([
      "centre",
      "resource",
      "resource",
      "team",
    ]);
    const shown = await page(staff.cookie);
    expect(shown.centre?.webcal).toMatch(/^webcal:\/\//);
    expect(shown.resources.find((r) => r.id === desk.id)?.feed).not.toBeNull();
  });

  it("answers a malformed form with 400 and changes nothing", async () => {
    const { user, cookie } = await createUser("founder");
    const forms: Record<string, string>[] = [
      {},
      { intent: "create" },
      { intent: "create", kind: "everyone" },
      { intent: "create", kind: "team", teamId: "not-a-team" },
      { intent: "create", kind: "resource" },
      { intent: "regenerate", feedId: "1" },
      { intent: "revoke" },
      { intent: "delete", feedId: UNKNOWN },
    ];
    for (const form of forms) {
      const result = await call(calendarAction, "/calendar", { cookie, form });
      expect(statusOf(result), JSON.stringify(form)).toBe(400);
      expect(dataOf<{ error: string }>(result).error).toBe("calendar.error.invalid");
    }
    expect(await allFeeds(user.id)).toEqual([]);
  });

  it("sends visitors to sign in and makes nothing", async () => {
    const result = await post(null, { intent: "create", kind: "person" });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("a new link and revoking", () => {
  it("replaces the link: the old token is revoked at once, the new one is shown", async () => {
    const { user, cookie } = await createUser("founder");
    await post(cookie, { intent: "create", kind: "person" });
    const [old] = await liveFeeds(user.id);
    const made = await post(cookie, { intent: "regenerate", feedId: old!.id });
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toBe("/calendar?notice=regenerated#calendar-person");
    const live = await liveFeeds(user.id);
    expect(live).toHaveLength(1);
    expect(live[0]!.token).not.toBe(old!.token);
    const revoked = (await allFeeds(user.id)).find((f) => f.id === old!.id);
    expect(revoked?.revoked_at).toBeInstanceOf(Date);
    expect((await page(cookie)).person?.https).toContain(live[0]!.token);
    // The feed itself: the old link is refused at once, the new one answers.
    const fetchFeed = async (token: string) =>
      statusOf(await call(feedLoader, `/calendar/${token}.ics`, { params: { token: `${token}.ics` } }));
    expect(await fetchFeed(old!.token)).toBe(404);
    expect(await fetchFeed(live[0]!.token)).toBe(200);
    // The old link's row cannot be replaced twice.
    expect((await post(cookie, { intent: "regenerate", feedId: old!.id })).status).toBe(404);
  });

  it("revokes a link, after which the page offers to make one again", async () => {
    const { user, cookie } = await createUser("founder");
    await post(cookie, { intent: "create", kind: "person" });
    const [feed] = await liveFeeds(user.id);
    const revoked = await post(cookie, { intent: "revoke", feedId: feed!.id });
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe("/calendar?notice=revoked");
    expect(await liveFeeds(user.id)).toEqual([]);
    expect((await page(cookie)).person).toBeNull();
    expect((await post(cookie, { intent: "revoke", feedId: feed!.id })).status).toBe(404);
  });

  it("lets nobody but the owner replace or revoke a link, staff included", async () => {
    const owner = await createUser("founder");
    const staff = await createUser("staff");
    await post(owner.cookie, { intent: "create", kind: "person" });
    const [feed] = await liveFeeds(owner.user.id);
    for (const intent of ["regenerate", "revoke"]) {
      expect((await post(staff.cookie, { intent, feedId: feed!.id })).status).toBe(404);
    }
    expect((await liveFeeds(owner.user.id)).map((f) => f.token)).toEqual([feed!.token]);
  });

  it("refuses a new link for a team the person has left, and leaves the old row as it was", async () => {
    const { team, founder } = await createTeamWithFounder();
    await post(founder.cookie, { intent: "create", kind: "team", teamId: team.id });
    const [feed] = await liveFeeds(founder.user.id);
    await db()
      .deleteFrom("team_member")
      .where("team_id", "=", team.id)
      .where("user_id", "=", founder.user.id)
      .execute();
    expect((await post(founder.cookie, { intent: "regenerate", feedId: feed!.id })).status).toBe(403);
    expect((await liveFeeds(founder.user.id)).map((f) => f.token)).toEqual([feed!.token]);
    // Revoking is always the owner's to do.
    expect((await post(founder.cookie, { intent: "revoke", feedId: feed!.id })).status).toBe(302);
  });
});

async function createBooking(userId: string, starts: string, ends: string) {
  const centre = await requireCurrentCentre();
  const room = await createResource("meeting_room");
  return db()
    .insertInto("booking")
    .values({
      centre_id: centre.id,
      resource_id: room.id,
      user_id: userId,
      booked_by: userId,
      status: "confirmed",
      starts_at: new Date(starts),
      ends_at: new Date(ends),
      title: "Họp nhóm về kế hoạch gọi vốn",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The one VEVENT of a downloaded calendar, read by ical.js with the file's own VTIMEZONE. */
function onlyEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const event = new ICAL.Event(events[0]!);
  return {
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: event.startDate.zone?.tzid,
  };
}

describe("downloading one booking or session", () => {
  it("gives the booking's owner an .ics attachment whose event starts and ends at the booked instants", async () => {
    const { user, cookie } = await createUser("founder");
    const booking = await createBooking(user.id, "2026-12-15T02:00:00Z", "2026-12-15T03:30:00Z");
    const path = `/bookings/${booking.id}/calendar.ics`;
    const response = (await call(bookingDownload, path, { cookie, params: { bookingId: booking.id } })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="booking-${booking.id}.ics"`);
    const event = onlyEvent(await response.text());
    expect(event).toMatchObject({
      uid: expect.stringMatching(new RegExp(`^booking-${booking.id}@`)),
      start: "2026-12-15T02:00:00.000Z",
      end: "2026-12-15T03:30:00.000Z",
      tzid: "Asia/Ho_Chi_Minh",
    });
    expect(event.summary).toContain("Họp nhóm về kế hoạch gọi vốn");
  });

  it("answers someone else's booking like a missing one, lets staff have it, and sends visitors to sign in", async () => {
    const owner = await createUser("founder");
    const other = await createUser("founder");
    const staff = await createUser("staff");
    const booking = await createBooking(owner.user.id, "2026-12-16T02:00:00Z", "2026-12-16T03:00:00Z");
    const path = `/bookings/${booking.id}/calendar.ics`;
    const params = { bookingId: booking.id };
    expect(statusOf(await call(bookingDownload, path, { cookie: other.cookie, params }))).toBe(404);
    expect(statusOf(await call(bookingDownload, path, { cookie: staff.cookie, params }))).toBe(200);
    const visitor = (await call(bookingDownload, path, { params })) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    const junk = { bookingId: "not-a-booking" };
    expect(
      statusOf(await call(bookingDownload, "/bookings/x/calendar.ics", { cookie: owner.cookie, params: junk })),
    ).toBe(404);
  });

  it("offers the download and a Google Calendar link on the booking's page", async () => {
    const { user, cookie } = await createUser("founder");
    const booking = await createBooking(user.id, "2026-12-17T07:00:00Z", "2026-12-17T08:00:00Z");
    const shown = dataOf<Awaited<ReturnType<typeof bookingPage>>>(
      await call(bookingPage, `/bookings/${booking.id}`, { cookie, params: { bookingId: booking.id } }),
    );
    expect(shown.calendar.download).toBe(`/bookings/${booking.id}/calendar.ics`);
    const google = new URL(shown.calendar.google);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("action")).toBe("TEMPLATE");
    expect(google.searchParams.get("dates")).toBe("20261217T070000Z/20261217T080000Z");
    expect(google.searchParams.get("ctz")).toBe("Asia/Ho_Chi_Minh");
    expect(google.searchParams.get("text")).toContain("Họp nhóm về kế hoạch gọi vốn");
    expect(google.searchParams.get("details")).toContain(`/bookings/${booking.id}`);
    const outlook = new URL(shown.calendar.outlook);
    expect(outlook.searchParams.get("startdt")).toBe("2026-12-17T07:00:00.000Z");
  });

  it("gives a session's file to its mentor and team, and 404 to anyone else", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const stranger = await createUser("founder");
    const session = await insertSession(assignment, {
      start: new Date("2026-12-18T03:00:00Z"),
      end: new Date("2026-12-18T04:00:00Z"),
    });
    const path = `/sessions/${session.id}/calendar.ics`;
    const params = { sessionId: session.id };
    for (const who of [mentor!, founder!]) {
      const response = (await call(sessionDownload, path, { cookie: who.cookie, params })) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="session-${session.id}.ics"`);
      expect(onlyEvent(await response.text())).toMatchObject({
        uid: expect.stringMatching(new RegExp(`^session-${session.id}@`)),
        start: "2026-12-18T03:00:00.000Z",
        end: "2026-12-18T04:00:00.000Z",
      });
    }
    expect(statusOf(await call(sessionDownload, path, { cookie: stranger.cookie, params }))).toBe(404);
    expect(statusOf(await call(sessionDownload, path, { params }))).toBe(302);

    const shown = dataOf<Awaited<ReturnType<typeof sessionPage>>>(
      await call(sessionPage, `/sessions/${session.id}`, { cookie: founder!.cookie, params }),
    );
    expect(shown.calendar.download).toBe(path);
    expect(new URL(shown.calendar.google).searchParams.get("dates")).toBe("20261218T030000Z/20261218T040000Z");
  });
});
