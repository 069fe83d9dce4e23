// Who may open or post to each competition page (programmes, applications, judging): a visitor,
// a founder, the judge assigned to the application, another mentor, staff and an admin. The
// applicant's contact details reach staff only (and the applicant, through their own link).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "~/features/auth/session.server";
import { loader as applicantLoader } from "~/routes/applications.$token";
import { action as scoreAction, loader as scoreLoader } from "~/routes/judging.$roundId.$applicationId";
import { loader as judgingLoader } from "~/routes/judging._index";
import { loader as appliedLoader } from "~/routes/programmes.$slug.applied";
import { loader as applyLoader } from "~/routes/programmes.$slug.apply";
import { loader as programmesLoader } from "~/routes/programmes._index";
import { loader as programmeLoader } from "~/routes/staff.programmes.$programmeId._index";
import {
  action as applicationAction,
  loader as applicationLoader,
} from "~/routes/staff.programmes.$programmeId.applications.$applicationId._index";
import { loader as pitchLoader } from "~/routes/staff.programmes.$programmeId.applications.$applicationId.pitch";
import { loader as judgePitchLoader } from "~/routes/judging.$roundId.$applicationId_.pitch";
import { loader as applicationsLoader } from "~/routes/staff.programmes.$programmeId.applications._index";
import { loader as staffProgrammesLoader } from "~/routes/staff.programmes._index";
import { loader as newProgrammeLoader } from "~/routes/staff.programmes.new";
import { loader as sectorsLoader } from "~/routes/staff.programmes.sectors";
import { loader as roundLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId._index";
import { loader as sheetLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.applications.$applicationId";
import { loader as rankingLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.ranking";
import { loader as csvLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.ranking[.csv]";
import { loader as roundsLoader } from "~/routes/staff.programmes_.$programmeId_.judging._index";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { assign, createApplication, createProgramme, createRound } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Role = "visitor" | "founder" | "judge" | "mentor" | "staff" | "admin";
const ROLES: readonly Role[] = ["visitor", "founder", "judge", "mentor", "staff", "admin"];
type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

interface Ids {
  programmeId: string;
  slug: string;
  applicationId: string;
  roundId: string;
  token: string;
}
interface Page {
  name: string;
  handler: Handler;
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  form?: (ids: Ids, criterionIds: string[]) => Record<string, string>;
  expect: Record<Role, number>;
  /** Roles that may see the applicant's email on this page. */
  contactFor?: readonly Role[];
  /** The page shows the email to those roles (not just may). */
  showsContact?: boolean;
}

const all = (status: number): Record<Role, number> => ({
  visitor: status,
  founder: status,
  judge: status,
  mentor: status,
  staff: status,
  admin: status,
});
const staffOnly = { visitor: 302, founder: 403, judge: 403, mentor: 403, staff: 200, admin: 200 };
const staffIds = (ids: Ids) => ({
  programmeId: ids.programmeId,
  applicationId: ids.applicationId,
  roundId: ids.roundId,
});

const PAGES: readonly Page[] = [
  {
    name: "GET /programmes",
    handler: programmesLoader as Handler,
    path: () => "/programmes",
    params: () => ({}),
    expect: all(200),
  },
  {
    name: "GET /programmes/:slug/apply",
    handler: applyLoader as Handler,
    path: (ids) => `/programmes/${ids.slug}/apply`,
    params: (ids) => ({ slug: ids.slug }),
    expect: all(200),
  },
  {
    name: "GET /programmes/:slug/applied",
    handler: appliedLoader as Handler,
    path: (ids) => `/programmes/${ids.slug}/applied`,
    params: (ids) => ({ slug: ids.slug }),
    expect: all(200),
  },
  {
    name: "GET /applications/:token (the applicant's link)",
    handler: applicantLoader as Handler,
    path: (ids) => `/applications/${ids.token}`,
    params: (ids) => ({ token: ids.token }),
    expect: all(200),
    contactFor: ROLES,
    showsContact: true,
  },
  {
    name: "GET /applications/:token (a made-up link)",
    handler: applicantLoader as Handler,
    path: () => `/applications/${newToken()}`,
    params: () => ({ token: newToken() }),
    expect: all(404),
  },
  ...(
    [
      ["GET /staff/programmes", staffProgrammesLoader, () => "/staff/programmes"],
      ["GET /staff/programmes/new", newProgrammeLoader, () => "/staff/programmes/new"],
      ["GET /staff/programmes/sectors", sectorsLoader, () => "/staff/programmes/sectors"],
      ["GET /staff/programmes/:id", programmeLoader, (ids: Ids) => `/staff/programmes/${ids.programmeId}`],
      [
        "GET /staff/programmes/:id/applications",
        applicationsLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/applications`,
      ],
      [
        "GET /staff/programmes/:id/applications/:id",
        applicationLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/applications/${ids.applicationId}`,
      ],
      ["GET /staff/programmes/:id/judging", roundsLoader, (ids: Ids) => `/staff/programmes/${ids.programmeId}/judging`],
      [
        "GET /staff/programmes/:id/judging/:round",
        roundLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/judging/${ids.roundId}`,
      ],
      [
        "GET /staff/programmes/:id/judging/:round/ranking",
        rankingLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/judging/${ids.roundId}/ranking`,
      ],
      [
        "GET /staff/programmes/:id/judging/:round/ranking.csv",
        csvLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/judging/${ids.roundId}/ranking.csv`,
      ],
      [
        "GET /staff/programmes/:id/judging/:round/applications/:id",
        sheetLoader,
        (ids: Ids) => `/staff/programmes/${ids.programmeId}/judging/${ids.roundId}/applications/${ids.applicationId}`,
      ],
    ] as const
  ).map(([name, handler, path]): Page => ({
    name,
    handler: handler as Handler,
    path,
    params: staffIds,
    expect: staffOnly,
    contactFor: ["staff", "admin"],
  })),
  {
    name: "GET the pitch (none uploaded)",
    handler: pitchLoader as Handler,
    path: (ids) => `/staff/programmes/${ids.programmeId}/applications/${ids.applicationId}/pitch`,
    params: staffIds,
    expect: { ...staffOnly, staff: 404, admin: 404 },
  },
  {
    name: "POST a stage move",
    handler: applicationAction as Handler,
    path: (ids) => `/staff/programmes/${ids.programmeId}/applications/${ids.applicationId}`,
    params: staffIds,
    form: () => ({ to: "finalist" }),
    // Staff's own moves are tested in applications.test.ts; here, only who is turned away.
    expect: { visitor: 302, founder: 403, judge: 403, mentor: 403, staff: 0, admin: 0 },
  },
  {
    name: "GET /judging",
    handler: judgingLoader as Handler,
    path: () => "/judging",
    params: () => ({}),
    expect: { visitor: 302, founder: 403, judge: 200, mentor: 200, staff: 200, admin: 200 },
  },
  {
    name: "GET /judging/:round/:application",
    handler: scoreLoader as Handler,
    path: (ids) => `/judging/${ids.roundId}/${ids.applicationId}`,
    params: (ids) => ({ roundId: ids.roundId, applicationId: ids.applicationId }),
    // Only the assigned judge: staff read scores on the staff pages (decision 008).
    expect: { visitor: 302, founder: 403, judge: 200, mentor: 404, staff: 404, admin: 404 },
  },
  {
    name: "GET /judging/:round/:application/pitch (none uploaded; judging-pitch.test.ts has one)",
    handler: judgePitchLoader as Handler,
    path: (ids) => `/judging/${ids.roundId}/${ids.applicationId}/pitch`,
    params: (ids) => ({ roundId: ids.roundId, applicationId: ids.applicationId }),
    expect: { visitor: 302, founder: 403, judge: 404, mentor: 404, staff: 404, admin: 404 },
  },
  {
    name: "POST a score sheet",
    handler: scoreAction as Handler,
    path: (ids) => `/judging/${ids.roundId}/${ids.applicationId}`,
    params: (ids) => ({ roundId: ids.roundId, applicationId: ids.applicationId }),
    form: (_ids, criterionIds) => ({
      intent: "score",
      comment: "Thử quyền",
      ...Object.fromEntries(criterionIds.map((id) => [`score-${id}`, "5"])),
    }),
    // The assigned judge's own sheet is tested in judging-scores.test.ts.
    expect: { visitor: 302, founder: 403, judge: 0, mentor: 404, staff: 404, admin: 404 },
  },
];

describe("every competition page, as every role", () => {
  it("answers each role as the table says, and shows the applicant's contact details to staff only", async () => {
    const programme = await createProgramme();
    await db()
      .updateTable("programme")
      .set({
        applications_open_at: new Date(Date.now() - 86_400_000),
        applications_close_at: new Date(Date.now() + 86_400_000),
      })
      .where("id", "=", programme.id)
      .execute();
    const email = `lien-he-${programme.slug}@test.example`;
    const application = await createApplication(programme.id, { email, status: "shortlisted" });
    const token = newToken();
    await db()
      .updateTable("application")
      .set({ edit_token_hash: hashToken(token) })
      .where("id", "=", application.id)
      .execute();
    const judge = await createUser("mentor");
    const { round, criteria } = await createRound(programme.id);
    await assign(round.id, judge.user.id, [application.id]);
    const ids: Ids = {
      programmeId: programme.id,
      slug: programme.slug,
      applicationId: application.id,
      roundId: round.id,
      token,
    };
    const criterionIds = criteria.map((c) => c.id);
    const cookies: Record<Role, string | undefined> = {
      visitor: undefined,
      founder: (await createUser("founder")).cookie,
      judge: judge.cookie,
      mentor: (await createUser("mentor")).cookie,
      staff: (await createUser("staff")).cookie,
      admin: (await createUser("admin")).cookie,
    };
    const state = async () => ({
      application: await db().selectFrom("application").selectAll().where("id", "=", application.id).executeTakeFirst(),
      scores: await db().selectFrom("judge_score").selectAll().where("application_id", "=", application.id).execute(),
    });

    for (const page of PAGES) {
      for (const role of ROLES) {
        if (page.expect[role] === 0) continue;
        const before = await state();
        const result = await call(page.handler, page.path(ids), {
          cookie: cookies[role],
          params: page.params(ids),
          form: page.form?.(ids, criterionIds),
        });
        const label = `${page.name} as ${role}`;
        expect(statusOf(result), label).toBe(page.expect[role]);
        if (page.expect[role] === 302) {
          expect((result as Response).headers.get("Location"), label).toMatch(/^\/sign-in\?redirectTo=/);
        }
        if (page.form) expect(await state(), label).toEqual(before);
        const body = result instanceof Response ? await result.clone().text() : JSON.stringify(dataOf(result));
        if (!(page.contactFor ?? []).includes(role)) expect(body, label).not.toContain(email);
        if (page.showsContact && page.contactFor?.includes(role)) expect(body, label).toContain(email);
      }
    }
  });
});
