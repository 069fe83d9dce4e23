// The pure rules of events: an event's times on the centre's calendar, who gets a seat, who
// is promoted, which group a member registers in, and who gets a certificate.
import { describe, expect, it } from "vitest";
import {
  checkOpen,
  eventFormTimes,
  eventPeriod,
  isForAudience,
  mayHaveCertificate,
  memberAudience,
  seatFor,
  seatsToFill,
} from "~/features/events/rules";

const ZONE = "Asia/Ho_Chi_Minh";

describe("eventPeriod", () => {
  it("reads the date and times on the centre's wall clock, whatever the server's zone", () => {
    const result = eventPeriod("2026-12-15", "08:00", "16:30", ZONE);
    expect(result).toEqual({
      ok: true,
      period: { start: new Date("2026-12-15T01:00:00Z"), end: new Date("2026-12-15T09:30:00Z") },
    });
    if (result.ok)
      expect(eventFormTimes(result.period, ZONE)).toEqual({ date: "2026-12-15", start: "08:00", end: "16:30" });
  });

  it("names the field that is wrong", () => {
    expect(eventPeriod("2026-02-30", "08:00", "09:00", ZONE)).toMatchObject({ ok: false, field: "date" });
    expect(eventPeriod("15/12/2026", "08:00", "09:00", ZONE)).toMatchObject({ ok: false, code: "invalid_date" });
    expect(eventPeriod("2026-12-15", "8h", "09:00", ZONE)).toMatchObject({ ok: false, field: "start" });
    expect(eventPeriod("2026-12-15", "08:00", "24:00", ZONE)).toMatchObject({ ok: false, field: "end" });
    // An end equal to the start, or before it (no events across midnight).
    expect(eventPeriod("2026-12-15", "09:00", "09:00", ZONE)).toMatchObject({ code: "end_before_start" });
    expect(eventPeriod("2026-12-15", "22:00", "01:00", ZONE)).toMatchObject({ code: "end_before_start" });
  });
});

describe("seats and the waitlist", () => {
  it("takes a seat while fewer than the capacity are registered, the waitlist after", () => {
    expect(seatFor(0, 1)).toBe("registered");
    expect(seatFor(29, 30)).toBe("registered");
    expect(seatFor(30, 30)).toBe("waitlisted");
    expect(seatFor(31, 30)).toBe("waitlisted");
  });

  it("promotes as many as there are free seats and people waiting", () => {
    expect(seatsToFill(29, 30, 5)).toBe(1);
    expect(seatsToFill(20, 30, 3)).toBe(3);
    expect(seatsToFill(30, 30, 3)).toBe(0);
    expect(seatsToFill(32, 30, 3)).toBe(0);
  });
});

describe("who registers where", () => {
  it("members register in the group of their role", () => {
    expect(memberAudience("founder")).toBe("founders");
    expect(memberAudience("mentor")).toBe("mentors");
    expect(memberAudience("staff")).toBe("public");
  });

  it("an event open to the public takes every group; otherwise only the groups it names", () => {
    expect(isForAudience(["mentors"], "founders")).toBe(false);
    expect(isForAudience(["mentors"], "mentors")).toBe(true);
    expect(isForAudience(["founders", "public"], "tourism_cooperatives")).toBe(true);
  });

  it("registration closes at the start and for a cancelled event", () => {
    const startsAt = new Date("2026-12-15T01:00:00Z");
    expect(checkOpen({ status: "scheduled", starts_at: startsAt }, new Date("2026-12-15T00:59:59Z"))).toBeNull();
    expect(checkOpen({ status: "scheduled", starts_at: startsAt }, startsAt)).toBe("event_started");
    expect(checkOpen({ status: "cancelled", starts_at: startsAt }, new Date("2026-12-01T00:00:00Z"))).toBe(
      "event_cancelled",
    );
  });
});

describe("certificates", () => {
  const present = { status: "registered", attended_at: new Date() };
  it("go to people marked present at trainings only", () => {
    expect(mayHaveCertificate({ kind: "training", status: "scheduled" }, present)).toBe(true);
    expect(mayHaveCertificate({ kind: "workshop", status: "scheduled" }, present)).toBe(false);
    expect(mayHaveCertificate({ kind: "training", status: "scheduled" }, { ...present, attended_at: null })).toBe(
      false,
    );
    expect(mayHaveCertificate({ kind: "training", status: "scheduled" }, { ...present, status: "cancelled" })).toBe(
      false,
    );
  });
});
