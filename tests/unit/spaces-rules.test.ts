import { describe, expect, it } from "vitest";
import {
  fitsFloor,
  instantToLocalInput,
  isWallClock,
  localDateTimeToInstant,
  parseDong,
} from "~/features/spaces/rules";

describe("local date-times of closures", () => {
  it("reads a wall-clock time in the centre's zone, whatever the server's zone", () => {
    expect(localDateTimeToInstant("2026-02-14T00:00", "Asia/Ho_Chi_Minh")?.toISOString()).toBe(
      "2026-02-13T17:00:00.000Z",
    );
    expect(instantToLocalInput(new Date("2026-02-13T17:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-02-14T00:00");
  });

  it("refuses malformed and impossible times, and a time skipped by a DST change", () => {
    for (const bad of ["", "2026-02-30T08:00", "2026-02-10 08:00", "2026-02-10T24:00", "10/02/2026 08:00"]) {
      expect(localDateTimeToInstant(bad, "Asia/Ho_Chi_Minh")).toBeNull();
    }
    expect(localDateTimeToInstant("2026-03-08T02:30", "America/New_York")).toBeNull();
  });
});

describe("prices in đồng", () => {
  it("accepts Vietnamese and English grouping, empty for not sold, and refuses the rest", () => {
    expect(parseDong("100.000")).toBe(100_000);
    expect(parseDong("1,500,000 ₫")).toBe(1_500_000);
    expect(parseDong("0")).toBe(0);
    expect(parseDong("  ")).toBeNull();
    expect(parseDong("-5")).toBe("invalid");
    expect(parseDong("12a")).toBe("invalid");
    expect(parseDong("99999999999")).toBe("invalid");
  });
});

describe("floor plan and clock", () => {
  it("keeps a rectangle inside its floor", () => {
    const floor = { plan_width: 1000, plan_height: 600 };
    expect(fitsFloor({ x: 900, y: 500, width: 100, height: 100 }, floor)).toBe(true);
    expect(fitsFloor({ x: 901, y: 500, width: 100, height: 100 }, floor)).toBe(false);
    expect(fitsFloor({ x: 0, y: 540, width: 10, height: 61 }, floor)).toBe(false);
  });

  it("knows a 24-hour HH:mm", () => {
    expect(isWallClock("07:30")).toBe(true);
    expect(isWallClock("23:59")).toBe(true);
    expect(isWallClock("24:00")).toBe(false);
    expect(isWallClock("7:30")).toBe(false);
  });
});
