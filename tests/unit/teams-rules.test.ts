import { describe, expect, it } from "vitest";
import {
  canSeeTeam,
  directoryCard,
  isTeamStatus,
  isValidIncubationPeriod,
  isWebLink,
  normalizeTeamName,
  sameTeamName,
  splitLines,
  teamAccess,
} from "~/features/teams/rules";
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

describe("who may see and change a team", () => {
  const members = ["founder-1"];
  it("gives staff everything, the team's founders all but status and dates, others nothing", () => {
    expect(teamAccess({ id: "s", role: "staff" }, members)).toEqual({
      see: true,
      edit: true,
      manage: true,
      seeRevenue: true,
    });
    expect(teamAccess({ id: "a", role: "admin" }, members)).toEqual({
      see: true,
      edit: true,
      manage: true,
      seeRevenue: true,
    });
    expect(teamAccess({ id: "founder-1", role: "founder" }, members)).toEqual({
      see: true,
      edit: true,
      manage: false,
      seeRevenue: true,
    });
    expect(canSeeTeam({ id: "founder-2", role: "founder" }, members)).toBe(false);
    expect(canSeeTeam(null, members)).toBe(false);
  });

  it("lets a mentor of an active assignment see the team, never edit it nor see its revenue", () => {
    expect(teamAccess({ id: "m", role: "mentor" }, members, ["m"])).toEqual({
      see: true,
      edit: false,
      manage: false,
      seeRevenue: false,
    });
    // Another mentor, or one not among the team's active mentors, gets nothing.
    expect(teamAccess({ id: "m2", role: "mentor" }, members, ["m"])).toEqual({
      see: false,
      edit: false,
      manage: false,
      seeRevenue: false,
    });
    expect(canSeeTeam({ id: "m", role: "mentor" }, members)).toBe(false);
    // A mentor's id among the members grants nothing: only founders are members.
    expect(canSeeTeam({ id: "m", role: "mentor" }, ["m"])).toBe(false);
    // A founder listed as a mentor id is still only judged as a founder.
    expect(canSeeTeam({ id: "f", role: "founder" }, members, ["f"])).toBe(false);
  });
});

describe("links", () => {
  it("accept absolute http(s) addresses only", () => {
    expect(isWebLink("https://example.vn")).toBe(true);
    expect(isWebLink("http://facebook.com/nhom")).toBe(true);
    for (const bad of ["javascript:alert(1)", "ftp://x.vn", "example.vn", "https://localhost", "mailto:a@b.vn", ""]) {
      expect(isWebLink(bad), bad).toBe(false);
    }
    expect(isWebLink(`https://example.vn/${"a".repeat(300)}`)).toBe(false);
  });

  it("are one per line, blank lines dropped", () => {
    expect(splitLines(" https://a.vn \r\n\n https://b.vn\n")).toEqual(["https://a.vn", "https://b.vn"]);
  });
});

describe("directory cards", () => {
  const team = {
    id: "t",
    name: "Nhóm",
    status: "incubating" as const,
    description: "Mô tả",
    sector: { name_vi: "Du lịch", name_en: "Tourism" },
    place: "Mộc Châu",
    stage: "idea" as const,
    incubation_starts_on: "2026-01-01",
    incubation_ends_on: null,
    website: "https://x.vn",
    social_links: [],
    jobs_created: 3,
    founders: ["Lò Thị Hương"],
    directory_fields: ["place", "jobs_created", "revenue_band", "email"],
  };
  it("carry the name, the status and only the allowed fields the team chose", () => {
    expect(directoryCard(team)).toEqual({
      id: "t",
      name: "Nhóm",
      status: "incubating",
      place: "Mộc Châu",
      jobs_created: 3,
    });
  });
});
