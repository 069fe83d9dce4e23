import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startSession } from "~/features/auth/session.server";
import { createTeam } from "~/features/teams/save-team.server";
import { loader as myTeamLoader } from "~/routes/team";
import { action as createAction, loader as teamsLoader } from "~/routes/staff.teams._index";
import { action as teamAction, loader as teamLoader } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { buildRequest, call, context, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Errors = { errors?: Record<string, string> };

function teamName(prefix = "Nhóm") {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

async function countTeams() {
  const row = await db()
    .selectFrom("team")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function createTeamAs(cookie: string, form: Record<string, string>) {
  return call(createAction, "/staff/teams", { cookie, form });
}

async function teamIdFrom(response: unknown): Promise<string> {
  expect(response).toBeInstanceOf(Response);
  const location = (response as Response).headers.get("Location") ?? "";
  const match = /^\/staff\/teams\/([0-9a-f-]{36})\?created=1$/.exec(location);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("who may manage teams", () => {
  it("refuses a founder with 403 and sends a visitor to sign in", async () => {
    const { cookie } = await createUser("founder");
    expect(statusOf(await call(teamsLoader, "/staff/teams", { cookie }))).toBe(403);
    expect(
      statusOf(await createTeamAs(cookie, { name: teamName(), status: "incubating", startsOn: "2026-01-05" })),
    ).toBe(403);

    const visitor = (await call(teamsLoader, "/staff/teams")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent("/staff/teams")}`);
  });

  it("refuses a mentor, and a staff member cannot use a founder's team page", async () => {
    const mentor = await createUser("mentor");
    expect(statusOf(await call(teamsLoader, "/staff/teams", { cookie: mentor.cookie }))).toBe(403);
    const staff = await createUser("staff");
    expect(statusOf(await call(myTeamLoader, "/team", { cookie: staff.cookie }))).toBe(403);
  });
});

describe("creating a team", () => {
  it("creates a team and lists it with its period", async () => {
    const { cookie } = await createUser("staff");
    const name = teamName("Cà phê Nà Ớt");
    const response = await createTeamAs(cookie, {
      name,
      status: "incubating",
      startsOn: "2026-01-05",
      endsOn: "2026-12-31",
    });
    const id = await teamIdFrom(response);

    const list = dataOf<{
      teams: Array<{ id: string; name: string; incubation_starts_on: string; member_count: number }>;
    }>(await call(teamsLoader, "/staff/teams", { cookie }));
    expect(list.teams.find((t) => t.id === id)).toMatchObject({
      name,
      incubation_starts_on: "2026-01-05",
      incubation_ends_on: "2026-12-31",
      member_count: 0,
    });
  });

  it("refuses a name already taken (whatever the case) with 400 beside the name, adding nothing", async () => {
    const { cookie } = await createUser("admin");
    const name = teamName("Chè Shan Tuyết");
    await teamIdFrom(await createTeamAs(cookie, { name, status: "incubating", startsOn: "2026-02-01" }));
    const before = await countTeams();

    const again = await createTeamAs(cookie, { name: name.toUpperCase(), status: "graduated", startsOn: "2026-03-01" });
    expect(statusOf(again)).toBe(400);
    expect(dataOf<Errors>(again).errors).toEqual({ name: "teams.error.nameTaken" });
    expect(await countTeams()).toBe(before);
  });

  it("lets only one of two simultaneous creations with the same name through", async () => {
    const { user } = await createUser("staff");
    const name = teamName("Cá hồi Sốp Cộp");
    const team = { name, status: "incubating" as const, startsOn: "2026-01-01", endsOn: null };
    const results = await Promise.all([createTeam(db(), user.centre_id, team), createTeam(db(), user.centre_id, team)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, errors: { name: "teams.error.nameTaken" } });
  });

  it("refuses an end date before the start, a bad date and a missing name, adding nothing", async () => {
    const { cookie } = await createUser("staff");
    const before = await countTeams();

    const backwards = await createTeamAs(cookie, {
      name: teamName(),
      status: "incubating",
      startsOn: "2026-06-01",
      endsOn: "2026-05-31",
    });
    expect(statusOf(backwards)).toBe(400);
    expect(dataOf<Errors>(backwards).errors).toEqual({ endsOn: "teams.error.endBeforeStart" });

    const badDate = await createTeamAs(cookie, { name: teamName(), status: "incubating", startsOn: "31/05/2026" });
    expect(statusOf(badDate)).toBe(400);
    expect(dataOf<Errors>(badDate).errors?.startsOn).toBe("teams.error.invalidDate");

    const noName = await createTeamAs(cookie, { name: "   ", status: "closed", startsOn: "2026-02-30" });
    expect(statusOf(noName)).toBe(400);
    expect(dataOf<Errors>(noName).errors).toMatchObject({
      name: "form.required",
      status: "teams.error.invalidStatus",
      startsOn: "teams.error.invalidDate",
    });

    expect(await countTeams()).toBe(before);
  });

  it("accepts a one-day period and an open-ended one", async () => {
    const { cookie } = await createUser("staff");
    await teamIdFrom(
      await createTeamAs(cookie, {
        name: teamName(),
        status: "incubating",
        startsOn: "2026-04-01",
        endsOn: "2026-04-01",
      }),
    );
    await teamIdFrom(
      await createTeamAs(cookie, { name: teamName(), status: "incubating", startsOn: "2026-04-01", endsOn: "" }),
    );
  });
});

describe("team detail and members", () => {
  it("answers 404 for an unknown or malformed team id", async () => {
    const { cookie } = await createUser("staff");
    const unknown = randomUUID();
    expect(statusOf(await call(teamLoader, `/staff/teams/${unknown}`, { cookie, params: { teamId: unknown } }))).toBe(
      404,
    );
    expect(statusOf(await call(teamLoader, "/staff/teams/abc", { cookie, params: { teamId: "abc" } }))).toBe(404);
    expect(
      statusOf(
        await call(teamAction, "/staff/teams/abc", { cookie, params: { teamId: "abc" }, form: { intent: "update" } }),
      ),
    ).toBe(404);
  });

  it("adds an existing founder by email, refuses others with 400, and the founder then sees the team", async () => {
    const staff = await createUser("staff");
    const founder = await createUser("founder", { name: "Lò Thị Hương" });
    const mentor = await createUser("mentor");
    const name = teamName("Mật ong Bản Lầm");
    const teamId = await teamIdFrom(
      await createTeamAs(staff.cookie, { name, status: "incubating", startsOn: "2026-01-15", endsOn: "2027-01-14" }),
    );
    const path = `/staff/teams/${teamId}`;
    const addMember = (email: string) =>
      call(teamAction, path, { cookie: staff.cookie, params: { teamId }, form: { intent: "add-member", email } });

    // Before: the founder has no team yet.
    const none = dataOf<{ teams: unknown[] }>(await call(myTeamLoader, "/team", { cookie: founder.cookie }));
    expect(none.teams).toEqual([]);

    const added = await addMember(founder.user.email.toUpperCase());
    expect(statusOf(added)).toBe(200);
    expect(dataOf<{ notice: string; noticeParams: { name: string } }>(added)).toMatchObject({
      notice: "teams.member.added",
      noticeParams: { name: "Lò Thị Hương" },
    });

    for (const [email, error] of [
      ["khong-ton-tai@nowhere.test", "teams.error.noAccount"],
      [mentor.user.email, "teams.error.notFounder"],
      [founder.user.email, "teams.error.alreadyMember"],
      ["not-an-email", "form.invalidEmail"],
    ] as const) {
      const refused = await addMember(email);
      expect(statusOf(refused)).toBe(400);
      expect(dataOf<Errors>(refused).errors).toEqual({ email: error });
    }

    const detail = dataOf<{ team: { members: Array<{ email: string }> } }>(
      await call(teamLoader, path, { cookie: staff.cookie, params: { teamId } }),
    );
    expect(detail.team.members.map((m) => m.email)).toEqual([founder.user.email]);

    const mine = dataOf<{
      teams: Array<{
        name: string;
        status: string;
        incubation_starts_on: string;
        members: Array<{ name: string; email: string }>;
      }>;
    }>(await call(myTeamLoader, "/team", { cookie: founder.cookie }));
    expect(mine.teams).toHaveLength(1);
    expect(mine.teams[0]).toMatchObject({
      name,
      status: "incubating",
      incubation_starts_on: "2026-01-15",
      incubation_ends_on: "2027-01-14",
      members: [{ name: "Lò Thị Hương", email: founder.user.email }],
    });

    // Removing the member takes the team away from the founder's page.
    const removed = await call(teamAction, path, {
      cookie: staff.cookie,
      params: { teamId },
      form: { intent: "remove-member", userId: founder.user.id },
    });
    expect(statusOf(removed)).toBe(200);
    expect(dataOf<{ teams: unknown[] }>(await call(myTeamLoader, "/team", { cookie: founder.cookie })).teams).toEqual(
      [],
    );
    const again = await call(teamAction, path, {
      cookie: staff.cookie,
      params: { teamId },
      form: { intent: "remove-member", userId: founder.user.id },
    });
    expect(statusOf(again)).toBe(404);
  });

  it("edits name, status and period; refuses a taken name and a backwards period", async () => {
    const { cookie } = await createUser("staff");
    const taken = teamName("Rau an toàn Chiềng Pằn");
    await teamIdFrom(await createTeamAs(cookie, { name: taken, status: "incubating", startsOn: "2026-01-01" }));
    const teamId = await teamIdFrom(
      await createTeamAs(cookie, { name: teamName(), status: "incubating", startsOn: "2026-01-01" }),
    );
    const path = `/staff/teams/${teamId}`;
    const update = (form: Record<string, string>) =>
      call(teamAction, path, { cookie, params: { teamId }, form: { intent: "update", ...form } });

    const renamed = teamName("Nông sản Mộc Châu");
    expect(
      statusOf(await update({ name: renamed, status: "graduated", startsOn: "2026-01-01", endsOn: "2026-06-30" })),
    ).toBe(200);
    const saved = await db().selectFrom("team").selectAll().where("id", "=", teamId).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ name: renamed, status: "graduated", incubation_ends_on: "2026-06-30" });

    const clash = await update({ name: taken, status: "graduated", startsOn: "2026-01-01" });
    expect(statusOf(clash)).toBe(400);
    expect(dataOf<Errors>(clash).errors).toEqual({ name: "teams.error.nameTaken" });

    const backwards = await update({
      name: renamed,
      status: "graduated",
      startsOn: "2026-07-01",
      endsOn: "2026-06-30",
    });
    expect(statusOf(backwards)).toBe(400);
    expect(dataOf<Errors>(backwards).errors).toEqual({ endsOn: "teams.error.endBeforeStart" });

    const unchanged = await db().selectFrom("team").selectAll().where("id", "=", teamId).executeTakeFirstOrThrow();
    expect(unchanged).toMatchObject({
      name: renamed,
      incubation_starts_on: "2026-01-01",
      incubation_ends_on: "2026-06-30",
    });
  });

  it("shows the demo founder the demo team", async () => {
    const { cookie } = await loginAs("sanglap@demo.sonla.vn");
    const mine = dataOf<{ teams: Array<{ name: string; members: Array<{ email: string }> }> }>(
      await call(myTeamLoader, "/team", { cookie }),
    );
    expect(mine.teams.map((t) => t.name)).toContain("Mận Hậu Mộc Châu Xanh");
    expect(mine.teams[0]?.members.map((m) => m.email).sort()).toEqual([
      "sanglap2@demo.sonla.vn",
      "sanglap@demo.sonla.vn",
    ]);
  });
});

/** Signs in one of the demo accounts (they exist because the test database is seeded). */
async function loginAs(email: string) {
  const user = await db().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const setCookie = await startSession(db(), user.id, context(), buildRequest("/"));
  return { cookie: setCookie.split(";")[0] ?? "" };
}
