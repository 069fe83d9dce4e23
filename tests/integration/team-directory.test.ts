import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loader as directoryLoader } from "~/routes/teams._index";
import { loader as cardLoader } from "~/routes/teams.$teamId";
import { action as myTeamAction } from "~/routes/team";
import { action as staffTeamAction } from "~/routes/staff.teams.$teamId";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createSector } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder, profileForm, teamRow } from "../setup/teams";

useTestDatabase();

type Card = Record<string, unknown> & { id: string; name: string };

async function directory(cookie?: string): Promise<Card[]> {
  return dataOf<{ teams: Card[] }>(await call(directoryLoader, "/teams", { cookie })).teams;
}

/** A team with a full profile (revenue included), not yet listed. */
async function profiledTeam(status: "incubating" | "graduated" | "left" = "incubating") {
  const created = await createTeamWithFounder({ status });
  const sector = await createSector();
  await call(myTeamAction, "/team", {
    cookie: created.founder.cookie,
    form: profileForm({ teamId: created.team.id, sectorId: String(sector.id), revenueBand: "1b_5b" }),
  });
  return { ...created, sector };
}

describe("the public directory", () => {
  it("shows a listed team with only the fields it chose, and never revenue, emails or phones", async () => {
    const { team, founder, sector } = await profiledTeam();
    expect((await directory()).some((card) => card.id === team.id)).toBe(false);

    const saved = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: { intent: "directory", teamId: team.id, listed: "on", fields: ["description", "sector", "founders"] },
    });
    expect(statusOf(saved)).toBe(200);

    const card = (await directory()).find((c) => c.id === team.id);
    expect(card).toEqual({
      id: team.id,
      name: team.name,
      status: "incubating",
      description: "Chế biến chè Shan tuyết cổ thụ Tà Xùa.",
      sector: { name_vi: sector.name_vi, name_en: sector.name_en },
      founders: [founder.user.name],
    });
    const single = dataOf<{ card: Card }>(
      await call(cardLoader, `/teams/${team.id}`, { params: { teamId: team.id } }),
    ).card;
    expect(single).toEqual(card);
    for (const text of [JSON.stringify(card), JSON.stringify(single)]) {
      expect(text).not.toContain("1b_5b");
      expect(text).not.toContain("revenue");
      expect(text).not.toContain(founder.user.email);
      expect(text).not.toContain("chetaxua.example.vn");
    }
  });

  it("shows every allowed field when the team chooses them all", async () => {
    const { team, founder } = await profiledTeam("graduated");
    await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: {
        intent: "directory",
        teamId: team.id,
        listed: "on",
        fields: [
          "description",
          "sector",
          "place",
          "stage",
          "period",
          "website",
          "social_links",
          "jobs_created",
          "founders",
        ],
      },
    });
    const card = (await directory()).find((c) => c.id === team.id);
    expect(card).toMatchObject({
      status: "graduated",
      place: "Bắc Yên",
      stage: "prototype",
      period: { startsOn: "2026-01-01", endsOn: null },
      website: "https://chetaxua.example.vn",
      social_links: ["https://facebook.com/chetaxua", "https://zalo.me/chetaxua"],
      jobs_created: 4,
    });
    expect(Object.keys(card!)).not.toContain("revenue_band");
  });

  it("hides unlisted teams and teams that left, on the list and as a card (404)", async () => {
    const unlisted = await profiledTeam();
    const left = await profiledTeam("left");
    await call(myTeamAction, "/team", {
      cookie: left.founder.cookie,
      form: { intent: "directory", teamId: left.team.id, listed: "on", fields: "description" },
    });
    expect((await teamRow(left.team.id)).directory_listed).toBe(true);
    const ids = (await directory()).map((c) => c.id);
    expect(ids).not.toContain(unlisted.team.id);
    expect(ids).not.toContain(left.team.id);
    for (const teamId of [unlisted.team.id, left.team.id, randomUUID(), "khong-phai-uuid"]) {
      expect(statusOf(await call(cardLoader, `/teams/${teamId}`, { params: { teamId } })), teamId).toBe(404);
    }
    // Even the team's own founder sees no public card while it is unlisted.
    expect(
      statusOf(
        await call(cardLoader, `/teams/${unlisted.team.id}`, {
          cookie: unlisted.founder.cookie,
          params: { teamId: unlisted.team.id },
        }),
      ),
    ).toBe(404);
  });

  it("refuses a field outside the allowed set with 400 and changes nothing", async () => {
    const { team, founder } = await profiledTeam();
    const refused = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: { intent: "directory", teamId: team.id, listed: "on", fields: ["description", "revenue_band"] },
    });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(refused).errors).toEqual({
      fields: "teams.error.invalidDirectoryField",
    });
    expect(await teamRow(team.id)).toMatchObject({ directory_listed: false, directory_fields: [] });
  });

  it("staff list and unlist any team; a founder of another team cannot", async () => {
    const { team } = await profiledTeam();
    const staff = await createUser("staff");
    const stranger = await createTeamWithFounder();
    const listing = { intent: "directory", listed: "on", fields: "place" };

    expect(
      statusOf(
        await call(myTeamAction, "/team", { cookie: stranger.founder.cookie, form: { ...listing, teamId: team.id } }),
      ),
    ).toBe(404);
    expect((await teamRow(team.id)).directory_listed).toBe(false);

    const path = `/staff/teams/${team.id}`;
    expect(
      statusOf(await call(staffTeamAction, path, { cookie: staff.cookie, params: { teamId: team.id }, form: listing })),
    ).toBe(200);
    expect((await directory()).find((c) => c.id === team.id)).toEqual({
      id: team.id,
      name: team.name,
      status: "incubating",
      place: "Bắc Yên",
    });

    // Unchecked boxes are absent from the form: listing off, no fields.
    const off = await call(staffTeamAction, path, {
      cookie: staff.cookie,
      params: { teamId: team.id },
      form: { intent: "directory" },
    });
    expect(statusOf(off)).toBe(200);
    expect(await teamRow(team.id)).toMatchObject({ directory_listed: false, directory_fields: [] });
    expect((await directory()).some((c) => c.id === team.id)).toBe(false);
  });

  it("shows the demo team, listed by the demo data", async () => {
    const demo = (await directory()).find((c) => c.name === "Mận Hậu Mộc Châu Xanh");
    expect(demo).toMatchObject({ place: "Mộc Châu", stage: "early_revenue", jobs_created: 6 });
    expect(JSON.stringify(demo)).not.toContain("under_100m");
  });
});
