import { describe, expect, it } from "vitest";
import {
  defaultSupportPeriod,
  deskSupport,
  mentoringSupport,
  periodInstants,
  roomSupport,
  totalValue,
  trainingSupport,
  type UsedBooking,
} from "~/features/support/rules";

const desk = { kind: "hot_desk", price_hour_vnd: null, price_half_day_vnd: 50_000, price_day_vnd: 80_000 } as const;
const room = { kind: "meeting_room", price_hour_vnd: 100_000, price_half_day_vnd: null, price_day_vnd: null } as const;
const at = (iso: string) => new Date(iso);

describe("support from bookings", () => {
  const used: UsedBooking[] = [
    { ...desk, day_part: "day", starts_at: at("2026-03-02T00:30:00Z"), ends_at: at("2026-03-02T10:00:00Z") },
    { ...desk, day_part: "morning", starts_at: at("2026-03-03T00:30:00Z"), ends_at: at("2026-03-03T05:00:00Z") },
    { ...desk, day_part: "afternoon", starts_at: at("2026-03-03T05:00:00Z"), ends_at: at("2026-03-03T10:00:00Z") },
    {
      ...desk,
      price_day_vnd: null,
      day_part: "day",
      starts_at: at("2026-03-04T00:30:00Z"),
      ends_at: at("2026-03-04T10:00:00Z"),
    },
    { ...room, day_part: null, starts_at: at("2026-03-05T02:00:00Z"), ends_at: at("2026-03-05T03:30:00Z") },
  ];

  it("counts half days as 0.5 and values desks at their half-day or day price", () => {
    expect(deskSupport(used)).toEqual({ key: "desks", quantity: 3, valueVnd: 180_000, unpriced: 1 });
  });

  it("counts room hours and values them by the hour", () => {
    expect(roomSupport(used)).toEqual({ key: "rooms", quantity: 1.5, valueVnd: 150_000, unpriced: 0 });
  });

  it("totals the value of every source; mentoring and trainings count but add nothing", () => {
    const mentoring = mentoringSupport([
      { starts_at: at("2026-03-06T02:00:00Z"), ends_at: at("2026-03-06T03:30:00Z") },
    ]);
    expect(mentoring).toMatchObject({ quantity: 1.5, valueVnd: 0, unvalued: true });
    expect(trainingSupport(2)).toEqual({ key: "trainings", quantity: 2, valueVnd: 0, unpriced: 0, unvalued: true });
    expect(totalValue([deskSupport(used), roomSupport(used), mentoring, trainingSupport(2)])).toBe(330_000);
  });
});

describe("support periods", () => {
  it("cover whole local days in the centre's zone", () => {
    expect(periodInstants({ from: "2026-03-01", to: "2026-03-31" }, "Asia/Ho_Chi_Minh")).toEqual({
      start: new Date("2026-02-28T17:00:00Z"),
      end: new Date("2026-03-31T17:00:00Z"),
    });
  });

  it("default to the incubation period, up to today at most", () => {
    const team = (start: string, end: string | null) => ({ incubation_starts_on: start, incubation_ends_on: end });
    expect(defaultSupportPeriod(team("2026-01-01", "2026-06-30"), "2026-11-26")).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
    });
    expect(defaultSupportPeriod(team("2026-01-01", "2027-06-30"), "2026-11-26")).toEqual({
      from: "2026-01-01",
      to: "2026-11-26",
    });
    expect(defaultSupportPeriod(team("2026-01-01", null), "2026-11-26")).toEqual({
      from: "2026-01-01",
      to: "2026-11-26",
    });
    // Not started yet: an empty one-day period on its first day.
    expect(defaultSupportPeriod(team("2027-01-01", null), "2026-11-26")).toEqual({
      from: "2027-01-01",
      to: "2027-01-01",
    });
  });
});
