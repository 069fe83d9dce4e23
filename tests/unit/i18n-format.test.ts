import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime, formatMoney, formatTime } from "~/i18n/format";
import { localeFromAcceptLanguage, translate } from "~/i18n/translate";

describe("formatters show the centre's time whatever the server's zone", () => {
  // 2026-01-31 17:30 UTC is 00:30 on 01/02/2026 in Sơn La (UTC+7).
  const instant = new Date("2026-01-31T17:30:00Z");

  it("writes dd/MM/yyyy and a 24-hour clock in Asia/Ho_Chi_Minh", () => {
    expect(formatDate(instant)).toBe("01/02/2026");
    expect(formatTime(instant)).toBe("00:30");
    expect(formatDateTime(new Date("2026-03-05T08:05:00Z"))).toBe("15:05 05/03/2026");
  });

  it("does not depend on the process time zone", () => {
    const previous = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/New_York", "Asia/Tokyo"]) {
        process.env.TZ = tz;
        expect(formatDateTime(instant)).toBe("00:30 01/02/2026");
        expect(formatTime(DateTime.fromISO("2026-06-01T12:00:00", { zone: "America/New_York" }))).toBe("23:00");
      }
    } finally {
      process.env.TZ = previous;
    }
  });

  it("shows a stored calendar date without shifting it", () => {
    expect(formatCalendarDate("2025-10-01")).toBe("01/10/2025");
  });

  it("writes money in đồng with Vietnamese grouping", () => {
    expect(formatMoney(150000)).toBe("150.000 ₫");
    expect(formatMoney(0)).toBe("0 ₫");
    expect(formatMoney(1_250_000, "en")).toBe("1,250,000 ₫");
    expect(formatMoney(-50000)).toBe("-50.000 ₫");
    expect(() => formatMoney(10.5)).toThrow(RangeError);
  });
});

describe("language choice", () => {
  it("takes the first supported language by quality from Accept-Language", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,vi;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,vi;q=0.5,en;q=0.4")).toBe("vi");
    expect(localeFromAcceptLanguage("de,fr")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });

  it("fills placeholders in both languages", () => {
    expect(translate("vi", "home.welcomeBack", { name: "Mai" })).toBe("Xin chào, Mai");
    expect(translate("en", "home.welcomeBack", { name: "Mai" })).toBe("Hello, Mai");
  });
});
