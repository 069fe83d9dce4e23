import { describe, expect, it } from "vitest";
import {
  checkAudience,
  checkBookingWindow,
  checkCancel,
  checkCapacity,
  checkCheckIn,
  checkClosures,
  checkLength,
  checkQuota,
  DEFAULT_POLICY,
  deskDays,
  deskPeriod,
  isoWeek,
  overlaps,
  priceOf,
  roomPeriod,
  seriesDates,
  type OpeningDay,
  type Period,
} from "~/features/bookings/rules";

const ZONE = "Asia/Ho_Chi_Minh";
const HOURS: OpeningDay[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "07:30:00", closesAt: "17:00:00" })),
  { weekday: 6, opensAt: "08:00", closesAt: "12:00" },
];
const at = (iso: string) => new Date(iso);
const period = (a: string, b: string): Period => ({ start: at(a), end: at(b) });

describe("overlaps (half-open)", () => {
  const base = period("2026-12-01T03:00:00Z", "2026-12-01T05:00:00Z");
  it("touching boundaries do not overlap, either side", () => {
    expect(overlaps(base, period("2026-12-01T05:00:00Z", "2026-12-01T06:00:00Z"))).toBe(false);
    expect(overlaps(base, period("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z"))).toBe(false);
  });
  it("containment both ways and partial overlaps collide", () => {
    expect(overlaps(base, period("2026-12-01T03:30:00Z", "2026-12-01T04:00:00Z"))).toBe(true);
    expect(overlaps(period("2026-12-01T03:30:00Z", "2026-12-01T04:00:00Z"), base)).toBe(true);
    expect(overlaps(base, period("2026-12-01T02:00:00Z", "2026-12-01T07:00:00Z"))).toBe(true);
    expect(overlaps(base, period("2026-12-01T04:59:00Z", "2026-12-01T06:00:00Z"))).toBe(true);
    expect(overlaps(base, base)).toBe(true);
  });
  it("across midnight", () => {
    const late = period("2026-12-01T16:00:00Z", "2026-12-01T18:00:00Z"); // 23:00–01:00 local
    expect(overlaps(late, period("2026-12-01T17:00:00Z", "2026-12-01T17:30:00Z"))).toBe(true);
    expect(overlaps(late, period("2026-12-01T18:00:00Z", "2026-12-01T19:00:00Z"))).toBe(false);
  });
});

describe("desk day parts from opening hours and midday", () => {
  it("morning, afternoon and day in the centre's zone (UTC+7)", () => {
    // 2026-12-01 is a Tuesday.
    expect(deskPeriod("2026-12-01", "morning", HOURS, DEFAULT_POLICY, ZONE)).toEqual({
      ok: true,
      value: period("2026-12-01T00:30:00Z", "2026-12-01T05:00:00Z"),
    });
    expect(deskPeriod("2026-12-01", "afternoon", HOURS, DEFAULT_POLICY, ZONE)).toEqual({
      ok: true,
      value: period("2026-12-01T05:00:00Z", "2026-12-01T10:00:00Z"),
    });
    expect(deskPeriod("2026-12-01", "day", HOURS, DEFAULT_POLICY, ZONE)).toEqual({
      ok: true,
      value: period("2026-12-01T00:30:00Z", "2026-12-01T10:00:00Z"),
    });
  });
  it("morning and afternoon touch at midday and do not overlap", () => {
    const m = deskPeriod("2026-12-01", "morning", HOURS, { ...DEFAULT_POLICY, midday: "12:30:00" }, ZONE);
    const a = deskPeriod("2026-12-01", "afternoon", HOURS, { ...DEFAULT_POLICY, midday: "12:30:00" }, ZONE);
    expect(m.ok && a.ok && overlaps(m.value, a.value)).toBe(false);
    expect(m.ok && m.value.end.toISOString()).toBe("2026-12-01T05:30:00.000Z");
  });
  it("Saturday has no afternoon; Sunday is closed", () => {
    expect(deskPeriod("2026-12-05", "morning", HOURS, DEFAULT_POLICY, ZONE).ok).toBe(true);
    expect(deskPeriod("2026-12-05", "afternoon", HOURS, DEFAULT_POLICY, ZONE)).toEqual({
      ok: false,
      code: "outside_hours",
    });
    expect(deskPeriod("2026-12-06", "day", HOURS, DEFAULT_POLICY, ZONE)).toEqual({ ok: false, code: "closed_day" });
  });
  it("refuses impossible dates and parts", () => {
    expect(deskPeriod("2026-02-30", "day", HOURS, DEFAULT_POLICY, ZONE)).toEqual({ ok: false, code: "invalid_date" });
    expect(deskPeriod("01/12/2026", "day", HOURS, DEFAULT_POLICY, ZONE)).toEqual({ ok: false, code: "invalid_date" });
    expect(deskPeriod("2026-12-01", "evening", HOURS, DEFAULT_POLICY, ZONE)).toEqual({
      ok: false,
      code: "invalid_part",
    });
  });
  it("the same local date means a different instant in another zone", () => {
    const ny = deskPeriod("2026-12-01", "morning", HOURS, DEFAULT_POLICY, "America/New_York");
    expect(ny.ok && ny.value.start.toISOString()).toBe("2026-12-01T12:30:00.000Z");
  });
});

describe("room slots", () => {
  it("30-minute boundaries inside opening hours", () => {
    expect(roomPeriod("2026-12-01", "14:00", 120, HOURS, ZONE)).toEqual({
      ok: true,
      value: period("2026-12-01T07:00:00Z", "2026-12-01T09:00:00Z"),
    });
    expect(roomPeriod("2026-12-01", "07:30", 30, HOURS, ZONE).ok).toBe(true);
    expect(roomPeriod("2026-12-01", "16:30", 30, HOURS, ZONE).ok).toBe(true);
  });
  it("refuses off-slot, outside hours, malformed and closed days", () => {
    expect(roomPeriod("2026-12-01", "14:15", 60, HOURS, ZONE)).toEqual({ ok: false, code: "not_on_slot" });
    expect(roomPeriod("2026-12-01", "14:00", 45, HOURS, ZONE)).toEqual({ ok: false, code: "not_on_slot" });
    expect(roomPeriod("2026-12-01", "07:00", 60, HOURS, ZONE)).toEqual({ ok: false, code: "outside_hours" });
    expect(roomPeriod("2026-12-01", "16:30", 60, HOURS, ZONE)).toEqual({ ok: false, code: "outside_hours" });
    expect(roomPeriod("2026-12-01", "25:00", 60, HOURS, ZONE)).toEqual({ ok: false, code: "invalid_time" });
    expect(roomPeriod("2026-12-01", "14:00", 0, HOURS, ZONE)).toEqual({ ok: false, code: "invalid_minutes" });
    expect(roomPeriod("2026-12-01", "14:00", -60, HOURS, ZONE)).toEqual({ ok: false, code: "invalid_minutes" });
    expect(roomPeriod("2026-12-06", "09:00", 60, HOURS, ZONE)).toEqual({ ok: false, code: "closed_day" });
  });
});

describe("booking window and length", () => {
  const now = at("2026-12-01T08:00:00Z"); // 15:00 local, Tuesday
  it("refuses the past, including a period already started", () => {
    expect(
      checkBookingWindow(period("2026-12-01T07:30:00Z", "2026-12-01T09:00:00Z"), now, DEFAULT_POLICY, ZONE),
    ).toEqual({ ok: false, code: "in_past" });
    expect(
      checkBookingWindow(period("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z"), now, DEFAULT_POLICY, ZONE).ok,
    ).toBe(true);
  });
  it("counts max_days_ahead in local days, across midnight", () => {
    const policy = { ...DEFAULT_POLICY, maxDaysAhead: 1 };
    // 23:30 local on 02/12 is still within one day of 01/12 local.
    expect(checkBookingWindow(period("2026-12-02T16:30:00Z", "2026-12-02T17:00:00Z"), now, policy, ZONE).ok).toBe(true);
    // 00:30 local on 03/12 (17:30 UTC on 02/12) is two local days ahead.
    expect(checkBookingWindow(period("2026-12-02T17:30:00Z", "2026-12-02T18:00:00Z"), now, policy, ZONE)).toEqual({
      ok: false,
      code: "too_far_ahead",
    });
  });
  it("longest booking for rooms and desks", () => {
    const p = period("2026-12-02T01:00:00Z", "2026-12-02T05:00:00Z");
    expect(checkLength("meeting_room", p, DEFAULT_POLICY).ok).toBe(true);
    expect(checkLength("meeting_room", p, { ...DEFAULT_POLICY, maxRoomMinutes: 210 })).toEqual({
      ok: false,
      code: "too_long",
    });
    expect(checkLength("hot_desk", p, DEFAULT_POLICY, 6)).toEqual({ ok: false, code: "too_long" });
    expect(checkLength("hot_desk", p, DEFAULT_POLICY, 5).ok).toBe(true);
  });
});

describe("capacity, closures, audience", () => {
  it("capacity against attendees", () => {
    expect(checkCapacity(6, 6).ok).toBe(true);
    expect(checkCapacity(7, 6)).toEqual({ ok: false, code: "over_capacity" });
    expect(checkCapacity(0, 6)).toEqual({ ok: false, code: "over_capacity" });
  });
  it("closures of the whole centre or this resource, touching ends allowed", () => {
    const p = period("2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z");
    const other = { resourceId: "other", startsAt: at("2026-12-01T00:00:00Z"), endsAt: at("2026-12-02T00:00:00Z") };
    const mine = { ...other, resourceId: "r1" };
    const centre = { ...other, resourceId: null };
    const touching = { resourceId: null, startsAt: at("2026-12-01T02:00:00Z"), endsAt: at("2026-12-01T03:00:00Z") };
    expect(checkClosures(p, "r1", [other, touching]).ok).toBe(true);
    expect(checkClosures(p, "r1", [mine])).toEqual({ ok: false, code: "closed" });
    expect(checkClosures(p, "r1", [centre])).toEqual({ ok: false, code: "closed" });
  });
  it("who may book", () => {
    const founder = { role: "founder" as const, inIncubatingTeam: false };
    const incubated = { role: "founder" as const, inIncubatingTeam: true };
    const mentor = { role: "mentor" as const, inIncubatingTeam: false };
    const staff = { role: "staff" as const, inIncubatingTeam: false };
    expect(checkAudience("everyone", founder).ok).toBe(true);
    expect(checkAudience("members", mentor).ok).toBe(true);
    expect(checkAudience("incubated_teams", founder)).toEqual({ ok: false, code: "not_allowed" });
    expect(checkAudience("incubated_teams", incubated).ok).toBe(true);
    expect(checkAudience("incubated_teams", mentor).ok).toBe(false);
    expect(checkAudience("incubated_teams", staff).ok).toBe(true);
    expect(checkAudience("staff", incubated).ok).toBe(false);
    expect(checkAudience("staff", { role: "admin", inIncubatingTeam: false }).ok).toBe(true);
  });
});

describe("weekly quota", () => {
  it("counts half days as 0.5, per person and per team", () => {
    expect(deskDays("morning")).toBe(0.5);
    expect(deskDays("day")).toBe(1);
    expect(checkQuota({ person: 2.5, team: null, adding: 0.5 }, DEFAULT_POLICY).ok).toBe(true);
    expect(checkQuota({ person: 2.5, team: null, adding: 1 }, DEFAULT_POLICY)).toEqual({
      ok: false,
      code: "quota_person",
    });
    expect(checkQuota({ person: 0, team: 9.5, adding: 1 }, DEFAULT_POLICY)).toEqual({ ok: false, code: "quota_team" });
  });
  it("the ISO week is Monday to Monday in the centre's zone", () => {
    // Sunday 06/12 23:30 local is 16:30 UTC: still the week of Monday 30/11.
    expect(isoWeek(at("2026-12-06T16:30:00Z"), ZONE)).toEqual(period("2026-11-29T17:00:00Z", "2026-12-06T17:00:00Z"));
    // Monday 07/12 00:30 local is 17:30 UTC on Sunday: the next week.
    expect(isoWeek(at("2026-12-06T17:30:00Z"), ZONE).start.toISOString()).toBe("2026-12-06T17:00:00.000Z");
  });
});

describe("cancel deadline and check-in window", () => {
  const start = at("2026-12-01T02:00:00Z");
  it("cancel until the deadline; staff any time", () => {
    expect(checkCancel(start, at("2026-12-01T01:00:00Z"), DEFAULT_POLICY, false).ok).toBe(true);
    expect(checkCancel(start, at("2026-12-01T01:01:00Z"), DEFAULT_POLICY, false)).toEqual({
      ok: false,
      code: "cancel_too_late",
    });
    expect(checkCancel(start, at("2026-12-01T03:00:00Z"), DEFAULT_POLICY, true).ok).toBe(true);
  });
  it("check in from 15 minutes before to 30 minutes after the start", () => {
    expect(checkCheckIn(start, at("2026-12-01T01:44:00Z"), DEFAULT_POLICY)).toEqual({
      ok: false,
      code: "check_in_too_early",
    });
    expect(checkCheckIn(start, at("2026-12-01T01:45:00Z"), DEFAULT_POLICY).ok).toBe(true);
    expect(checkCheckIn(start, at("2026-12-01T02:30:00Z"), DEFAULT_POLICY).ok).toBe(true);
    expect(checkCheckIn(start, at("2026-12-01T02:31:00Z"), DEFAULT_POLICY)).toEqual({
      ok: false,
      code: "check_in_too_late",
    });
  });
});

describe("prices", () => {
  const prices = { price_hour_vnd: 100_000, price_half_day_vnd: 0, price_day_vnd: null };
  it("by part or by minutes; null when not sold that way", () => {
    expect(priceOf(prices, { part: "morning" })).toBe(0);
    expect(priceOf(prices, { part: "day" })).toBeNull();
    expect(priceOf(prices, { minutes: 90 })).toBe(150_000);
  });
});

describe("weekly series", () => {
  it("lists the chosen weekdays from the first date, until a date or a number of times", () => {
    // 2026-12-01 is a Tuesday.
    expect(seriesDates("2026-12-01", [2, 4], { occurrences: 4 }, ZONE)).toEqual({
      ok: true,
      value: ["2026-12-01", "2026-12-03", "2026-12-08", "2026-12-10"],
    });
    expect(seriesDates("2026-12-01", [1], { until: "2026-12-14" }, ZONE)).toEqual({
      ok: true,
      value: ["2026-12-07", "2026-12-14"],
    });
  });
  it("refuses a series without weekdays, without an end, or ending before it starts", () => {
    expect(seriesDates("2026-12-01", [], { occurrences: 2 }, ZONE)).toEqual({ ok: false, code: "invalid_series" });
    expect(seriesDates("2026-12-01", [8], { occurrences: 2 }, ZONE)).toEqual({ ok: false, code: "invalid_series" });
    expect(seriesDates("2026-12-01", [2], {}, ZONE)).toEqual({ ok: false, code: "invalid_series" });
    expect(seriesDates("2026-12-01", [2], { until: "2026-11-01" }, ZONE)).toEqual({
      ok: false,
      code: "invalid_series",
    });
    expect(seriesDates("2026-12-01", [2], { occurrences: 100 }, ZONE)).toEqual({ ok: false, code: "invalid_series" });
    expect(seriesDates("2026-13-01", [2], { occurrences: 1 }, ZONE)).toEqual({ ok: false, code: "invalid_date" });
  });
});
