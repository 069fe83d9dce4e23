import { describe, expect, it } from "vitest";
import { isTeamStatus, isValidIncubationPeriod, normalizeTeamName, sameTeamName } from "~/features/teams/rules";
import { teamFormSchema } from "~/features/teams/team-form";

describe("incubation period", () => {
  it("may be open-ended, one day long, or longer; never backwards", () => {
    expect(isValidIncubationPeriod("2026-01-01", null)).toBe(true);
    expect(isValidIncubationPeriod("2026-01-01", "2026-01-01")).toBe(true);
    expect(isValidIncubationPeriod("2026-01-01", "2027-12-31")).toBe(true);
    expect(isValidIncubationPeriod("2026-01-01", "2025-12-31")).toBe(false);
  });
});

describe("team names", () => {
  it("are stored composed (NFC) with single spaces", () => {
    const decomposed = "Che\u0300  Shan   Tuye\u0302\u0301t ";
    expect(normalizeTeamName(decomposed)).toBe("Chè Shan Tuyết");
  });

  it("are the same whatever the case of Vietnamese letters or the keyboard's encoding", () => {
    expect(sameTeamName("CHÈ SHAN TUYẾT", "Chè Shan Tuyết")).toBe(true);
    expect(sameTeamName("ĐẶC SẢN ĐIỆN BIÊN", "đặc sản điện biên")).toBe(true);
    expect(sameTeamName("Che\u0300 Shan", "chè shan")).toBe(true);
    expect(sameTeamName("Chè Shan", "Che Shan")).toBe(false);
  });
});

describe("team status", () => {
  it("knows the three statuses only", () => {
    expect(["incubating", "graduated", "left"].every(isTeamStatus)).toBe(true);
    expect(isTeamStatus("closed")).toBe(false);
    expect(isTeamStatus(undefined)).toBe(false);
  });
});

describe("team form", () => {
  const parse = (form: Record<string, string>) => teamFormSchema.safeParse(form);

  it("reads yyyy-MM-dd dates and an empty end date as none", () => {
    const result = parse({ name: "  Chè Tà Xùa ", status: "incubating", startsOn: "2026-02-28", endsOn: "" });
    expect(result.success && result.data).toEqual({
      name: "Chè Tà Xùa",
      status: "incubating",
      startsOn: "2026-02-28",
      endsOn: null,
    });
  });

  it("refuses impossible dates and dd/MM/yyyy typed by hand", () => {
    for (const startsOn of ["2026-02-29", "2026-13-01", "28/02/2026"]) {
      const result = parse({ name: "A", status: "incubating", startsOn });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("teams.error.invalidDate");
    }
  });

  it("reports a backwards period beside the end date", () => {
    const result = parse({ name: "A", status: "left", startsOn: "2026-05-02", endsOn: "2026-05-01" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["endsOn"], message: "teams.error.endBeforeStart" }),
    ]);
  });
});
