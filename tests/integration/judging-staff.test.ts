// Staff run the judging of a programme: rounds, the rubric, judges' assignments, the ranking
// and its CSV export; and nobody else may.
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as roundsAction,
  loader as roundsLoader,
} from "~/routes/staff.programmes_.$programmeId_.judging._index";
import {
  action as roundAction,
  loader as roundLoader,
} from "~/routes/staff.programmes_.$programmeId_.judging.$roundId._index";
import { loader as rankingLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.ranking";
import { loader as csvLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.ranking[.csv]";
import { loader as scoresLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.applications.$applicationId";
import { seedDemoData } from "#db/seed/demo.server";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { assign, createApplication, createProgramme, createRound } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

let staff: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  staff = await createUser("staff");
});

const roundPath = (programmeId: string, roundId: string) => `/staff/programmes/${programmeId}/judging/${roundId}`;

async function scoreDirectly(roundId: string, judgeId: string, applicationId: string, scores: Record<string, number>) {
  await db()
    .insertInto("judge_score")
    .values(
      Object.entries(scores).map(([criterionId, score]) => ({
        round_id: roundId,
        judge_id: judgeId,
        application_id: applicationId,
        criterion_id: criterionId,
        score,
      })),
    )
    .execute();
  await db()
    .updateTable("judge_assignment")
    .set({ scored_at: new Date() })
    .where("round_id", "=", roundId)
    .where("judge_id", "=", judgeId)
    .where("application_id", "=", applicationId)
    .execute();
}

describe("judging rounds", () => {
  it("staff create a round whose deadline is entered as dd/MM/yyyy HH:mm in Vietnam time", async () => {
    const programme = await createProgramme();
    const result = await call(roundsAction, `/staff/programmes/${programme.id}/judging`, {
      cookie: staff.cookie,
      params: { programmeId: programme.id },
      form: { nameVi: "Vòng chung khảo", nameEn: "Final round", scoringClosesAt: "15/12/2026 17:00" },
    });
    expect(statusOf(result)).toBe(302);
    const round = await db()
      .selectFrom("judging_round")
      .selectAll()
      .where("programme_id", "=", programme.id)
      .executeTakeFirstOrThrow();
    expect((result as Response).headers.get("Location")).toBe(`${roundPath(programme.id, round.id)}?created=1`);
    expect(round.scoring_closes_at.toISOString()).toBe("2026-12-15T10:00:00.000Z");

    const page = dataOf<Awaited<ReturnType<typeof roundsLoader>>>(
      await call(roundsLoader, `/staff/programmes/${programme.id}/judging`, {
        cookie: staff.cookie,
        params: { programmeId: programme.id },
      }),
    );
    expect(page.rounds.map((r) => r.name_vi)).toEqual(["Vòng chung khảo"]);
  });

  it("refuses a deadline that is not a real dd/MM/yyyy HH:mm, and a missing name, creating nothing", async () => {
    const programme = await createProgramme();
    const result = await call(roundsAction, `/staff/programmes/${programme.id}/judging`, {
      cookie: staff.cookie,
      params: { programmeId: programme.id },
      form: { nameVi: "Vòng 1", nameEn: "Round 1", scoringClosesAt: "31/02/2026 17:00" },
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(result).errors).toEqual({
      scoringClosesAt: "judging.error.dateTime",
    });
    const missing = await call(roundsAction, `/staff/programmes/${programme.id}/judging`, {
      cookie: staff.cookie,
      params: { programmeId: programme.id },
      form: { nameVi: " ", nameEn: "Round 1", scoringClosesAt: "15/12/2026 17:00" },
    });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(missing).errors).toEqual({ nameVi: "form.required" });
    const rounds = await db()
      .selectFrom("judging_round")
      .select("id")
      .where("programme_id", "=", programme.id)
      .execute();
    expect(rounds).toHaveLength(0);
  });

  it("moves the deadline of an existing round", async () => {
    const programme = await createProgramme();
    const { round } = await createRound(programme.id);
    const result = await call(roundAction, roundPath(programme.id, round.id), {
      cookie: staff.cookie,
      params: { programmeId: programme.id, roundId: round.id },
      form: { intent: "round", nameVi: "Vòng sơ khảo", nameEn: "First round", scoringClosesAt: "20/12/2026 08:30" },
    });
    expect(statusOf(result)).toBe(302);
    const saved = await db()
      .selectFrom("judging_round")
      .selectAll()
      .where("id", "=", round.id)
      .executeTakeFirstOrThrow();
    expect(saved.scoring_closes_at.toISOString()).toBe("2026-12-20T01:30:00.000Z");
    expect(saved.name_en).toBe("First round");
  });
});

describe("the rubric", () => {
  it("takes criteria with a weight above zero and a range whose top is above its bottom", async () => {
    const programme = await createProgramme();
    const { round } = await createRound(programme.id);
    const params = { programmeId: programme.id, roundId: round.id };
    const added = await call(roundAction, roundPath(programme.id, round.id), {
      cookie: staff.cookie,
      params,
      form: {
        intent: "add-criterion",
        nameVi: "Tính đổi mới",
        nameEn: "Innovation",
        weight: "1,5",
        minScore: "1",
        maxScore: "5",
      },
    });
    expect(statusOf(added)).toBe(302);

    const badWeight = await call(roundAction, roundPath(programme.id, round.id), {
      cookie: staff.cookie,
      params,
      form: {
        intent: "add-criterion",
        nameVi: "Thị trường",
        nameEn: "Market",
        weight: "0",
        minScore: "0",
        maxScore: "10",
      },
    });
    expect(statusOf(badWeight)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(badWeight).errors).toEqual({ weight: "judging.error.weight" });

    const badRange = await call(roundAction, roundPath(programme.id, round.id), {
      cookie: staff.cookie,
      params,
      form: {
        intent: "add-criterion",
        nameVi: "Thị trường",
        nameEn: "Market",
        weight: "1",
        minScore: "10",
        maxScore: "10",
      },
    });
    expect(statusOf(badRange)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(badRange).errors).toEqual({ maxScore: "judging.error.range" });

    const page = dataOf<Awaited<ReturnType<typeof roundLoader>>>(
      await call(roundLoader, roundPath(programme.id, round.id), { cookie: staff.cookie, params }),
    );
    expect(page.criteria.map((c) => [c.name_vi, c.weight, c.min_score, c.max_score])).toEqual([
      ["Tính đổi mới", 1.5, 1, 5],
    ]);
    expect(page.rubricFrozen).toBe(false);
  });

  it("edits and removes criteria while nobody has scored, and refuses with 409 once someone has", async () => {
    const programme = await createProgramme();
    const application = await createApplication(programme.id);
    const judge = await createUser("mentor");
    const { round, criteria } = await createRound(programme.id, {
      criteria: [
        { nameVi: "Ý tưởng", weight: 2 },
        { nameVi: "Đội ngũ", weight: 1 },
      ],
    });
    const [idea, team] = criteria;
    if (!idea || !team) throw new Error("criteria missing");
    const params = { programmeId: programme.id, roundId: round.id };
    const edit = (form: Record<string, string>) =>
      call(roundAction, roundPath(programme.id, round.id), { cookie: staff.cookie, params, form });

    expect(
      statusOf(
        await edit({
          intent: "update-criterion",
          criterionId: idea.id,
          nameVi: "Ý tưởng sáng tạo",
          nameEn: "Idea",
          weight: "3",
          minScore: "0",
          maxScore: "10",
        }),
      ),
    ).toBe(302);
    expect(statusOf(await edit({ intent: "remove-criterion", criterionId: team.id }))).toBe(302);

    await assign(round.id, judge.user.id, [application.id]);
    await scoreDirectly(round.id, judge.user.id, application.id, { [idea.id]: 8 });

    const refusedEdit = await edit({
      intent: "update-criterion",
      criterionId: idea.id,
      nameVi: "Ý tưởng",
      nameEn: "Idea",
      weight: "1",
      minScore: "0",
      maxScore: "5",
    });
    expect(statusOf(refusedEdit)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(refusedEdit).errors).toEqual({ _form: "judging.rubric.frozen" });
    expect(statusOf(await edit({ intent: "remove-criterion", criterionId: idea.id }))).toBe(409);
    expect(
      statusOf(
        await edit({
          intent: "add-criterion",
          nameVi: "Mới",
          nameEn: "New",
          weight: "1",
          minScore: "0",
          maxScore: "10",
        }),
      ),
    ).toBe(409);

    const rubric = await db().selectFrom("rubric_criterion").selectAll().where("round_id", "=", round.id).execute();
    expect(rubric.map((c) => [c.name_vi, Number(c.weight), c.max_score])).toEqual([["Ý tưởng sáng tạo", 3, 10]]);
  });
});

describe("assigning judges", () => {
  it("assigns one judge to the selected applications in bulk, and lists the applications of a stage", async () => {
    const programme = await createProgramme();
    const shortlisted = [
      await createApplication(programme.id, { status: "shortlisted" }),
      await createApplication(programme.id, { status: "shortlisted" }),
    ];
    const submitted = await createApplication(programme.id, { status: "submitted" });
    const judge = await createUser("mentor");
    const { round } = await createRound(programme.id);
    const params = { programmeId: programme.id, roundId: round.id };

    const page = dataOf<Awaited<ReturnType<typeof roundLoader>>>(
      await call(roundLoader, `${roundPath(programme.id, round.id)}?status=shortlisted`, {
        cookie: staff.cookie,
        params,
      }),
    );
    expect(page.applications.map((a) => a.id).sort()).toEqual(shortlisted.map((a) => a.id).sort());
    expect(page.candidates.map((c) => c.id)).toContain(judge.user.id);

    const result = await call(roundAction, roundPath(programme.id, round.id), {
      cookie: staff.cookie,
      params,
      form: { intent: "assign", judgeId: judge.user.id, applicationIds: shortlisted.map((a) => a.id) },
    });
    expect(statusOf(result)).toBe(302);
    const rows = await db()
      .selectFrom("judge_assignment")
      .select("application_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(rows.map((r) => r.application_id).sort()).toEqual(shortlisted.map((a) => a.id).sort());
    expect(rows.map((r) => r.application_id)).not.toContain(submitted.id);
  });

  it("refuses a founder as judge, an application of another programme, or no application at all", async () => {
    const programme = await createProgramme();
    const other = await createProgramme();
    const mine = await createApplication(programme.id);
    const theirs = await createApplication(other.id);
    const founder = await createUser("founder");
    const judge = await createUser("mentor");
    const { round } = await createRound(programme.id);
    const params = { programmeId: programme.id, roundId: round.id };
    const post = (form: Record<string, string | string[]>) =>
      call(roundAction, roundPath(programme.id, round.id), { cookie: staff.cookie, params, form });

    const asFounder = await post({ intent: "assign", judgeId: founder.user.id, applicationIds: [mine.id] });
    expect(statusOf(asFounder)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(asFounder).errors).toEqual({
      judgeId: "judging.error.chooseJudge",
    });

    const mixed = await post({ intent: "assign", judgeId: judge.user.id, applicationIds: [mine.id, theirs.id] });
    expect(statusOf(mixed)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(mixed).errors).toEqual({
      applicationIds: "judging.error.chooseApplications",
    });

    const none = await post({ intent: "assign", judgeId: judge.user.id });
    expect(statusOf(none)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(none).errors).toEqual({
      applicationIds: "judging.error.chooseApplications",
    });

    const rows = await db()
      .selectFrom("judge_assignment")
      .select("application_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("removes an assignment not yet scored, and keeps one that has scores (409)", async () => {
    const programme = await createProgramme();
    const [a, b] = [await createApplication(programme.id), await createApplication(programme.id)];
    const judge = await createUser("mentor");
    const { round, criteria } = await createRound(programme.id, { criteria: [{ nameVi: "Ý tưởng", weight: 1 }] });
    await assign(round.id, judge.user.id, [a.id, b.id]);
    await scoreDirectly(round.id, judge.user.id, b.id, { [criteria[0]!.id]: 7 });
    const params = { programmeId: programme.id, roundId: round.id };
    const remove = (applicationId: string) =>
      call(roundAction, roundPath(programme.id, round.id), {
        cookie: staff.cookie,
        params,
        form: { intent: "unassign", judgeId: judge.user.id, applicationId },
      });

    expect(statusOf(await remove(a.id))).toBe(302);
    const kept = await remove(b.id);
    expect(statusOf(kept)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(kept).errors).toEqual({ _form: "judging.assign.scoredKept" });
    const rows = await db()
      .selectFrom("judge_assignment")
      .select("application_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(rows.map((r) => r.application_id)).toEqual([b.id]);
  });
});

describe("the ranking", () => {
  async function scoredRound() {
    const programme = await createProgramme();
    const strong = await createApplication(programme.id, { teamName: "Chè Shan Tuyết Tà Xùa" });
    const mid = await createApplication(programme.id, { teamName: "Cà phê Thuận Châu" });
    const waiting = await createApplication(programme.id, { teamName: "Dệt thổ cẩm Mường La" });
    const [j1, j2, j3] = [
      await createUser("mentor", { name: "Giám khảo An" }),
      await createUser("mentor", { name: "Giám khảo Bình" }),
      await createUser("staff", { name: "Giám khảo Cường" }),
    ];
    const { round, criteria } = await createRound(programme.id, {
      criteria: [
        { nameVi: "Ý tưởng", weight: 2 },
        { nameVi: "Đội ngũ", weight: 1 },
      ],
    });
    const [idea, team] = criteria.map((c) => c.id) as [string, string];
    await assign(round.id, j1.user.id, [strong.id, mid.id, waiting.id]);
    await assign(round.id, j2.user.id, [strong.id, mid.id]);
    await assign(round.id, j3.user.id, [strong.id]);
    // strong: j1 (9,6) → 8; j2 (7,7) → 7; j3 declared a conflict after giving 10s.
    await scoreDirectly(round.id, j1.user.id, strong.id, { [idea]: 9, [team]: 6 });
    await scoreDirectly(round.id, j2.user.id, strong.id, { [idea]: 7, [team]: 7 });
    await scoreDirectly(round.id, j3.user.id, strong.id, { [idea]: 10, [team]: 10 });
    await db()
      .updateTable("judge_assignment")
      .set({ conflict_declared_at: new Date(), conflict_note: "Anh họ của trưởng nhóm" })
      .where("round_id", "=", round.id)
      .where("judge_id", "=", j3.user.id)
      .execute();
    // mid: j1 (5,5) → 5; j2 has not scored.
    await scoreDirectly(round.id, j1.user.id, mid.id, { [idea]: 5, [team]: 5 });
    return { programme, round, strong, mid, waiting, judges: [j1, j2, j3] };
  }

  it("ranks by the mean of judges' weighted scores without conflicts, with spread and counts", async () => {
    const { programme, round, strong, mid, waiting } = await scoredRound();
    const page = dataOf<Awaited<ReturnType<typeof rankingLoader>>>(
      await call(rankingLoader, `${roundPath(programme.id, round.id)}/ranking`, {
        cookie: staff.cookie,
        params: { programmeId: programme.id, roundId: round.id },
      }),
    );
    expect(
      page.ranking.rows.map((r) => [r.applicationId, r.rank, r.average, r.spread, r.scored, r.expected, r.conflicts]),
    ).toEqual([
      [strong.id, 1, 7.5, 1, 2, 2, 1],
      [mid.id, 2, 5, 0, 1, 2, 0],
      [waiting.id, null, null, null, 0, 1, 0],
    ]);
  });

  it("exports a CSV for Excel: BOM, headers and numbers in the reader's language, a column per judge", async () => {
    const { programme, round } = await scoredRound();
    const path = `${roundPath(programme.id, round.id)}/ranking.csv`;
    const params = { programmeId: programme.id, roundId: round.id };
    const response = (await call(csvLoader, path, { cookie: staff.cookie, params })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(
      "Hạng;Nhóm;Lĩnh vực;Trạng thái;Điểm trung bình;Độ chênh;Số giám khảo đã chấm;Số giám khảo được phân công;Xung đột lợi ích;Giám khảo An;Giám khảo Bình;Giám khảo Cường",
    );
    expect(lines[1]).toBe(
      '1;Chè Shan Tuyết Tà Xùa;Lĩnh vực test-agri;Vào vòng sơ tuyển;"7,50";"1,00";2;2;1;"8,00";"7,00";Xung đột lợi ích',
    );
    expect(lines[2]).toBe('2;Cà phê Thuận Châu;Lĩnh vực test-agri;Vào vòng sơ tuyển;"5,00";"0,00";1;2;0;"5,00";;');
    expect(lines[3]).toBe(";Dệt thổ cẩm Mường La;Lĩnh vực test-agri;Vào vòng sơ tuyển;;;0;1;0;;;");

    await db().updateTable("app_user").set({ locale: "en" }).where("id", "=", staff.user.id).execute();
    try {
      const english = await ((await call(csvLoader, path, { cookie: staff.cookie, params })) as Response).text();
      const [header, first] = english.replace(/^\uFEFF/, "").split("\r\n");
      expect(header).toBe(
        "Rank,Team,Sector,Status,Average,Spread,Judges scored,Judges assigned,Conflicts of interest,Giám khảo An,Giám khảo Bình,Giám khảo Cường",
      );
      expect(first).toBe(
        "1,Chè Shan Tuyết Tà Xùa,Sector test-agri,Shortlisted,7.50,1.00,2,2,1,8.00,7.00,Conflict of interest",
      );
    } finally {
      await db().updateTable("app_user").set({ locale: "vi" }).where("id", "=", staff.user.id).execute();
    }
  });

  it("shows staff every judge's scores, comments and conflict notes of one application", async () => {
    const { programme, round, strong, judges } = await scoredRound();
    const page = dataOf<Awaited<ReturnType<typeof scoresLoader>>>(
      await call(scoresLoader, `${roundPath(programme.id, round.id)}/applications/${strong.id}`, {
        cookie: staff.cookie,
        params: { programmeId: programme.id, roundId: round.id, applicationId: strong.id },
      }),
    );
    expect(page.judges.map((j) => [j.judge_name, j.weighted, j.conflict_note])).toEqual([
      [judges[0]!.user.name, 8, null],
      [judges[1]!.user.name, 7, null],
      [judges[2]!.user.name, 10, "Anh họ của trưởng nhóm"],
    ]);
  });
});

describe("who may run judging", () => {
  it("sends visitors to sign in and refuses founders and mentors (403) on every staff page", async () => {
    const programme = await createProgramme();
    const application = await createApplication(programme.id);
    const { round } = await createRound(programme.id);
    const params = { programmeId: programme.id, roundId: round.id, applicationId: application.id };
    const base = roundPath(programme.id, round.id);
    const pages = [
      [roundsLoader, `/staff/programmes/${programme.id}/judging`],
      [roundLoader, base],
      [rankingLoader, `${base}/ranking`],
      [csvLoader, `${base}/ranking.csv`],
      [scoresLoader, `${base}/applications/${application.id}`],
    ] as const;
    const founder = await createUser("founder");
    const mentor = await createUser("mentor");
    for (const [loader, path] of pages) {
      const visitor = (await call(loader, path, { params })) as Response;
      expect(visitor.status, path).toBe(302);
      expect(visitor.headers.get("Location"), path).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
      expect(statusOf(await call(loader, path, { params, cookie: founder.cookie })), path).toBe(403);
      expect(statusOf(await call(loader, path, { params, cookie: mentor.cookie })), path).toBe(403);
    }
    const post = await call(roundAction, base, {
      params,
      cookie: mentor.cookie,
      form: { intent: "assign", judgeId: mentor.user.id, applicationIds: [application.id] },
    });
    expect(statusOf(post)).toBe(403);
    expect(
      await db().selectFrom("judge_assignment").select("judge_id").where("round_id", "=", round.id).execute(),
    ).toEqual([]);
  });

  it("answers 404 for an unknown programme, a malformed id, or a round of another programme", async () => {
    const programme = await createProgramme();
    const other = await createProgramme();
    const { round } = await createRound(other.id);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(statusOf(await call(roundsLoader, "/x", { cookie: staff.cookie, params: { programmeId: unknown } }))).toBe(
      404,
    );
    expect(statusOf(await call(roundsLoader, "/x", { cookie: staff.cookie, params: { programmeId: "nope" } }))).toBe(
      404,
    );
    expect(
      statusOf(
        await call(roundLoader, "/x", {
          cookie: staff.cookie,
          params: { programmeId: programme.id, roundId: round.id },
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(csvLoader, "/x", { cookie: staff.cookie, params: { programmeId: programme.id, roundId: round.id } }),
      ),
    ).toBe(404);
  });
});

describe("the demo judging", () => {
  it("ranks the 2025 edition's first round and gives the demo mentor the 2026 applications to score", async () => {
    const programmes = await db().selectFrom("programme").select(["id", "slug"]).execute();
    const edition2025 = programmes.find((p) => p.slug === "tim-kiem-tai-nang-2025")!;
    const round = await db()
      .selectFrom("judging_round")
      .selectAll()
      .where("programme_id", "=", edition2025.id)
      .executeTakeFirstOrThrow();
    const page = dataOf<Awaited<ReturnType<typeof rankingLoader>>>(
      await call(rankingLoader, "/ranking", {
        cookie: staff.cookie,
        params: { programmeId: edition2025.id, roundId: round.id },
      }),
    );
    expect(page.ranking.rows.map((r) => [r.teamName, r.rank, r.average, r.scored])).toEqual([
      ["Mận Hậu Mộc Châu Xanh", 1, expect.closeTo(7.8, 6), 2],
      ["Thổ cẩm Mường La", 2, expect.closeTo(6.25, 6), 2],
    ]);

    const mentor = await db()
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", "covan@demo.sonla.vn")
      .executeTakeFirstOrThrow();
    const open = await db()
      .selectFrom("judge_assignment as ja")
      .innerJoin("judging_round as r", "r.id", "ja.round_id")
      .select(["ja.scored_at", "r.scoring_closes_at"])
      .where("ja.judge_id", "=", mentor.id)
      .where("r.scoring_closes_at", ">", new Date("2026-11-26T00:00:00Z"))
      .execute();
    expect(open).toHaveLength(2);
    expect(open.every((a) => a.scored_at === null)).toBe(true);
  });

  it("seeding again changes nothing", async () => {
    const count = async () =>
      Promise.all(
        (["judging_round", "rubric_criterion", "judge_assignment", "judge_score"] as const).map(async (table) =>
          Number((await db().selectFrom(table).select(db().fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
        ),
      );
    const before = await count();
    await seedDemoData(db());
    expect(await count()).toEqual(before);
  });
});
