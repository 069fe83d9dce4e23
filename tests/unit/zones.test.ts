import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { zoneOf } from "~/utils/zones";

const ZONES = [
  "Asia/Ho_Chi_Minh",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe", // half-hour daylight saving
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // -03:30 and daylight saving
  "Pacific/Chatham", // +12:45 / +13:45
];

describe("zoneOf", () => {
  it("gives the same offset as luxon's own zone at every minute around each daylight-saving change", () => {
    for (const name of ZONES) {
      const plain = IANAZone.create(name);
      const cached = zoneOf(name);
      for (let year = 2024; year <= 2027; year++) {
        // Every minute of the year would be slow; check each hour, and every minute of the
        // hours where the offset changes.
        let ts = Date.UTC(year, 0, 1);
        const end = Date.UTC(year + 1, 0, 1);
        let previous = plain.offset(ts);
        for (; ts < end; ts += 3_600_000) {
          const now = plain.offset(ts);
          expect(cached.offset(ts)).toBe(now);
          if (now !== previous) {
            for (let m = ts - 3_600_000; m <= ts; m += 60_000) expect(cached.offset(m)).toBe(plain.offset(m));
          }
          previous = now;
        }
      }
    }
  });

  it("agrees with luxon at random instants from 1900 to 2200, and keeps DateTime arithmetic the same", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const name of ZONES) {
      for (let i = 0; i < 2_000; i++) {
        const ts = Date.UTC(1900, 0, 1) + Math.floor(random() * 300 * 365.25 * 86_400_000);
        expect(zoneOf(name).offset(ts)).toBe(IANAZone.create(name).offset(ts));
      }
      const a = DateTime.fromISO("2026-03-08T01:30", { zone: name }).plus({ hours: 1 }).toISO();
      const b = DateTime.fromISO("2026-03-08T01:30", { zone: zoneOf(name) })
        .plus({ hours: 1 })
        .toISO();
      expect(b).toBe(a);
    }
  });
});
