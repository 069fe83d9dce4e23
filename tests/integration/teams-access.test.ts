// Who may open or post to each team page: a visitor, the founder of team X, the founder of
// team Y, a mentor and staff. The revenue band reaches only the team's own founder and staff.
// A mentor with an ACTIVE assignment to team X sees its private page, never edits it and
// never sees the revenue band (the last describe).
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { action as myTeamAction, loader as myTeamLoader } from "~/routes/team";
import { action as createTeamAction, loader as staffTeamsLoader } from "~/routes/staff.teams._index";
import { action as staffTeamAction, loader as staffTeamLoader } from "~/routes/staff.teams.$teamId";
import { loader as directoryLoader } from "~/routes/teams._index";
import { loader as cardLoader } from "~/routes/teams.$teamId";
import { loader as mentorTeamLoader } from "~/routes/mentors.teams.$teamId";
import { action as staffAssignmentsAction } from "~/routes/staff.mentors.assignments";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment, createMentor } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder, profileForm, teamRow } from "../setup/teams";

useTestDatabase();

type Role = "visitor" | "founderX" | "founderY" | "mentor" | "staff" | "admin";
const ROLES: readonly Role[] = ["visitor", "founderX", "founderY", "mentor", "staff", "admin"];

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
interface Page {
  name: string;
  handler: Handler;
  path: (ids: Ids) => string;
  params?: (ids: Ids) => Record<string, string>;
  form?: (ids: Ids) => Record<string, string | string[]>;
  /** The status each role gets (302: sent to sign in). */
  expect: Record<Role, number>;
  /** Roles whose answer carries team X's revenue band. */
  revenueFor?: readonly Role[];
}
interface Ids {
  x: string;
  y: string;
}

const all = (status: number): Record<Role, number> => ({
  visitor: status,
  founderX: status,
  founderY: status,
  mentor: status,
  staff: status,
  admin: status,
});
const staffOnly = { visitor: 302, founderX: 403, founderY: 403, mentor: 403, staff: 200, admin: 200 };

const PAGES: readonly Page[] = [
  {
    name: "GET /team",
    handler: myTeamLoader as Handler,
    path: () => "/team",
    expect: { visitor: 302, founderX: 200, founderY: 200, mentor: 403, staff: 403, admin: 403 },
    revenueFor: ["founderX"],
  },
  {
    name: "POST /team (profile of X)",
    handler: myTeamAction as Handler,
    path: () => "/team",
    form: (ids) => profileForm({ teamId: ids.x, revenueBand: "1b_5b" }),
    expect: { visitor: 302, founderX: 200, founderY: 404, mentor: 403, staff: 403, admin: 403 },
  },
  {
    name: "POST /team (milestone for X)",
    handler: myTeamAction as Handler,
    path: () => "/team",
    form: (ids) => ({
      intent: "milestone-add",
      teamId: ids.x,
      title: "Mốc thử quyền",
      dueOn: "2027-01-01",
      status: "planned",
    }),
    expect: { visitor: 302, founderX: 200, founderY: 404, mentor: 403, staff: 403, admin: 403 },
  },
  { name: "GET /staff/teams", handler: staffTeamsLoader as Handler, path: () => "/staff/teams", expect: staffOnly },
  {
    name: "POST /staff/teams",
    handler: createTeamAction as Handler,
    path: () => "/staff/teams",
    form: () => ({ name: "", status: "incubating", startsOn: "2026-01-01" }),
    // Allowed roles get past the door and meet the form's 400.
    expect: { ...staffOnly, staff: 400, admin: 400 },
  },
  {
    name: "GET /staff/teams/X",
    handler: staffTeamLoader as Handler,
    path: (ids) => `/staff/teams/${ids.x}`,
    params: (ids) => ({ teamId: ids.x }),
    expect: staffOnly,
    revenueFor: ["staff", "admin"],
  },
  {
    name: "POST /staff/teams/X (profile)",
    handler: staffTeamAction as Handler,
    path: (ids) => `/staff/teams/${ids.x}`,
    params: (ids) => ({ teamId: ids.x }),
    form: () => profileForm({ revenueBand: "1b_5b" }),
    expect: staffOnly,
  },
  {
    name: "POST /staff/teams/X (status)",
    handler: staffTeamAction as Handler,
    path: (ids) => `/staff/teams/${ids.x}`,
    params: (ids) => ({ teamId: ids.x }),
    form: () => ({ intent: "update", name: "", status: "left", startsOn: "2026-01-01" }),
    expect: { ...staffOnly, staff: 400, admin: 400 },
  },
  {
    // A mentor not assigned to X is answered as if X did not exist.
    name: "GET /mentors/teams/X (no assignment)",
    handler: mentorTeamLoader as Handler,
    path: (ids) => `/mentors/teams/${ids.x}`,
    params: (ids) => ({ teamId: ids.x }),
    expect: { visitor: 302, founderX: 403, founderY: 403, mentor: 404, staff: 403, admin: 403 },
  },
  { name: "GET /teams", handler: directoryLoader as Handler, path: () => "/teams", expect: all(200) },
  {
    name: "GET /teams/X (listed)",
    handler: cardLoader as Handler,
    path: (ids) => `/teams/${ids.x}`,
    params: (ids) => ({ teamId: ids.x }),
    expect: all(200),
  },
  {
    name: "GET /teams/Y (not listed)",
    handler: cardLoader as Handler,
    path: (ids) => `/teams/${ids.y}`,
    params: (ids) => ({ teamId: ids.y }),
    expect: all(404),
  },
];

describe("every team page, as every role", () => {
  it("answers each role as the table says, shows revenue only to team X and staff, and refused posts change nothing", async () => {
    const x = await createTeamWithFounder();
    const y = await createTeamWithFounder();
    const ids = { x: x.team.id, y: y.team.id };
    // Team X: revenue set, listed with every allowed field.
    await call(myTeamAction, "/team", {
      cookie: x.founder.cookie,
      form: profileForm({ teamId: ids.x, revenueBand: "1b_5b" }),
    });
    await call(myTeamAction, "/team", {
      cookie: x.founder.cookie,
      form: {
        intent: "directory",
        teamId: ids.x,
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
    const cookies: Record<Role, string | undefined> = {
      visitor: undefined,
      founderX: x.founder.cookie,
      founderY: y.founder.cookie,
      mentor: (await createUser("mentor")).cookie,
      staff: (await createUser("staff")).cookie,
      admin: (await createUser("admin")).cookie,
    };

    for (const page of PAGES) {
      for (const role of ROLES) {
        const before = await teamRow(ids.x);
        const result = await call(page.handler, page.path(ids), {
          cookie: cookies[role],
          params: page.params?.(ids),
          form: page.form?.(ids),
        });
        const label = `${page.name} as ${role}`;
        expect(statusOf(result), label).toBe(page.expect[role]);
        if (page.expect[role] === 302) {
          expect((result as Response).headers.get("Location"), label).toMatch(/^\/sign-in\?redirectTo=/);
        }
        if (page.form && page.expect[role] !== 200) {
          expect(await teamRow(ids.x), label).toEqual(before);
        }
        const body = result instanceof Response ? await result.clone().text() : JSON.stringify(dataOf(result));
        const showsRevenue = body.includes("1b_5b");
        expect(showsRevenue, `${label}: revenue band`).toBe(page.revenueFor?.includes(role) ?? false);
        // Nobody but the team and staff ever gets X's members' emails.
        if (!["founderX", "staff", "admin"].includes(role)) expect(body, label).not.toContain(x.founder.user.email);
      }
    }
  });
});

describe("a mentor assigned to the team", () => {
  it("sees the private page while the assignment is active, never edits it, never sees the revenue band", async () => {
    const x = await createTeamWithFounder();
    await call(myTeamAction, "/team", {
      cookie: x.founder.cookie,
      form: profileForm({ teamId: x.team.id, revenueBand: "1b_5b" }),
    });
    await call(myTeamAction, "/team", {
      cookie: x.founder.cookie,
      form: {
        intent: "milestone-add",
        teamId: x.team.id,
        title: "Mốc cố vấn xem được",
        dueOn: "2027-01-01",
        status: "planned",
      },
    });
    const mentor = await createMentor();
    const { assignment } = await createAssignment({ mentorId: mentor.user.id, teamId: x.team.id });
    const params = { teamId: x.team.id };
    const open = () => call(mentorTeamLoader, `/mentors/teams/${x.team.id}`, { cookie: mentor.cookie, params });

    const seen = await open();
    expect(statusOf(seen)).toBe(200);
    const body = JSON.stringify(dataOf(seen));
    expect(body).toContain("Mốc cố vấn xem được");
    expect(body).toContain("Chế biến chè Shan tuyết");
    expect(body).not.toContain("1b_5b");
    expect(dataOf<{ page: { profile: Record<string, unknown> } }>(seen).page.profile).not.toHaveProperty(
      "revenue_band",
    );

    // Never edits: the founders' and staff pages stay closed, and nothing changes.
    const before = await teamRow(x.team.id);
    const tries = [
      await call(myTeamAction, "/team", {
        cookie: mentor.cookie,
        form: profileForm({ teamId: x.team.id, place: "Mường La" }),
      }),
      await call(staffTeamAction, `/staff/teams/${x.team.id}`, {
        cookie: mentor.cookie,
        params,
        form: profileForm({ place: "Mường La" }),
      }),
      await call(staffTeamLoader, `/staff/teams/${x.team.id}`, { cookie: mentor.cookie, params }),
    ];
    expect(tries.map(statusOf)).toEqual([403, 403, 403]);
    expect(await teamRow(x.team.id)).toEqual(before);

    // Another mentor, assigned elsewhere, still gets nothing.
    const other = await createMentor();
    await createAssignment({ mentorId: other.user.id });
    expect(
      statusOf(await call(mentorTeamLoader, `/mentors/teams/${x.team.id}`, { cookie: other.cookie, params })),
    ).toBe(404);

    // Once the assignment ends, the page closes.
    const staff = await createUser("staff");
    await call(staffAssignmentsAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: { intent: "end", assignmentId: assignment.id },
    });
    expect(statusOf(await open())).toBe(404);
  });
});
