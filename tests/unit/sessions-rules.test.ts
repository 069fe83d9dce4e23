import { describe, expect, it } from "vitest";
import {
  checkCancel,
  checkRecord,
  hoursOf,
  mayAnswer,
  monthOf,
  sessionPeriod,
  sideOf,
  viewPeriod,
  withinAssignment,
} from "~/features/sessions/rules";

const ZONE = "Asia/Ho_Chi_Minh";

describe("sessionPeriod", () => {
  it("reads dd/MM/yyyy or yyyy-MM-dd and HH:mm on the centre's wall clock, whatever the server's zone", () => {
    const a = sessionPeriod("05/01/2027", "09:30", 90, ZONE);
    const b = sessionPeriod("2027-01-05", "9:30", 90, ZONE);
    expect(a).toEqual(b);
    expect(a.ok && a.period.start.toISOString()).toBe("2027-01-05T02:30:00.000Z");
    expect(a.ok && a.period.end.toISOString()).toBe("2027-01-05T04:00:00.000Z");
    expect(a.ok && a.day).toBe("2027-01-05");
  });

  it("names what is wrong", () => {
    expect(sessionPeriod("31/02/2027", "09:00", 60, ZONE)).toEqual({ ok: false, code: "invalid_date" });
    expect(sessionPeriod("hôm nay", "09:00", 60, ZONE)).toEqual({ ok: false, code: "invalid_date" });
    expect(sessionPeriod("05/01/2027", "24:00", 60, ZONE)).toEqual({ ok: false, code: "invalid_time" });
    expect(sessionPeriod("05/01/2027", "9h", 60, ZONE)).toEqual({ ok: false, code: "invalid_time" });
  });
});

describe("who is who, and who answers", () => {
  const parties = { mentorId: "m", teamMemberIds: ["f1", "f2"] };
  it("the mentor, a founder of the team, staff, or nobody", () => {
    expect(sideOf({ id: "m", role: "mentor" }, parties)).toBe("mentor");
    expect(sideOf({ id: "f2", role: "founder" }, parties)).toBe("team");
    expect(sideOf({ id: "s", role: "staff" }, parties)).toBe("staff");
    expect(sideOf({ id: "a", role: "admin" }, parties)).toBe("staff");
    expect(sideOf({ id: "x", role: "mentor" }, parties)).toBeNull();
    expect(sideOf({ id: "y", role: "founder" }, parties)).toBeNull();
  });

  it("the other side answers; either side answers staff; staff never answer", () => {
    expect(mayAnswer("mentor", "team")).toBe(true);
    expect(mayAnswer("mentor", "mentor")).toBe(false);
    expect(mayAnswer("team", "mentor")).toBe(true);
    expect(mayAnswer("team", "team")).toBe(false);
    expect(mayAnswer("staff", "mentor")).toBe(true);
    expect(mayAnswer("staff", "team")).toBe(true);
    expect(mayAnswer("staff", "staff")).toBe(false);
    expect(mayAnswer("mentor", null)).toBe(false);
  });
});

describe("cancel before the start, record after the end", () => {
  const starts_at = new Date("2027-01-05T02:00:00Z");
  const ends_at = new Date("2027-01-05T03:00:00Z");
  it("cancels a proposed or confirmed session until its very start", () => {
    expect(checkCancel({ status: "confirmed", starts_at }, new Date("2027-01-05T01:59:59Z"))).toBeNull();
    expect(checkCancel({ status: "proposed", starts_at }, new Date("2027-01-05T01:00:00Z"))).toBeNull();
    expect(checkCancel({ status: "confirmed", starts_at }, starts_at)).toBe("already_started");
    expect(checkCancel({ status: "declined", starts_at }, new Date("2027-01-01T00:00:00Z"))).toBe("not_confirmed");
  });
  it("records a confirmed session from its end", () => {
    expect(checkRecord({ status: "confirmed", ends_at }, ends_at)).toBeNull();
    expect(checkRecord({ status: "confirmed", ends_at }, new Date("2027-01-05T02:59:00Z"))).toBe("not_ended");
    expect(checkRecord({ status: "proposed", ends_at }, new Date("2027-02-01T00:00:00Z"))).toBe("not_confirmed");
    expect(checkRecord({ status: "done", ends_at }, new Date("2027-02-01T00:00:00Z"))).toBe("not_confirmed");
  });
});

describe("periods", () => {
  it("the assignment's dates include both ends", () => {
    const a = { starts_on: "2027-01-01", ends_on: "2027-03-31" };
    expect(withinAssignment(a, "2027-01-01")).toBe(true);
    expect(withinAssignment(a, "2027-03-31")).toBe(true);
    expect(withinAssignment(a, "2026-12-31")).toBe(false);
    expect(withinAssignment(a, "2027-04-01")).toBe(false);
  });
  it("the local month, day and Monday-first week", () => {
    // 31/01/2027 20:00 UTC is already 01/02 in Sơn La.
    expect(monthOf(new Date("2027-01-31T20:00:00Z"), ZONE).start.toISOString()).toBe("2027-01-31T17:00:00.000Z");
    const week = viewPeriod("week", "2027-01-07", ZONE);
    expect(week.start.toISOString()).toBe("2027-01-03T17:00:00.000Z");
    expect(week.end.toISOString()).toBe("2027-01-10T17:00:00.000Z");
    const day = viewPeriod("day", "2027-01-07", ZONE);
    expect(day.end.getTime() - day.start.getTime()).toBe(24 * 3600 * 1000);
  });
  it("hours of sessions, one decimal", () => {
    const s = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
    expect(
      hoursOf([s("2027-01-05T02:00:00Z", "2027-01-05T03:30:00Z"), s("2027-01-06T02:00:00Z", "2027-01-06T02:45:00Z")]),
    ).toBe(2.3);
  });
});
