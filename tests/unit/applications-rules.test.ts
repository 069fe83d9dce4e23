import { describe, expect, it } from "vitest";
import {
  canMove,
  cleanFileName,
  isHttpUrl,
  looksLikePdf,
  parseLinks,
  staffMovesFrom,
  windowState,
} from "~/features/applications/rules";
import { parseCalendarDate, parseLocalDateTime, sectorCode, toLocalDateTimeText } from "~/features/programmes/rules";

const ZONE = "Asia/Ho_Chi_Minh";

describe("stage order", () => {
  it("moves one stage at a time, ends any undecided stage as not selected, and leaves incubation to its use case", () => {
    expect(canMove("submitted", "under_review")).toBe(true);
    expect(canMove("submitted", "shortlisted")).toBe(false);
    expect(canMove("finalist", "winner")).toBe(true);
    expect(canMove("shortlisted", "not_selected")).toBe(true);
    expect(canMove("winner", "not_selected")).toBe(false);
    expect(canMove("winner", "incubated")).toBe(true);
    expect(canMove("not_selected", "under_review")).toBe(false);
    expect(staffMovesFrom("finalist")).toEqual(["winner", "not_selected"]);
    expect(staffMovesFrom("winner")).toEqual([]);
  });
});

describe("application window", () => {
  const programme = {
    applications_open_at: new Date("2026-11-01T01:00:00Z"),
    applications_close_at: new Date("2026-12-31T10:00:00Z"),
  };
  it("is open from the opening instant up to (not at) the deadline", () => {
    expect(windowState(programme, new Date("2026-11-01T00:59:59Z"))).toBe("not-open");
    expect(windowState(programme, new Date("2026-11-01T01:00:00Z"))).toBe("open");
    expect(windowState(programme, new Date("2026-12-31T09:59:59Z"))).toBe("open");
    expect(windowState(programme, new Date("2026-12-31T10:00:00Z"))).toBe("closed");
    expect(windowState({ applications_open_at: null, applications_close_at: null }, new Date())).toBe("not-open");
  });
});

describe("links and files", () => {
  it("takes http(s) links one per line and refuses anything else", () => {
    expect(parseLinks("https://a.vn\n\n  http://b.example/x  \r\n")).toEqual({
      ok: true,
      links: ["https://a.vn", "http://b.example/x"],
    });
    expect(parseLinks("javascript:alert(1)")).toEqual({ ok: false });
    expect(parseLinks("ftp://a.vn")).toEqual({ ok: false });
    expect(isHttpUrl("https://localhost")).toBe(false);
  });
  it("knows a PDF by its first bytes and cleans file names", () => {
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("%PDF"))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode("<html>%PDF-"))).toBe(false);
    expect(cleanFileName('..\\..\\evil"\r\nname.pdf')).toBe("evilname.pdf");
    expect(cleanFileName("")).toBe("pitch.pdf");
  });
});

describe("dates typed by staff", () => {
  it("reads dd/MM/yyyy and yyyy-MM-dd, refusing dates that do not exist", () => {
    expect(parseCalendarDate("1/2/2027")).toBe("2027-02-01");
    expect(parseCalendarDate("2027-02-01")).toBe("2027-02-01");
    expect(parseCalendarDate("29/02/2027")).toBeNull();
    expect(parseCalendarDate("02/31/2027")).toBeNull();
  });
  it("reads dd/MM/yyyy HH:mm on the centre's wall clock and writes it back the same way", () => {
    const instant = parseLocalDateTime("31/12/2026 17:00", ZONE);
    expect(instant?.toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(parseLocalDateTime("2026-12-31T17:00", ZONE)?.toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(parseLocalDateTime("31/12/2026 24:00", ZONE)).toBeNull();
    expect(toLocalDateTimeText(instant!, ZONE)).toBe("31/12/2026 17:00");
  });
  it("makes a sector code from its English name", () => {
    expect(sectorCode("Agriculture & food processing")).toBe("agriculture-food-processing");
    expect(sectorCode("Đồ gỗ")).toBe("do-go");
  });
});
