import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar, utcStamp, zoneStamper } from "~/features/calendar/ics.server";
import { feedWindow } from "~/features/calendar/feeds.server";
import { RateLimiter } from "~/utils/rate-limiter.server";
import { isWellFormedToken, newFeedToken, tokenFromSegment } from "~/features/calendar/tokens";

const octets = (s: string) => Buffer.byteLength(s, "utf8");

describe("the iCalendar writer", () => {
  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeText("Phòng họp")).toBe("Phòng họp");
  });

  it("folds long lines at 75 octets, never inside a UTF-8 character, and unfolds to the original", () => {
    const vietnamese = "DESCRIPTION:" + "Trung tâm Đổi mới sáng tạo tỉnh Sơn La — phòng họp Mường La; ".repeat(6);
    const ascii = "URL:" + "https://example.vn/".repeat(12);
    const emoji = "SUMMARY:" + "🎉 Khai trương ".repeat(10);
    for (const line of [vietnamese, ascii, emoji]) {
      const folded = foldLine(line);
      const physical = folded.split("\r\n");
      expect(physical.length).toBeGreaterThan(1);
      for (const [i, part] of physical.entries()) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(" ")).toBe(true);
        // No replacement characters: every physical line is valid UTF-8 by itself.
        expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      }
      expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    }
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
    expect(foldLine("X:" + "a".repeat(73))).toBe("X:" + "a".repeat(73));
  });

  it("writes times in UTC, and wall-clock times in the centre's zone whatever the process zone", () => {
    expect(utcStamp(new Date("2026-12-01T02:05:09Z"))).toBe("20261201T020509Z");
    const hcm = zoneStamper("Asia/Ho_Chi_Minh");
    expect(hcm(new Date("2026-12-01T02:00:00Z"))).toBe("20261201T090000");
    expect(hcm(new Date("2026-12-31T20:30:00Z"))).toBe("20270101T033000");
    const ny = zoneStamper("America/New_York");
    expect(ny(new Date("2026-03-08T06:59:00Z"))).toBe("20260308T015900");
    expect(ny(new Date("2026-03-08T07:00:00Z"))).toBe("20260308T030000");
  });

  it("renders a calendar with CRLF line ends, a VTIMEZONE and events tied to it", () => {
    const ics = renderCalendar({
      name: "Lịch của Quàng Thị Mai",
      zone: "Asia/Ho_Chi_Minh",
      events: [
        {
          uid: "booking-1@sonla.test",
          sequence: 3,
          start: new Date("2026-12-01T02:00:00Z"),
          end: new Date("2026-12-01T03:00:00Z"),
          summary: "Bận",
          description: "",
          location: "Phòng họp (P1), Sơn La",
          url: "https://sonla.test/bookings/1",
          status: "CANCELLED",
          created: new Date("2026-11-01T00:00:00Z"),
          lastModified: new Date("2026-11-02T00:00:00Z"),
        },
      ],
    });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n");
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20261201T090000\r\n");
    expect(ics).toContain("DTSTAMP:20261102T000000Z\r\nCREATED:20261101T000000Z\r\nLAST-MODIFIED:20261102T000000Z");
    expect(ics).toContain("SEQUENCE:3\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("LOCATION:Phòng họp (P1)\\, Sơn La\r\n");
    expect(ics).not.toContain("DESCRIPTION");
  });
});

describe("feed tokens, windows and limits", () => {
  it("tokens carry 256 random bits and only '<token>.ics' is a feed segment", () => {
    const token = newFeedToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newFeedToken()).not.toBe(token);
    expect(tokenFromSegment(`${token}.ics`)).toBe(token);
    expect(tokenFromSegment(token)).toBeNull();
    expect(tokenFromSegment(`${token.slice(1)}.ics`)).toBeNull();
    expect(tokenFromSegment("../../etc.ics")).toBeNull();
  });

  it("the window runs from 90 days before the local day to a year after it", () => {
    const w = feedWindow(new Date("2026-11-26T20:00:00Z"), "Asia/Ho_Chi_Minh");
    expect(w.day).toBe("2026-11-27");
    expect(w.dayStart.toISOString()).toBe("2026-11-26T17:00:00.000Z");
    expect(w.from.toISOString()).toBe("2026-08-28T17:00:00.000Z");
    expect(w.cancelledSince.toISOString()).toBe("2026-10-27T17:00:00.000Z");
    expect(w.to.getTime() - w.dayStart.getTime()).toBe(366 * 86_400_000);
  });

  it("the rate limiter allows the limit per minute, then asks to wait", () => {
    const limiter = new RateLimiter(2, 60_000);
    expect(limiter.take("a", 0)).toBeNull();
    expect(limiter.take("a", 1_000)).toBeNull();
    expect(limiter.take("a", 2_000)).toBe(58);
    expect(limiter.take("b", 2_000)).toBeNull();
    expect(limiter.take("a", 60_000)).toBeNull();
  });
});
