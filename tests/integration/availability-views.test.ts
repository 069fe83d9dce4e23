import { afterAll, describe, expect, it } from "vitest";
import type { DayPart } from "#db/schema";
import { slotHref } from "~/features/availability/components/spaces-views";
import type { SpaceState } from "~/features/availability/rules";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as planLoader } from "~/routes/spaces._index";
import { loader as roomsLoader } from "~/routes/spaces.rooms";
import { db } from "~/utils/database.server";
import { createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

async function book(
  resourceId: string,
  userId: string,
  date: string,
  from: string,
  to: string,
  extra: { day_part?: DayPart; purpose?: "booking" | "block" } = {},
) {
  const centre = await requireCurrentCentre();
  await db()
    .insertInto("booking")
    .values({
      centre_id: centre.id,
      resource_id: resourceId,
      user_id: userId,
      booked_by: userId,
      status: "confirmed",
      starts_at: at(date, from),
      ends_at: at(date, to),
      ...extra,
    })
    .execute();
}

async function closeResource(resourceId: string | null, startsAt: Date, endsAt: Date) {
  const centre = await requireCurrentCentre();
  await db()
    .insertInto("closure")
    .values({
      centre_id: centre.id,
      resource_id: resourceId,
      kind: "maintenance",
      reason_vi: "Bảo trì",
      reason_en: "Maintenance",
      starts_at: startsAt,
      ends_at: endsAt,
    })
    .execute();
}

type Plan = {
  floor: { id: string } | null;
  closed: boolean;
  resources: Array<{ id: string; code: string; state: string; href: string | null }>;
  errors: Record<string, string>;
};
type Timeline = {
  closed: boolean;
  times: string[];
  rooms: Array<{ id: string; freeRanges: string[]; book: string | null; states: SpaceState[] }>;
};

/** The room timeline with each slot as the page shows it: its time, state and link (if any). */
async function timelineOf(cookie: string, date: string) {
  const timeline = dataOf<Timeline>(await call(roomsLoader, `/spaces/rooms?date=${date}`, { cookie }));
  const rooms = timeline.rooms.map((room) => ({
    ...room,
    slots: timeline.times.map((time, i) => ({
      time,
      state: room.states[i],
      href: slotHref(room.book, timeline.times, room.states, i),
    })),
  }));
  return { ...timeline, rooms };
}

async function planOf(cookie: string, query: string) {
  return dataOf<Plan>(await call(planLoader, `/spaces?${query}`, { cookie }));
}

describe.each(["UTC", "America/New_York"])("with the server's TZ set to %s", (tz) => {
  it("shows each desk as free, taken, mine or closed for the chosen half day", async () => {
    process.env.TZ = tz;
    const { user, cookie } = await createUser("founder");
    const { user: other } = await createUser("founder");
    const free = await createResource("hot_desk");
    const taken = await createResource("hot_desk");
    const mine = await createResource("hot_desk");
    const closed = await createResource("hot_desk");
    const date = iso((await openWeek()).plus({ days: 3 }));
    await book(taken.id, other.id, date, "07:30", "12:00", { day_part: "morning" });
    await book(mine.id, user.id, date, "12:00", "17:00", { day_part: "afternoon" });
    await closeResource(closed.id, at(date, "00:00"), at(date, "23:59"));

    const stateIn = (plan: Plan) => (id: string) => plan.resources.find((r) => r.id === id);
    const morning = await planOf(cookie, `date=${date}&part=morning&floor=${free.floor_id}`);
    expect(morning.floor?.id).toBe(free.floor_id);
    const m = stateIn(morning);
    expect(m(free.id)).toMatchObject({
      state: "free",
      href: `/bookings/new?resource=${free.id}&date=${date}&part=morning`,
    });
    expect(m(taken.id)).toMatchObject({ state: "taken", href: null });
    // My afternoon booking does not touch the morning.
    expect(m(mine.id)).toMatchObject({ state: "free" });
    expect(m(closed.id)).toMatchObject({ state: "closed", href: null });

    const a = stateIn(await planOf(cookie, `date=${date}&part=afternoon&floor=${free.floor_id}`));
    expect(a(taken.id)).toMatchObject({ state: "free" });
    expect(a(mine.id)).toMatchObject({ state: "mine", href: null });

    const d = stateIn(await planOf(cookie, `date=${date}&part=day&floor=${free.floor_id}`));
    expect(d(taken.id)?.state).toBe("taken");
    expect(d(mine.id)?.state).toBe("mine");

    // The other founder sees my booking as taken.
    const { cookie: otherCookie } = await createUser("founder");
    const seen = stateIn(await planOf(otherCookie, `date=${date}&part=afternoon&floor=${free.floor_id}`));
    expect(seen(mine.id)?.state).toBe("taken");
  });

  it("lays out a room's day on the timeline with its busy times and free slots", async () => {
    process.env.TZ = tz;
    const { user, cookie } = await createUser("founder");
    const { user: other } = await createUser("mentor");
    const room = await createResource("meeting_room", { capacity: 6 });
    const date = iso((await openWeek()).plus({ days: 1 }));
    await book(room.id, other.id, date, "09:00", "10:30");
    await book(room.id, user.id, date, "13:00", "14:00");

    const timeline = await timelineOf(cookie, date);
    expect(timeline.times[0]).toBe("07:30");
    expect(timeline.times.at(-1)).toBe("16:30");
    const row = timeline.rooms.find((r) => r.id === room.id)!;
    expect(row.freeRanges).toEqual(["07:30–09:00", "10:30–13:00", "14:00–17:00"]);
    const slot = (time: string) => row.slots.find((s) => s.time === time)!;
    expect(slot("08:00").href).toBe(`/bookings/new?resource=${room.id}&date=${date}&start=08:00&minutes=60&people=1`);
    // Only half an hour is left before the 09:00 booking.
    expect(slot("08:30").href).toContain("start=08:30&minutes=30");
    expect(slot("09:00")).toMatchObject({ state: "taken", href: null });
    expect(slot("10:00")).toMatchObject({ state: "taken", href: null });
    expect(slot("10:30").state).toBe("free");
    expect(slot("13:30")).toMatchObject({ state: "mine", href: null });
    // Desks are not on the room timeline.
    const desk = await createResource("hot_desk");
    const again = await timelineOf(cookie, date);
    expect(again.rooms.some((r) => r.id === desk.id)).toBe(false);
  });
});

describe("closed days and closures", () => {
  it("marks everything closed on a weekday the centre is closed and on a centre-wide closure", async () => {
    const { cookie } = await createUser("founder");
    const desk = await createResource("hot_desk");
    const room = await createResource("meeting_room");
    const monday = await openWeek();
    const sunday = iso(monday.plus({ days: 6 }));
    const plan = await planOf(cookie, `date=${sunday}&part=day&floor=${desk.floor_id}`);
    expect(plan.closed).toBe(true);
    expect(plan.resources.find((r) => r.id === desk.id)).toMatchObject({ state: "closed", href: null });
    const timeline = await timelineOf(cookie, sunday);
    expect(timeline.closed).toBe(true);

    // Saturday has a morning only: its afternoon is outside the opening hours.
    const saturday = iso(monday.plus({ days: 5 }));
    const afternoon = await planOf(cookie, `date=${saturday}&part=afternoon&floor=${desk.floor_id}`);
    expect(afternoon.resources.find((r) => r.id === desk.id)?.state).toBe("closed");

    const friday = iso(monday.plus({ weeks: 1, days: 4 }));
    await closeResource(null, at(friday, "12:00"), at(friday, "17:00"));
    const fridayMorning = await planOf(cookie, `date=${friday}&part=morning&floor=${desk.floor_id}`);
    expect(fridayMorning.resources.find((r) => r.id === desk.id)?.state).toBe("free");
    const fridayAfternoon = await planOf(cookie, `date=${friday}&part=afternoon&floor=${desk.floor_id}`);
    expect(fridayAfternoon.resources.find((r) => r.id === desk.id)?.state).toBe("closed");
    const fridayRooms = await timelineOf(cookie, friday);
    const row = fridayRooms.rooms.find((r) => r.id === room.id)!;
    expect(row.freeRanges).toEqual(["07:30–12:00"]);
    expect(row.slots.find((s) => s.time === "12:00")).toMatchObject({ state: "closed", href: null });
  });

  it("shows a staff block as closed and a fixed desk of another team as taken", async () => {
    const { user: staff } = await createUser("staff");
    const { cookie } = await createUser("founder");
    const blocked = await createResource("hot_desk");
    const fixed = await createResource("fixed_desk");
    const date = iso((await openWeek()).plus({ days: 2 }));
    await book(blocked.id, staff.id, date, "07:30", "17:00", { purpose: "block" });
    const centre = await requireCurrentCentre();
    const team = await db()
      .insertInto("team")
      .values({ centre_id: centre.id, name: `Nhóm bàn cố định ${fixed.code}`, incubation_starts_on: "2026-01-01" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("fixed_desk_assignment")
      .values({ resource_id: fixed.id, team_id: team.id, starts_on: "2026-01-01", ends_on: "2030-12-31" })
      .execute();
    const plan = await planOf(cookie, `date=${date}&part=day&floor=${blocked.floor_id}`);
    expect(plan.resources.find((r) => r.id === blocked.id)?.state).toBe("closed");
    expect(plan.resources.find((r) => r.id === fixed.id)?.state).toBe("taken");
  });
});

describe("access and bad input", () => {
  it("sends visitors to sign in", async () => {
    const response = (await call(planLoader, "/spaces")) as Response;
    expect(statusOf(response)).toBe(302);
    expect(response.headers.get("Location")).toContain("/sign-in");
  });

  it("answers an impossible date with 400 and a message beside the date", async () => {
    const { cookie } = await createUser("mentor");
    const plan = await call(planLoader, "/spaces?date=2026-02-30&part=day", { cookie });
    expect(statusOf(plan)).toBe(400);
    expect(dataOf<Plan>(plan).errors.date).toBe("spaces.error.date");
    const rooms = await call(roomsLoader, "/spaces/rooms?date=yesterday", { cookie });
    expect(statusOf(rooms)).toBe(400);
  });

  it("shows today's plan of the first floor by default", async () => {
    const { cookie } = await createUser("founder");
    const plan = await call(planLoader, "/spaces", { cookie });
    expect(statusOf(plan)).toBe(200);
    expect(dataOf<Plan>(plan).floor).not.toBeNull();
  });
});
