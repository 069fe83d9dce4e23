import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { BookingStatus, DayPart, ResourceKind } from "#db/schema";
import {
  occupancyByMonth,
  occupancyByResource,
  occupancyHeatmap,
  pastBookingCounts,
} from "~/features/occupancy/queries.server";
import { readPeriod, readToday } from "~/features/occupancy/read-occupancy.server";
import { periodInstants } from "~/features/occupancy/rules";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

const ZONE = "Asia/Ho_Chi_Minh";
/** Monday 01/06/2026 to Sunday 07/06/2026. */
const WEEK = { from: "2026-06-01", to: "2026-06-07" };
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();

// A centre of its own whose answers are worked out by hand: open Monday–Friday 08:00–12:00
// and Saturday 08:30–10:00, one hot desk and one meeting room active (plus a retired room),
// closed all of Friday 05/06 (a centre-wide closure).
let centreId: number;
let desk: string;
let room: string;
let retired: string;
let userId: string;

async function book(
  resourceId: string,
  from: string,
  to: string,
  status: BookingStatus,
  extra: { purpose?: "booking" | "block"; dayPart?: DayPart } = {},
) {
  await db()
    .insertInto("booking")
    .values({
      centre_id: centreId,
      resource_id: resourceId,
      user_id: userId,
      purpose: extra.purpose ?? "booking",
      status,
      day_part: extra.dayPart ?? null,
      starts_at: at(from),
      ends_at: at(to),
    })
    .execute();
}

beforeAll(async () => {
  const slug = `occ-${randomUUID().slice(0, 8)}`;
  const centre = await db()
    .insertInto("centre")
    .values({
      slug,
      name_vi: "Trung tâm đo công suất",
      name_en: "Occupancy centre",
      short_name_vi: "TT",
      short_name_en: "TT",
      legal_name: "TT",
      address_vi: "Sơn La",
      address_en: "Sơn La",
      time_zone: ZONE,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  centreId = centre.id;
  await db()
    .insertInto("opening_hours")
    .values([
      ...[1, 2, 3, 4, 5].map((weekday) => ({ centre_id: centreId, weekday, opens_at: "08:00", closes_at: "12:00" })),
      { centre_id: centreId, weekday: 6, opens_at: "08:30", closes_at: "10:00" },
    ])
    .execute();
  const floor = await db()
    .insertInto("floor")
    .values({ centre_id: centreId, code: "T1", name_vi: "Tầng 1", name_en: "Floor 1" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const resource = async (code: string, kind: ResourceKind, isActive = true) =>
    (
      await db()
        .insertInto("resource")
        .values({
          centre_id: centreId,
          floor_id: floor.id,
          code,
          kind,
          name_vi: code,
          name_en: code,
          capacity: 1,
          price_hour_vnd: 0,
          plan_x: 0,
          plan_y: 0,
          plan_width: 10,
          plan_height: 10,
          is_active: isActive,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  desk = await resource("D1", "hot_desk");
  room = await resource("R1", "meeting_room");
  retired = await resource("R9", "meeting_room", false);
  userId = (
    await db()
      .insertInto("app_user")
      .values({ centre_id: centreId, email: `${slug}@test.example`, name: "Nguyễn Văn Đến", role: "founder" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db()
    .insertInto("closure")
    .values({
      centre_id: centreId,
      kind: "holiday",
      reason_vi: "Nghỉ",
      reason_en: "Closed",
      starts_at: at("2026-06-05T00:00"),
      ends_at: at("2026-06-06T00:00"),
    })
    .execute();

  await book(desk, "2026-06-01T08:00", "2026-06-01T12:00", "checked_in", { dayPart: "day" });
  await book(room, "2026-06-01T09:00", "2026-06-01T10:30", "confirmed");
  await book(room, "2026-06-02T08:00", "2026-06-02T09:00", "no_show");
  await book(room, "2026-06-03T10:00", "2026-06-03T11:00", "cancelled");
  await book(desk, "2026-06-03T08:00", "2026-06-03T12:00", "confirmed", { purpose: "block" });
  await book(desk, "2026-06-04T08:00", "2026-06-04T10:00", "confirmed", { dayPart: "morning" });
  await book(room, "2026-06-06T08:30", "2026-06-06T09:30", "checked_in");
  await book(retired, "2026-06-01T08:00", "2026-06-01T09:00", "confirmed");
  // The Friday before the week, open that day: counts only in a period that covers it.
  await book(desk, "2026-05-29T08:00", "2026-05-29T12:00", "confirmed", { dayPart: "day" });
});

describe("the occupancy heatmap", () => {
  it("gives each open weekday × hour the share of resource-hours booked", async () => {
    const cells = await occupancyHeatmap(db(), centreId, WEEK);
    const shares = Object.fromEntries(cells.map((c) => [`${c.weekday}-${c.hour}`, c.share]));
    expect(shares).toEqual({
      // Monday: the desk all morning; the room 09:00–10:30.
      "1-8": 0.5,
      "1-9": 1,
      "1-10": 0.75,
      "1-11": 0.5,
      // Tuesday: a no-show still held the room.
      "2-8": 0.5,
      "2-9": 0,
      "2-10": 0,
      "2-11": 0,
      // Wednesday: a cancelled booking and a staff block are not use.
      "3-8": 0,
      "3-9": 0,
      "3-10": 0,
      "3-11": 0,
      "4-8": 0.5,
      "4-9": 0.5,
      "4-10": 0,
      "4-11": 0,
      // Saturday opens at 08:30: the 8 o'clock cell has half an hour for each of two resources.
      "6-8": 0.5,
      "6-9": 0.25,
      // Friday is closed all day and Sunday never opens: no cells.
    });
    const monday9 = cells.find((c) => c.weekday === 6 && c.hour === 8)!;
    expect(monday9).toMatchObject({ capacityMinutes: 60, bookedMinutes: 30 });
  });

  it("counts a weekday once for every time it falls in the period", async () => {
    const cells = await occupancyHeatmap(db(), centreId, { from: "2026-05-25", to: "2026-06-07" });
    // Two Fridays: 29/05 open (the desk all morning), 05/06 closed.
    expect(cells.find((c) => c.weekday === 5 && c.hour === 8)).toMatchObject({
      capacityMinutes: 120,
      bookedMinutes: 60,
      share: 0.5,
    });
    // Two Mondays: only 01/06 was used.
    expect(cells.find((c) => c.weekday === 1 && c.hour === 9)).toMatchObject({ capacityMinutes: 240, share: 0.5 });
  });
});

describe("use per resource, per kind and per month", () => {
  it("counts desk-days, room hours and the share of opening hours booked", async () => {
    const rows = await occupancyByResource(db(), centreId, WEEK);
    expect(rows.map((r) => r.code)).toEqual(["D1", "R1"]);
    // Opening minutes of the week: 4 × 240 (Monday–Thursday) + 90 (Saturday) = 1050.
    expect(rows[0]).toMatchObject({ bookings: 2, deskDays: 1.5, hours: 0, bookedMinutes: 360, capacityMinutes: 1050 });
    expect(rows[1]).toMatchObject({ bookings: 3, deskDays: 0, hours: 3.5, bookedMinutes: 210, capacityMinutes: 1050 });
    expect(rows[1]!.share).toBeCloseTo(0.2, 10);
  });

  it("sums kinds and finds the busiest and emptiest hours", async () => {
    const figures = await readPeriod(db(), { centreId, zone: ZONE, period: WEEK, now: at("2026-06-10T09:00") });
    expect(figures.kinds).toEqual([
      { kind: "hot_desk", resources: 1, bookings: 2, deskDays: 1.5, hours: 0, share: 360 / 1050 },
      { kind: "meeting_room", resources: 1, bookings: 3, deskDays: 0, hours: 3.5, share: 0.2 },
    ]);
    expect(figures.busiest[0]).toMatchObject({ weekday: 1, hour: 9, share: 1 });
    expect(figures.busiest[1]).toMatchObject({ weekday: 1, hour: 10, share: 0.75 });
    expect(figures.emptiest[0]).toMatchObject({ weekday: 2, hour: 9, share: 0 });
  });

  it("gives the trend month by month", async () => {
    const months = await occupancyByMonth(db(), centreId, { from: "2026-05-25", to: "2026-06-07" });
    expect(months).toEqual([
      // May: Monday–Friday 25–29 (5 × 240) + Saturday 30 (90), two resources; the Friday desk.
      { month: "2026-05", capacityMinutes: 2 * (5 * 240 + 90), bookedMinutes: 240, share: 240 / 2580 },
      { month: "2026-06", capacityMinutes: 2 * 1050, bookedMinutes: 570, share: 570 / 2100 },
    ]);
  });

  it("gives the no-show rate of bookings already over", async () => {
    const counts = await pastBookingCounts(db(), centreId, periodInstants(WEEK, ZONE), at("2026-06-10T09:00"));
    expect(counts).toEqual({ confirmed: 2, checkedIn: 2, noShow: 1 });
    const figures = await readPeriod(db(), { centreId, zone: ZONE, period: WEEK, now: at("2026-06-10T09:00") });
    expect(figures.noShow.rate).toBe(0.2);
    // On Tuesday morning only Monday's bookings are over.
    const early = await pastBookingCounts(db(), centreId, periodInstants(WEEK, ZONE), at("2026-06-02T07:00"));
    expect(early).toEqual({ confirmed: 1, checkedIn: 1, noShow: 0 });
  });
});

describe("today", () => {
  it("shows desks booked and checked in now, rooms in use and next, and who is expected", async () => {
    const today = await readToday(db(), { centreId, zone: ZONE, now: at("2026-06-01T09:15") });
    expect(today.today).toBe("2026-06-01");
    expect(today.total).toEqual({ desks: 1, booked: 1, checkedIn: 1, blocked: 0, free: 0 });
    const r1 = today.rooms.find((r) => r.code === "R1")!;
    expect(r1.state).toBe("in_use");
    expect(r1.until).toEqual(at("2026-06-01T10:30"));
    // The no-show on Tuesday gave the room back: the next booking is Saturday's.
    expect(r1.next).toEqual(at("2026-06-06T08:30"));
    expect(today.rooms.map((r) => r.code)).toEqual(["R1"]);
    // A person booked on a since-retired room is still expected.
    expect(today.people.map((p) => p.resource_code)).toEqual(["D1", "R9", "R1"]);
    expect(today.people[0]).toMatchObject({ person: "Nguyễn Văn Đến", status: "checked_in" });
  });

  it("counts a blocked desk as neither booked nor free", async () => {
    const today = await readToday(db(), { centreId, zone: ZONE, now: at("2026-06-03T09:00") });
    expect(today.total).toEqual({ desks: 1, booked: 0, checkedIn: 0, blocked: 1, free: 0 });
    expect(today.rooms[0]).toMatchObject({ code: "R1", state: "free" });
    expect(today.people).toEqual([]);
  });
});
