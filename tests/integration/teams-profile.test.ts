import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as myTeamAction, loader as myTeamLoader } from "~/routes/team";
import { action as staffTeamAction, loader as staffTeamLoader } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createSector } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder, profileForm, teamRow } from "../setup/teams";

useTestDatabase();

type Errors = { errors?: Record<string, string> };

describe("a founder edits their own team's profile", () => {
  it("saves every profile field and shows it back on /team, revenue included", async () => {
    const { team, founder } = await createTeamWithFounder();
    const sector = await createSector();
    const saved = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: profileForm({
        teamId: team.id,
        name: `  Chè   Tà Xùa ${randomUUID().slice(0, 6)} `,
        sectorId: String(sector.id),
      }),
    });
    expect(statusOf(saved)).toBe(200);
    expect(dataOf(saved)).toMatchObject({ notice: "teams.profile.saved" });

    const row = await teamRow(team.id);
    expect(row).toMatchObject({
      description: "Chế biến chè Shan tuyết cổ thụ Tà Xùa.",
      sector_id: sector.id,
      place: "Bắc Yên",
      stage: "prototype",
      website: "https://chetaxua.example.vn",
      social_links: ["https://facebook.com/chetaxua", "https://zalo.me/chetaxua"],
      jobs_created: 4,
      revenue_band: "100m_500m",
    });
    expect(row.name).toMatch(/^Chè Tà Xùa [0-9a-f]{6}$/);

    const page = dataOf<{ teams: Array<{ id: string; profile: Record<string, unknown> }> }>(
      await call(myTeamLoader, "/team", { cookie: founder.cookie }),
    );
    expect(page.teams.find((t) => t.id === team.id)?.profile).toMatchObject({
      revenue_band: "100m_500m",
      sector_name_vi: sector.name_vi,
      place: "Bắc Yên",
    });
  });

  it("cannot change the status or the incubation dates (staff-only fields are ignored)", async () => {
    const { team, founder } = await createTeamWithFounder({ startsOn: "2026-02-01", endsOn: "2026-12-31" });
    const saved = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: profileForm({ teamId: team.id, status: "graduated", startsOn: "2020-01-01", endsOn: "2030-01-01" }),
    });
    expect(statusOf(saved)).toBe(200);
    expect(await teamRow(team.id)).toMatchObject({
      status: "incubating",
      incubation_starts_on: "2026-02-01",
      incubation_ends_on: "2026-12-31",
    });
  });

  it("refuses bad values with 400 beside each field and changes nothing", async () => {
    const { team, founder } = await createTeamWithFounder();
    const before = await teamRow(team.id);
    const inactive = await createSector();
    await db().updateTable("sector").set({ is_active: false }).where("id", "=", inactive.id).execute();

    for (const [form, field, message] of [
      [{ website: "javascript:alert(1)" }, "website", "teams.error.invalidLink"],
      [{ website: "ftp://files.example.vn" }, "website", "teams.error.invalidLink"],
      [
        { socialLinks: "https://facebook.com/ok\nfacebook.com/khong-co-giao-thuc" },
        "socialLinks",
        "teams.error.invalidLinks",
      ],
      [
        { socialLinks: Array.from({ length: 11 }, (_, i) => `https://example.vn/${i}`).join("\n") },
        "socialLinks",
        "teams.error.tooManyLinks",
      ],
      [{ jobsCreated: "-3" }, "jobsCreated", "teams.error.invalidJobs"],
      [{ jobsCreated: "2,5" }, "jobsCreated", "teams.error.invalidJobs"],
      [{ jobsCreated: "" }, "jobsCreated", "form.required"],
      [{ stage: "unicorn" }, "stage", "teams.error.invalidStage"],
      [{ revenueBand: "over_9000" }, "revenueBand", "teams.error.invalidRevenue"],
      [{ sectorId: "abc" }, "sectorId", "teams.error.invalidSector"],
      [{ sectorId: "99999999" }, "sectorId", "teams.error.invalidSector"],
      [{ sectorId: String(inactive.id) }, "sectorId", "teams.error.invalidSector"],
      [{ name: "   " }, "name", "form.required"],
      [{ description: "x".repeat(1001) }, "description", "form.tooLong"],
    ] as const) {
      const refused = await call(myTeamAction, "/team", {
        cookie: founder.cookie,
        form: profileForm({ teamId: team.id, ...form }),
      });
      expect(statusOf(refused), JSON.stringify(form)).toBe(400);
      expect(dataOf<Errors>(refused).errors?.[field], JSON.stringify(form)).toBe(message);
    }
    expect(await teamRow(team.id)).toEqual(before);
  });

  it("refuses a name another team has, beside the name", async () => {
    const other = await createTeamWithFounder();
    const { team, founder } = await createTeamWithFounder();
    const refused = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: profileForm({ teamId: team.id, name: other.team.name.toUpperCase() }),
    });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<Errors>(refused).errors).toEqual({ name: "teams.error.nameTaken" });
    expect((await teamRow(team.id)).name).toBe(team.name);
  });

  it("answers 404 when a founder edits another team, a made-up team or a malformed id, changing nothing", async () => {
    const theirs = await createTeamWithFounder();
    const { founder } = await createTeamWithFounder();
    const before = await teamRow(theirs.team.id);
    for (const teamId of [theirs.team.id, randomUUID(), "not-a-uuid"]) {
      for (const form of [
        profileForm({ teamId }),
        { intent: "directory", teamId, listed: "on", fields: "description" },
        { intent: "milestone-add", teamId, title: "Chen ngang", dueOn: "2026-12-01", status: "planned" },
      ]) {
        expect(statusOf(await call(myTeamAction, "/team", { cookie: founder.cookie, form })), teamId).toBe(404);
      }
    }
    expect(await teamRow(theirs.team.id)).toEqual(before);
    const milestones = await db().selectFrom("milestone").select("id").where("team_id", "=", theirs.team.id).execute();
    expect(milestones).toEqual([]);
  });

  it("keeps a sector staff retired on the team that already had it", async () => {
    const { team, founder } = await createTeamWithFounder();
    const sector = await createSector();
    await db().updateTable("team").set({ sector_id: sector.id }).where("id", "=", team.id).execute();
    await db().updateTable("sector").set({ is_active: false }).where("id", "=", sector.id).execute();
    const saved = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: profileForm({ teamId: team.id, sectorId: String(sector.id) }),
    });
    expect(statusOf(saved)).toBe(200);
    expect((await teamRow(team.id)).sector_id).toBe(sector.id);
  });
});

describe("staff edit any team's profile", () => {
  it("saves the profile without touching the name, and the staff page shows it with the revenue band", async () => {
    const { team } = await createTeamWithFounder();
    const staff = await createUser("staff");
    const path = `/staff/teams/${team.id}`;
    const form = profileForm({ revenueBand: "over_5b", jobsCreated: "12" });
    delete form.name;
    const saved = await call(staffTeamAction, path, { cookie: staff.cookie, params: { teamId: team.id }, form });
    expect(statusOf(saved)).toBe(200);
    expect(await teamRow(team.id)).toMatchObject({ name: team.name, revenue_band: "over_5b", jobs_created: 12 });

    const page = dataOf<{ page: { profile: Record<string, unknown> } }>(
      await call(staffTeamLoader, path, { cookie: staff.cookie, params: { teamId: team.id } }),
    );
    expect(page.page.profile).toMatchObject({ revenue_band: "over_5b", jobs_created: 12 });
  });

  it("refuses a bad website with 400 on the staff page too", async () => {
    const { team } = await createTeamWithFounder();
    const staff = await createUser("admin");
    const refused = await call(staffTeamAction, `/staff/teams/${team.id}`, {
      cookie: staff.cookie,
      params: { teamId: team.id },
      form: profileForm({ website: "http://" }),
    });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<Errors>(refused).errors).toEqual({ website: "teams.error.invalidLink" });
  });
});
