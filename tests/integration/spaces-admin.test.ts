// Staff edit spaces: desks and rooms, opening hours, booking rules, fixed desks.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as indexLoader } from "~/routes/staff.spaces._index";
import { action as fixedDeskAction, loader as fixedDeskLoader } from "~/routes/staff.spaces.fixed-desks";
import { action as hoursAction, loader as hoursLoader } from "~/routes/staff.spaces.hours";
import { action as policyAction, loader as policyLoader } from "~/routes/staff.spaces.policy";
import { action as editAction, loader as editLoader } from "~/routes/staff.spaces.resources.$resourceId";
import { action as newAction, loader as newLoader } from "~/routes/staff.spaces.resources.new";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { createSpacesCentre } from "../setup/spaces-centre";

useTestDatabase();

// Changes happen in a centre of their own; the demo centre stays as other files expect it.
let centre: Awaited<ReturnType<typeof createSpacesCentre>>;
beforeAll(async () => {
  centre = await createSpacesCentre();
});

type Errors = { errors?: Record<string, string> };

async function resourceCount() {
  const row = await db()
    .selectFrom("resource")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("centre_id", "=", centre.id)
    .executeTakeFirstOrThrow();
  return row.n;
}

function uniqueCode(prefix = "T") {
  return `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`;
}

async function roomForm(overrides: Record<string, string | string[]> = {}) {
  return {
    code: uniqueCode("P"),
    kind: "meeting_room",
    nameVi: "Phòng họp Pá Khoang",
    nameEn: "Pá Khoang meeting room",
    capacity: "6",
    amenities: ["screen", "whiteboard"],
    audience: "members",
    priceHour: "150.000",
    priceHalfDay: "",
    priceDay: "",
    floorId: centre.floorId("T2"),
    planX: "10",
    planY: "10",
    planWidth: "100",
    planHeight: "80",
    isActive: "on",
    ...overrides,
  };
}

function locationOf(response: unknown): string {
  expect(response).toBeInstanceOf(Response);
  return (response as Response).headers.get("Location") ?? "";
}

describe("who may manage spaces", () => {
  it("refuses founders and mentors with 403 on every page and form, and sends visitors to sign in", async () => {
    const founder = await createUser("founder");
    const mentor = await createUser("mentor");
    for (const cookie of [founder.cookie, mentor.cookie]) {
      expect(statusOf(await call(indexLoader, "/staff/spaces", { cookie }))).toBe(403);
      expect(statusOf(await call(newLoader, "/staff/spaces/resources/new", { cookie }))).toBe(403);
      expect(statusOf(await call(hoursLoader, "/staff/spaces/hours", { cookie }))).toBe(403);
      expect(statusOf(await call(policyLoader, "/staff/spaces/policy", { cookie }))).toBe(403);
      expect(statusOf(await call(fixedDeskLoader, "/staff/spaces/fixed-desks", { cookie }))).toBe(403);
      expect(statusOf(await call(newAction, "/staff/spaces/resources/new", { cookie, form: await roomForm() }))).toBe(
        403,
      );
      expect(statusOf(await call(policyAction, "/staff/spaces/policy", { cookie, form: { maxDaysAhead: "1" } }))).toBe(
        403,
      );
    }
    const visitor = (await call(indexLoader, "/staff/spaces")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toContain("/sign-in");
  });

  it("lets staff and admins see both floors with their desks and rooms", async () => {
    for (const role of ["staff", "admin"] as const) {
      const { cookie } = await createUser(role);
      const page = dataOf<{ floors: Array<{ code: string; resources: Array<{ code: string }> }> }>(
        await call(indexLoader, "/staff/spaces", { cookie }),
      );
      expect(page.floors.map((f) => f.code)).toEqual(["T1", "T2"]);
      expect(page.floors[0]!.resources.map((r) => r.code)).toContain("D-01");
      expect(page.floors[1]!.resources.map((r) => r.code)).toContain("H-201");
    }
  });
});

describe("desks and rooms", () => {
  it("creates a room with its amenities and price in đồng, then edits it", async () => {
    const { cookie } = await centre.user("staff");
    const form = await roomForm();
    const id = /^\/staff\/spaces\/resources\/([0-9a-f-]{36})\?created=1$/.exec(
      locationOf(await call(newAction, "/staff/spaces/resources/new", { cookie, form })),
    )?.[1];
    expect(id).toBeDefined();
    const shown = dataOf<{ resource: Record<string, unknown> }>(
      await call(editLoader, `/staff/spaces/resources/${id}`, { cookie, params: { resourceId: id! } }),
    );
    expect(shown.resource).toMatchObject({
      code: form.code,
      kind: "meeting_room",
      capacity: 6,
      amenities: ["screen", "whiteboard"],
      price_hour_vnd: 150_000,
      price_half_day_vnd: null,
      is_active: true,
    });

    // Unticking "open for booking" and every amenity, and making it free.
    const { isActive: _active, amenities: _amenities, ...rest } = form;
    const edited = await call(editAction, `/staff/spaces/resources/${id}`, {
      cookie,
      params: { resourceId: id! },
      form: { ...rest, capacity: "8", priceHour: "0", audience: "incubated_teams" },
    });
    expect(statusOf(edited)).toBe(200);
    const row = await db().selectFrom("resource").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      capacity: 8,
      price_hour_vnd: 0,
      amenities: [],
      is_active: false,
      audience: "incubated_teams",
    });
  });

  it("answers bad input with 400 beside each field and creates nothing", async () => {
    const { cookie } = await centre.user("admin");
    const existing = await centre.resource();
    const before = await resourceCount();
    const bad = await call(newAction, "/staff/spaces/resources/new", {
      cookie,
      form: await roomForm({
        code: "phòng 1",
        kind: "sofa",
        nameVi: " ",
        capacity: "0",
        amenities: ["screen", "jacuzzi"],
        priceHour: "-5",
        planWidth: "abc",
      }),
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Errors>(bad).errors).toMatchObject({
      code: "spacesAdmin.error.code",
      kind: "spacesAdmin.error.choose",
      nameVi: "form.required",
      capacity: "spacesAdmin.error.outOfRange",
      amenities: "spacesAdmin.error.choose",
      priceHour: "spacesAdmin.error.price",
      planWidth: "spacesAdmin.error.wholeNumber",
    });

    const offPlan = await call(newAction, "/staff/spaces/resources/new", {
      cookie,
      form: await roomForm({ planX: "950", planWidth: "100" }),
    });
    expect(statusOf(offPlan)).toBe(400);
    expect(dataOf<Errors>(offPlan).errors).toEqual({ planX: "spacesAdmin.error.offPlan" });

    const taken = await call(newAction, "/staff/spaces/resources/new", {
      cookie,
      form: await roomForm({ code: existing.code.toLowerCase() }),
    });
    expect(statusOf(taken)).toBe(400);
    expect(dataOf<Errors>(taken).errors).toEqual({ code: "spacesAdmin.error.codeTaken" });
    expect(await resourceCount()).toBe(before);
  });

  it("answers 404 for unknown or malformed resource ids and an unknown floor", async () => {
    const { cookie } = await centre.user("staff");
    const unknown = randomUUID();
    expect(
      statusOf(
        await call(editLoader, `/staff/spaces/resources/${unknown}`, { cookie, params: { resourceId: unknown } }),
      ),
    ).toBe(404);
    expect(
      statusOf(await call(editLoader, "/staff/spaces/resources/nope", { cookie, params: { resourceId: "nope" } })),
    ).toBe(404);
    expect(
      statusOf(
        await call(editAction, `/staff/spaces/resources/${unknown}`, {
          cookie,
          params: { resourceId: unknown },
          form: await roomForm(),
        }),
      ),
    ).toBe(404);
    const before = await resourceCount();
    expect(
      statusOf(
        await call(newAction, "/staff/spaces/resources/new", {
          cookie,
          form: await roomForm({ floorId: randomUUID() }),
        }),
      ),
    ).toBe(404);
    expect(await resourceCount()).toBe(before);
  });
});

describe("opening hours", () => {
  it("saves the week with closed days, and refuses an impossible time changing nothing", async () => {
    const { cookie } = await centre.user("staff");
    const week: Record<string, string> = {};
    for (const day of [1, 2, 3, 4, 5])
      Object.assign(week, { [`open${day}`]: "on", [`opens${day}`]: "08:00", [`closes${day}`]: "17:30" });
    // Saturday open in the morning; Sunday closed (its times are ignored).
    Object.assign(week, { open6: "on", opens6: "08:00", closes6: "11:30", opens7: "99:99", closes7: "" });
    expect(statusOf(await call(hoursAction, "/staff/spaces/hours", { cookie, form: week }))).toBe(200);
    const saved = dataOf<{ hours: Array<{ weekday: number; opensAt: string; closesAt: string }> }>(
      await call(hoursLoader, "/staff/spaces/hours", { cookie }),
    );
    expect(saved.hours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(saved.hours[5]).toEqual({ weekday: 6, opensAt: "08:00", closesAt: "11:30" });

    const bad = await call(hoursAction, "/staff/spaces/hours", {
      cookie,
      form: { open1: "on", opens1: "17:00", closes1: "08:00", open2: "on", opens2: "25:00", closes2: "12:00" },
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Errors>(bad).errors).toEqual({
      closes1: "spacesAdmin.error.closesBeforeOpens",
      opens2: "spacesAdmin.error.time",
    });
    const after = dataOf<{ hours: unknown[] }>(await call(hoursLoader, "/staff/spaces/hours", { cookie }));
    expect(after.hours).toEqual(saved.hours);
  });
});

describe("booking rules", () => {
  const policy = {
    maxDaysAhead: "45",
    maxRoomMinutes: "180",
    maxDeskDays: "3",
    freeDeskDaysPerPersonWeek: "2",
    freeDeskDaysPerTeamWeek: "8",
    cancelDeadlineMinutes: "120",
    checkInOpensMinutes: "10",
    checkInClosesMinutes: "20",
    midday: "12:30",
  };

  it("saves the centre's rules and shows them back", async () => {
    const { cookie } = await centre.user("admin");
    expect(statusOf(await call(policyAction, "/staff/spaces/policy", { cookie, form: policy }))).toBe(200);
    const shown = dataOf<{ policy: Record<string, unknown> }>(
      await call(policyLoader, "/staff/spaces/policy", { cookie }),
    );
    expect(shown.policy).toEqual({
      maxDaysAhead: 45,
      maxRoomMinutes: 180,
      maxDeskDays: 3,
      freeDeskDaysPerPersonWeek: 2,
      freeDeskDaysPerTeamWeek: 8,
      cancelDeadlineMinutes: 120,
      checkInOpensMinutes: 10,
      checkInClosesMinutes: 20,
      midday: "12:30",
    });
  });

  it("refuses impossible rules beside each field and keeps the old ones", async () => {
    const { cookie } = await centre.user("staff");
    const before = dataOf<{ policy: unknown }>(await call(policyLoader, "/staff/spaces/policy", { cookie })).policy;
    const bad = await call(policyAction, "/staff/spaces/policy", {
      cookie,
      form: { ...policy, maxDaysAhead: "0", maxRoomMinutes: "10", midday: "noon", checkInClosesMinutes: "" },
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Errors>(bad).errors).toEqual({
      maxDaysAhead: "spacesAdmin.error.outOfRange",
      maxRoomMinutes: "spacesAdmin.error.outOfRange",
      checkInClosesMinutes: "form.required",
      midday: "spacesAdmin.error.time",
    });
    expect(dataOf<{ policy: unknown }>(await call(policyLoader, "/staff/spaces/policy", { cookie })).policy).toEqual(
      before,
    );
  });
});

describe("fixed desks", () => {
  const newTeam = () => centre.team();
  const newDesk = async (kind: "fixed_desk" | "hot_desk" = "fixed_desk") => (await centre.resource(kind)).id;
  const assignments = async (resourceId: string) =>
    db()
      .selectFrom("fixed_desk_assignment")
      .select(["team_id", "starts_on", "ends_on"])
      .where("resource_id", "=", resourceId)
      .execute();

  it("assigns a fixed desk to a team for a period and lists it", async () => {
    const { cookie } = await centre.user("staff");
    const team = await newTeam();
    const deskRow = await centre.resource("fixed_desk");
    const desk = deskRow.id;
    const response = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { intent: "assign", resourceId: desk, teamId: team.id, startsOn: "2026-01-01", endsOn: "2026-06-30" },
    });
    expect(locationOf(response)).toBe("/staff/spaces/fixed-desks?assigned=1");
    expect(await assignments(desk)).toEqual([{ team_id: team.id, starts_on: "2026-01-01", ends_on: "2026-06-30" }]);
    const page = dataOf<{ assignments: Array<{ resource_code: string; starts_on: string }> }>(
      await call(fixedDeskLoader, "/staff/spaces/fixed-desks", { cookie }),
    );
    expect(page.assignments).toContainEqual(
      expect.objectContaining({ resource_code: deskRow.code, starts_on: "2026-01-01" }),
    );
  });

  it("refuses an overlapping period for the same desk with a clear 400, and keeps the first team", async () => {
    const { cookie } = await centre.user("admin");
    const [first, second] = [await newTeam(), await newTeam()];
    const desk = await newDesk();
    await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: desk, teamId: first.id, startsOn: "2026-03-01", endsOn: "2026-08-31" },
    });
    // The last day of the first period is shared: periods include both ends.
    const overlap = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: desk, teamId: second.id, startsOn: "2026-08-31", endsOn: "2026-12-31" },
    });
    expect(statusOf(overlap)).toBe(400);
    expect(dataOf<Errors>(overlap).errors).toEqual({ resourceId: "spacesAdmin.error.deskTaken" });
    expect(await assignments(desk)).toEqual([{ team_id: first.id, starts_on: "2026-03-01", ends_on: "2026-08-31" }]);

    // The day after is free.
    const after = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: desk, teamId: second.id, startsOn: "2026-09-01", endsOn: "2026-12-31" },
    });
    expect(statusOf(after)).toBe(302);
  });

  it("refuses a hot desk, a reversed period and unknown ids", async () => {
    const { cookie } = await centre.user("staff");
    const team = await newTeam();
    const fixed = await newDesk();
    const hot = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: await newDesk("hot_desk"), teamId: team.id, startsOn: "2026-01-01", endsOn: "2026-02-01" },
    });
    expect(statusOf(hot)).toBe(400);
    expect(dataOf<Errors>(hot).errors).toEqual({ resourceId: "spacesAdmin.error.notFixedDesk" });
    const reversed = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: fixed, teamId: team.id, startsOn: "2026-05-01", endsOn: "2026-04-01" },
    });
    expect(statusOf(reversed)).toBe(400);
    expect(dataOf<Errors>(reversed).errors).toEqual({ endsOn: "spacesAdmin.error.endBeforeStart" });
    const unknownTeam = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: fixed, teamId: randomUUID(), startsOn: "2026-01-01", endsOn: "2026-02-01" },
    });
    expect(statusOf(unknownTeam)).toBe(404);
    // Another centre's desk is unknown here.
    const demoDesk = await db()
      .selectFrom("resource")
      .select("id")
      .where("code", "=", "F-05")
      .executeTakeFirstOrThrow();
    const otherCentre = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: demoDesk.id, teamId: team.id, startsOn: "2026-01-01", endsOn: "2026-02-01" },
    });
    expect(statusOf(otherCentre)).toBe(404);
    expect(await assignments(fixed)).toEqual([]);
    expect(
      statusOf(
        await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
          cookie,
          form: { intent: "remove", assignmentId: randomUUID() },
        }),
      ),
    ).toBe(404);
  });

  it("founders cannot assign desks", async () => {
    const { cookie } = await centre.user("founder");
    const team = await newTeam();
    const desk = await newDesk();
    const response = await call(fixedDeskAction, "/staff/spaces/fixed-desks", {
      cookie,
      form: { resourceId: desk, teamId: team.id, startsOn: "2026-01-01", endsOn: "2026-02-01" },
    });
    expect(statusOf(response)).toBe(403);
    expect(await assignments(desk)).toEqual([]);
  });
});
