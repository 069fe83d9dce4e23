import { describe, expect, it } from "vitest";
import { proRataPlan, stallReasons } from "~/features/assignments/rules";
import { isWithinOfficeHours, overlappingWindows, tagCode } from "~/features/mentors/rules";

const ZONE = "Asia/Ho_Chi_Minh";
// 2026-12-01 is a Tuesday; 07:00 UTC is 14:00 in Sơn La.
const at = (iso: string) => new Date(iso);
const hours = [
  { weekday: 2, starts_at: "08:00:00", ends_at: "11:00:00" },
  { weekday: 2, starts_at: "14:00", ends_at: "17:00" },
  { weekday: 4, starts_at: "08:00", ends_at: "11:00" },
];
const period = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("isWithinOfficeHours", () => {
  it("accepts a period inside a window of its local weekday, edges included", () => {
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z"), ZONE)).toBe(true);
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T03:00:00Z", "2026-12-01T04:00:00Z"), ZONE)).toBe(true);
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T07:00:00Z", "2026-12-01T10:00:00Z"), ZONE)).toBe(true);
  });

  it("refuses a period that sticks out of a window, spans two windows or falls on another weekday", () => {
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T00:30:00Z", "2026-12-01T01:30:00Z"), ZONE)).toBe(false);
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T03:30:00Z", "2026-12-01T04:30:00Z"), ZONE)).toBe(false);
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T03:00:00Z", "2026-12-01T08:00:00Z"), ZONE)).toBe(false);
    // Wednesday 08:00–09:00.
    expect(isWithinOfficeHours(hours, [], period("2026-12-02T01:00:00Z", "2026-12-02T02:00:00Z"), ZONE)).toBe(false);
  });

  it("reads the weekday in the centre's zone, not UTC", () => {
    // Tuesday 00:30 UTC is 07:30 Tuesday; Monday 23:00 UTC is 06:00 Tuesday local.
    const early = [{ weekday: 2, starts_at: "06:00", ends_at: "07:00" }];
    expect(isWithinOfficeHours(early, [], period("2026-11-30T23:00:00Z", "2026-12-01T00:00:00Z"), ZONE)).toBe(true);
    expect(isWithinOfficeHours(early, [], period("2026-11-30T23:00:00Z", "2026-12-01T00:00:00Z"), "UTC")).toBe(false);
  });

  it("refuses a period on a day away, first and last days included", () => {
    const away = [{ starts_on: "2026-12-01", ends_on: "2026-12-03" }];
    expect(isWithinOfficeHours(hours, away, period("2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z"), ZONE)).toBe(false);
    expect(isWithinOfficeHours(hours, away, period("2026-12-03T01:00:00Z", "2026-12-03T02:00:00Z"), ZONE)).toBe(false);
    // The Tuesday after.
    expect(isWithinOfficeHours(hours, away, period("2026-12-08T01:00:00Z", "2026-12-08T02:00:00Z"), ZONE)).toBe(true);
  });

  it("refuses an empty or reversed period and one that crosses midnight", () => {
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T02:00:00Z", "2026-12-01T02:00:00Z"), ZONE)).toBe(false);
    expect(isWithinOfficeHours(hours, [], period("2026-12-01T02:00:00Z", "2026-12-01T01:00:00Z"), ZONE)).toBe(false);
    const late = [{ weekday: 2, starts_at: "22:00", ends_at: "23:59" }];
    expect(isWithinOfficeHours(late, [], period("2026-12-01T16:00:00Z", "2026-12-01T17:30:00Z"), ZONE)).toBe(false);
  });

  it("finds no window when the mentor has none", () => {
    expect(isWithinOfficeHours([], [], period("2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z"), ZONE)).toBe(false);
  });
});

describe("overlappingWindows", () => {
  it("lets windows touch but reports two that overlap on the same weekday", () => {
    expect(overlappingWindows(hours)).toBeNull();
    expect(
      overlappingWindows([
        { weekday: 2, starts_at: "08:00", ends_at: "11:00" },
        { weekday: 2, starts_at: "11:00", ends_at: "12:00" },
        { weekday: 3, starts_at: "10:00", ends_at: "12:00" },
      ]),
    ).toBeNull();
    const pair = overlappingWindows([
      { weekday: 2, starts_at: "08:00", ends_at: "11:00" },
      { weekday: 2, starts_at: "10:30", ends_at: "12:00" },
    ]);
    expect(pair?.[1].starts_at).toBe("10:30");
  });
});

describe("tagCode", () => {
  it("makes an ASCII code from a Vietnamese name", () => {
    expect(tagCode("Nông nghiệp công nghệ cao")).toBe("nong-nghiep-cong-nghe-cao");
    expect(tagCode("Tài chính & gọi vốn")).toBe("tai-chinh-goi-von");
    expect(tagCode("Đổi mới")).toBe("doi-moi");
  });
});

describe("stalled assignments", () => {
  const now = at("2026-12-01T05:00:00Z");
  const base = {
    starts_on: "2026-09-02",
    ends_on: "2027-03-01",
    status: "active" as const,
    plannedHours: 20,
  };

  it("computes the pro-rata plan from the elapsed share of the period", () => {
    expect(proRataPlan({ starts_on: "2026-12-01", ends_on: "2026-12-10", plannedHours: 10 }, "2026-12-05")).toBe(5);
    expect(proRataPlan({ starts_on: "2026-12-01", ends_on: "2026-12-10", plannedHours: 10 }, "2027-01-01")).toBe(10);
    expect(proRataPlan({ starts_on: "2026-12-01", ends_on: "2026-12-10", plannedHours: 10 }, "2026-11-01")).toBe(0);
  });

  it("flags an assignment with no done session in 30 days", () => {
    const reasons = stallReasons({ ...base, deliveredHours: 10, lastDoneAt: at("2026-10-20T03:00:00Z") }, now, ZONE);
    expect(reasons).toEqual(["quiet"]);
  });

  it("flags one whose delivered hours are under half the pro-rata plan", () => {
    // 91 of 181 days elapsed: about 10 hours due; 4 delivered is under half.
    const reasons = stallReasons({ ...base, deliveredHours: 4, lastDoneAt: at("2026-11-25T03:00:00Z") }, now, ZONE);
    expect(reasons).toEqual(["behind"]);
    expect(stallReasons({ ...base, deliveredHours: 6, lastDoneAt: at("2026-11-25T03:00:00Z") }, now, ZONE)).toEqual([]);
  });

  it("does not judge an assignment younger than 30 days, nor an ended one", () => {
    expect(stallReasons({ ...base, starts_on: "2026-11-10", deliveredHours: 0, lastDoneAt: null }, now, ZONE)).toEqual(
      [],
    );
    expect(stallReasons({ ...base, status: "ended", deliveredHours: 0, lastDoneAt: null }, now, ZONE)).toEqual([]);
    expect(stallReasons({ ...base, deliveredHours: 0, lastDoneAt: null }, now, ZONE)).toEqual(["quiet", "behind"]);
  });
});
