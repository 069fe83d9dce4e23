import { afterAll, describe, expect, it } from "vitest";
import {
  describeRanges,
  freeIntervals,
  isFreeDuring,
  localDay,
  openingPeriod,
  periodAt,
  roomFits,
  roomStateDuring,
  slotGrid,
  slotStates,
  stateDuring,
  type Busy,
} from "~/features/availability/rules";

const ZONE = "Asia/Ho_Chi_Minh";
const HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00:00", closesAt: "17:00:00" }));
// 2026-12-03 is a Thursday; 2026-12-06 a Sunday (closed in HOURS).
const at = (time: string, date = "2026-12-03") => new Date(`${date}T${time}:00+07:00`);
const period = (from: string, to: string) => ({ start: at(from), end: at(to) });
const busy = (kind: Busy["kind"], from: string, to: string): Busy => ({ kind, ...period(from, to) });

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

describe.each(["UTC", "America/New_York"])("with the server's TZ set to %s", (tz) => {
  it("reads opening hours and slots on the centre's wall clock", () => {
    process.env.TZ = tz;
    const opening = openingPeriod("2026-12-03", HOURS, ZONE)!;
    expect(opening.start.toISOString()).toBe("2026-12-03T01:00:00.000Z");
    expect(opening.end.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    const slots = slotGrid(opening, ZONE);
    expect(slots).toHaveLength(18);
    expect(slots[0]!.time).toBe("08:00");
    expect(slots.at(-1)!.time).toBe("16:30");
    expect(slots.at(-1)!.end.getTime()).toBe(opening.end.getTime());
    expect(periodAt("2026-12-03", "14:00", 120, ZONE)!.end.toISOString()).toBe("2026-12-03T09:00:00.000Z");
  });

  it("knows closed weekdays and rejects impossible dates", () => {
    process.env.TZ = tz;
    expect(openingPeriod("2026-12-06", HOURS, ZONE)).toBeNull();
    expect(openingPeriod("2026-02-30", HOURS, ZONE)).toBeNull();
    expect(localDay("2026-13-01", ZONE)).toBeNull();
    const day = localDay("2026-12-03", ZONE)!;
    // The local midnight, not the server's.
    expect(day.start.toISOString()).toBe("2026-12-02T17:00:00.000Z");
    expect(day.end.getTime() - day.start.getTime()).toBe(24 * 3600_000);
  });
});

describe("free intervals", () => {
  const day = period("08:00", "17:00");

  it("leaves the gaps between bookings, merging touching and nested ones", () => {
    const free = freeIntervals(day, [
      period("10:30", "12:00"),
      period("12:00", "13:00"), // touches the one before
      period("10:45", "11:00"), // inside another
      period("15:00", "16:00"),
    ]);
    expect(describeRanges(free, ZONE)).toEqual(["08:00–10:30", "13:00–15:00", "16:00–17:00"]);
  });

  it("clips bookings that run past the day's ends, including across midnight", () => {
    const overnight = { start: at("20:00", "2026-12-02"), end: at("09:00") };
    const free = freeIntervals(day, [overnight, { start: at("16:00"), end: at("02:00", "2026-12-04") }]);
    expect(describeRanges(free, ZONE)).toEqual(["09:00–16:00"]);
  });

  it("is the whole day when nothing is booked and nothing when one booking covers it", () => {
    expect(describeRanges(freeIntervals(day, []), ZONE)).toEqual(["08:00–17:00"]);
    expect(freeIntervals(day, [period("07:00", "18:00")])).toEqual([]);
  });
});

describe("states", () => {
  it("treats touching ends as free (half-open, like the database)", () => {
    const afternoon = period("12:00", "17:00");
    expect(stateDuring(afternoon, [busy("taken", "08:00", "12:00")])).toBe("free");
    expect(stateDuring(afternoon, [busy("taken", "08:00", "12:30")])).toBe("taken");
    expect(isFreeDuring(period("12:00", "13:00"), [period("13:00", "14:00")])).toBe(true);
  });

  it("shows the viewer's own booking first, then closures, then others' bookings", () => {
    const day = period("08:00", "17:00");
    expect(stateDuring(day, [busy("taken", "09:00", "10:00"), busy("mine", "14:00", "15:00")])).toBe("mine");
    expect(stateDuring(day, [busy("taken", "09:00", "10:00"), busy("closed", "07:00", "18:00")])).toBe("closed");
    expect(stateDuring(null, [])).toBe("closed");
  });

  it("calls a room free while a slot is left, taken or closed when none is", () => {
    const morning = period("08:00", "12:00");
    expect(roomStateDuring(morning, [busy("taken", "08:00", "11:30")], ZONE)).toBe("free");
    expect(roomStateDuring(morning, [busy("taken", "08:00", "12:00")], ZONE)).toBe("taken");
    expect(roomStateDuring(morning, [busy("closed", "00:00", "23:00")], ZONE)).toBe("closed");
    expect(roomStateDuring(morning, [busy("mine", "11:00", "11:30")], ZONE)).toBe("mine");
  });

  it("gives each timeline slot its own state", () => {
    const slots = slotGrid(period("08:00", "10:00"), ZONE);
    const states = slotStates(slots, [busy("taken", "08:30", "09:00"), busy("mine", "09:30", "10:00")]);
    expect(states).toEqual(["free", "taken", "free", "mine"]);
  });
});

describe("room search filter", () => {
  const opening = period("08:00", "17:00");
  const room = { kind: "meeting_room" as const, capacity: 6 };

  it("wants enough seats, a room (not a desk), and the whole interval free inside opening hours", () => {
    const wanted = period("14:00", "16:00");
    expect(roomFits(room, 6, wanted, opening, [])).toBe(true);
    expect(roomFits(room, 7, wanted, opening, [])).toBe(false);
    expect(roomFits({ kind: "hot_desk", capacity: 6 }, 1, wanted, opening, [])).toBe(false);
    expect(roomFits(room, 6, wanted, opening, [period("15:30", "16:30")])).toBe(false);
    expect(roomFits(room, 6, wanted, opening, [period("16:00", "17:00"), period("13:00", "14:00")])).toBe(true);
    expect(roomFits(room, 6, period("16:00", "18:00"), opening, [])).toBe(false);
    expect(roomFits(room, 6, wanted, null, [])).toBe(false);
  });
});
