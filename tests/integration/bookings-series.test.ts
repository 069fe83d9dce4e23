import { describe, expect, it } from "vitest";
import { bookResource } from "~/features/bookings/book-resource.server";
import { action as listAction } from "~/routes/bookings._index";
import { action as newAction } from "~/routes/bookings.new";
import { db } from "~/utils/database.server";
import { countBookings, createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type SeriesRefused = {
  refusal: { code: string };
  occurrences: Array<{ date: string; ok: boolean; code?: string }> | null;
};

describe("weekly repeats", () => {
  it("lists conflicts per occurrence, books only the free ones on request, and cancels the rest", async () => {
    // A free room: these bookings are confirmed at once (one that costs money is held, decision 015).
    const room = await createResource("meeting_room", { capacity: 6, price_hour_vnd: 0 });
    const { cookie, user } = await createUser("mentor");
    const other = await createUser("founder");
    const monday = await openWeek();
    // Someone already holds the room on the second Tuesday.
    const taken = await bookResource(db(), other.user, {
      resourceId: room.id,
      date: iso(monday.plus({ days: 8 })),
      start: "09:00",
      minutes: 60,
      people: 2,
    });
    expect(taken.ok).toBe(true);

    const form = {
      resource: room.id,
      date: iso(monday.plus({ days: 1 })),
      start: "09:00",
      minutes: "60",
      people: "3",
      weekday: ["2"],
      occurrences: "3",
    };
    const refused = await call(newAction, "/bookings/new", { cookie, form });
    expect(statusOf(refused)).toBe(409);
    const body = dataOf<SeriesRefused>(refused);
    expect(body.refusal.code).toBe("series_conflicts");
    expect(body.occurrences).toEqual([
      { date: iso(monday.plus({ days: 1 })), ok: true },
      { date: iso(monday.plus({ days: 8 })), ok: false, code: "taken" },
      { date: iso(monday.plus({ days: 15 })), ok: true },
    ]);
    expect(await countBookings(room.id)).toBe(1);

    const booked = (await call(newAction, "/bookings/new", { cookie, form: { ...form, bookFree: "on" } })) as Response;
    expect(booked.headers.get("Location")).toBe("/bookings?notice=seriesBooked&count=2");
    const mine = await db()
      .selectFrom("booking")
      .select(["id", "series_id", "starts_at"])
      .where("user_id", "=", user.id)
      .orderBy("starts_at")
      .execute();
    expect(mine).toHaveLength(2);
    expect(mine[0]!.series_id).not.toBeNull();
    expect(mine[1]!.series_id).toBe(mine[0]!.series_id);

    const cancelled = (await call(listAction, "/bookings", {
      cookie,
      form: { intent: "cancelSeries", bookingId: mine[0]!.id },
    })) as Response;
    expect(cancelled.headers.get("Location")).toBe("/bookings?notice=seriesCancelled&count=2");
    expect(await countBookings(room.id, ["confirmed"])).toBe(1);
  });

  it("refuses a repeat without an end and books nothing", async () => {
    const desk = await createResource("hot_desk");
    const { cookie } = await createUser("founder");
    const form = { resource: desk.id, date: iso(await openWeek()), part: "morning", weekday: ["1"] };
    const result = await call(newAction, "/bookings/new", { cookie, form });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<SeriesRefused>(result).refusal.code).toBe("invalid_series");
    expect(await countBookings(desk.id)).toBe(0);
  });
});
