import { afterAll, describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as searchLoader } from "~/routes/spaces.search";
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

async function book(resourceId: string, userId: string, date: string, from: string, to: string) {
  const centre = await requireCurrentCentre();
  await db()
    .insertInto("booking")
    .values({
      centre_id: centre.id,
      resource_id: resourceId,
      user_id: userId,
      status: "confirmed",
      starts_at: at(date, from),
      ends_at: at(date, to),
    })
    .execute();
}

type Match = { id: string; date: string; start: string; price: number | null; amenities: string[] };
type Search = {
  errors: Record<string, string>;
  result: { matches: Match[]; alternatives: Match[] } | null;
};

async function search(cookie: string, query: string) {
  const result = await call(searchLoader, `/spaces/search?${query}`, { cookie });
  return { status: statusOf(result), body: dataOf<Search>(result) };
}

describe.each(["UTC", "America/New_York"])("with the server's TZ set to %s", (tz) => {
  it("finds rooms big enough and free for the whole interval, with their price", async () => {
    process.env.TZ = tz;
    const { cookie } = await createUser("founder");
    const { user: other } = await createUser("founder");
    const fits = await createResource("meeting_room", { capacity: 7, price_hour_vnd: 150_000 });
    const small = await createResource("meeting_room", { capacity: 4 });
    const busy = await createResource("meeting_room", { capacity: 8 });
    const touching = await createResource("meeting_room", { capacity: 8, price_hour_vnd: 0 });
    const desk = await createResource("hot_desk", { capacity: 10 });
    const date = iso((await openWeek()).plus({ days: 3 }));
    await book(busy.id, other.id, date, "15:00", "15:30");
    // Ends as ours starts: half-open ranges do not collide.
    await book(touching.id, other.id, date, "12:00", "14:00");

    const { status, body } = await search(cookie, `people=6&date=${date}&start=14:00&duration=120`);
    expect(status).toBe(200);
    const ids = body.result!.matches.map((m) => m.id);
    expect(ids).toContain(fits.id);
    expect(ids).toContain(touching.id);
    expect(ids).not.toContain(small.id);
    expect(ids).not.toContain(busy.id);
    expect(ids).not.toContain(desk.id);
    const match = body.result!.matches.find((m) => m.id === fits.id)!;
    expect(match).toMatchObject({ date, start: "14:00", price: 300_000 });
    expect(body.result!.matches.find((m) => m.id === touching.id)?.price).toBe(0);
  });
});

describe("when nothing fits", () => {
  it("offers the nearest other time that day, then the following days", async () => {
    const { cookie } = await createUser("founder");
    const { user: other } = await createUser("founder");
    const hall = await createResource("event_hall", { capacity: 150 });
    const date = iso((await openWeek()).plus({ days: 1 }));
    await book(hall.id, other.id, date, "14:00", "16:00");

    const { body } = await search(cookie, `people=150&date=${date}&start=14:00&duration=120`);
    expect(body.result!.matches).toEqual([]);
    const alternatives = body.result!.alternatives;
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives[0]).toMatchObject({ id: hall.id, date, start: "12:00" });
    // The following day at the same time is among them.
    expect(alternatives.some((a) => a.date !== date && a.start === "14:00")).toBe(true);
  });
});

describe("bad input", () => {
  it("answers 400 with a message beside each wrong field", async () => {
    const { cookie } = await createUser("founder");
    const { status, body } = await search(cookie, "people=0&date=2026-02-30&start=14:15&duration=45");
    expect(status).toBe(400);
    expect(body.errors).toMatchObject({
      people: "spaces.error.people",
      date: "spaces.error.date",
      start: "spaces.error.start",
      duration: "spaces.error.duration",
    });
    expect(body.result).toBeNull();
  });

  it("refuses a date in the past and shows the empty form without a search", async () => {
    const { cookie } = await createUser("mentor");
    const past = await search(cookie, "people=2&date=2020-01-06&start=09:00&duration=60");
    expect(past.status).toBe(400);
    expect(past.body.errors.date).toBe("spaces.error.past");
    const empty = await search(cookie, "");
    expect(empty.status).toBe(200);
    expect(empty.body.result).toBeNull();
  });
});
