import { describe, expect, it } from "vitest";
import { emptyYear, formatFigure, parseYear, placeOf, yearBounds } from "~/features/reports/rules";
import { targetFormSchema } from "~/features/targets/forms";
import { measureValue, progressPercent } from "~/features/targets/measures";

describe("the report's year", () => {
  it("defaults to the current year and accepts years from 2016 to the latest allowed", () => {
    expect(parseYear(null, 2026)).toEqual({ ok: true, year: 2026 });
    expect(parseYear(" 2025 ", 2026)).toEqual({ ok: true, year: 2025 });
    expect(parseYear("2027", 2026, 2027)).toEqual({ ok: true, year: 2027 });
  });

  it("refuses what is not a four-digit year, or out of range, with a message key", () => {
    expect(parseYear("25", 2026)).toEqual({ ok: false, error: "reports.error.yearFormat" });
    expect(parseYear("2025.5", 2026)).toEqual({ ok: false, error: "reports.error.yearFormat" });
    expect(parseYear("2015", 2026)).toEqual({ ok: false, error: "reports.error.yearRange" });
    expect(parseYear("2027", 2026)).toEqual({ ok: false, error: "reports.error.yearRange" });
  });

  it("starts and ends a year at local midnight in the centre's zone", () => {
    const { start, end } = yearBounds(2025, "Asia/Ho_Chi_Minh");
    expect(start.toISOString()).toBe("2024-12-31T17:00:00.000Z");
    expect(end.toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });
});

describe("the report's words and numbers", () => {
  it("takes the place of the date line from the end of the unit's address", () => {
    expect(placeOf("Đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La")).toBe("Sơn La");
    expect(placeOf("Sơn La")).toBe("Sơn La");
  });

  it("writes figures with the reader's decimal mark and grouping", () => {
    expect(formatFigure(33534.5, "vi")).toBe("33.534,5");
    expect(formatFigure(33534.5, "en")).toBe("33,534.5");
    expect(formatFigure(20, "vi")).toBe("20");
  });
});

describe("targets", () => {
  it("measures progress from the year's figures", () => {
    const figures = { ...emptyYear(2025), foundersTrained: 23, deskDays: 0, roomHours: 0 };
    expect(measureValue("founders_trained", figures, 0)).toBe(23);
    expect(measureValue("coworking_in_operation", figures, 0)).toBe(0);
    expect(measureValue("coworking_in_operation", { ...figures, roomHours: 2 }, 0)).toBe(1);
    expect(measureValue("event_held", figures, 2)).toBe(2);
    expect(progressPercent(3, 20)).toBe(15);
    expect(progressPercent(23, 20)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
  });

  it("derives a key from the measure when staff leave it empty, and drops event filters elsewhere", () => {
    const event = targetFormSchema.parse({
      labelVi: "Khóa du lịch",
      labelEn: "Tourism course",
      measure: "event_held",
      eventKind: "training",
      eventAudience: "tourism_cooperatives",
      target: "1",
    });
    expect(event).toMatchObject({ key: "event_held_training_tourism_cooperatives", target: 1, position: null });
    const founders = targetFormSchema.parse({
      labelVi: "Đào tạo",
      labelEn: "Training",
      measure: "founders_trained",
      eventKind: "training",
      target: "20,5",
    });
    expect(founders).toMatchObject({ key: "founders_trained", eventKind: null, eventAudience: null, target: 20.5 });
  });
});
