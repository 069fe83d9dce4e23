// Who may open or post to each team page: a visitor, the founder of team X, the founder of
// team Y, a mentor and staff. The revenue band reaches only the team's own founder and staff.
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { action as myTeamAction, loader as myTeamLoader } from "~/routes/team";
import { action as createTeamAction, loader as staffTeamsLoader } from "~/routes/staff.teams._index";
import { action as staffTeamAction, loader as staffTeamLoader } from "~/routes/staff.teams.$teamId";
import { loader as directoryLoader } from "~/routes/teams._index";
import { loader as cardLoader } from "~/routes/teams.$teamId";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
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
