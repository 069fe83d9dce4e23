// A judge scores the applications assigned to them, before the deadline, within each
// criterion's range, and may declare a conflict of interest; they see only their own work.
import { describe, expect, it } from "vitest";
import { action as scoreAction, loader as scoreLoader } from "~/routes/judging.$roundId.$applicationId";
import { loader as myJudgingLoader } from "~/routes/judging._index";
import { changeRubric } from "~/features/judging/save-criterion.server";
import { scoreApplication } from "~/features/judging/score-application.server";
import { loader as rankingLoader } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId.ranking";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { assign, createApplication, createProgramme, createRound } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Errors = { errors: Record<string, string> };

async function setUp(options: { closesAt?: Date } = {}) {
  const programme = await createProgramme();
  const application = await createApplication(programme.id, {
    teamName: "Mật ong bạc hà Mộc Châu",
    email: `lien-he-${Math.random().toString(36).slice(2, 8)}@test.example`,
    phone: "0988 765 432",
  });
  const { round, criteria } = await createRound(programme.id, {
    closesAt: options.closesAt,
    criteria: [
      { nameVi: "Tính đổi mới", nameEn: "Innovation", weight: 2, min: 0, max: 10 },
      { nameVi: "Đội ngũ", nameEn: "Team", weight: 1, min: 1, max: 5 },
    ],
  });
  const [innovation, team] = criteria as [(typeof criteria)[number], (typeof criteria)[number]];
  const judge = await createUser("mentor");
  await assign(round.id, judge.user.id, [application.id]);
  const params = { roundId: round.id, applicationId: application.id };
  const path = `/judging/${round.id}/${application.id}`;
  const post = (form: Record<string, string>, cookie = judge.cookie) =>
    call(scoreAction, path, { cookie, params, form });
  const scoresOf = (judgeId = judge.user.id) =>
    db()
      .selectFrom("judge_score")
      .select(["criterion_id", "score"])
      .where("round_id", "=", round.id)
      .where("judge_id", "=", judgeId)
      .orderBy("score")
      .execute();
  return { programme, application, round, innovation, team, judge, params, path, post, scoresOf };
}

describe("a judge's page", () => {
  it("lists the rounds and applications assigned to them, and nothing else", async () => {
    const mine = await setUp();
    const others = await setUp();
    const page = dataOf<Awaited<ReturnType<typeof myJudgingLoader>>>(
      await call(myJudgingLoader, "/judging", { cookie: mine.judge.cookie }),
    );
    expect(page.rounds.map((r) => [r.id, r.open, r.applications.map((a) => [a.id, a.state])])).toEqual([
      [mine.round.id, true, [[mine.application.id, "judging.state.pending"]]],
    ]);
    expect(JSON.stringify(page)).not.toContain(others.application.id);
    expect(page.programmes).toEqual([]);
  });

  it("shows the application without the applicants' contact details", async () => {
    const { application, judge, params, path } = await setUp();
    const page = dataOf<Awaited<ReturnType<typeof scoreLoader>>>(
      await call(scoreLoader, path, { cookie: judge.cookie, params }),
    );
    expect(page.application).toMatchObject({
      team_name: "Mật ong bạc hà Mộc Châu",
      place: "Mộc Châu",
      jobs_expected: 12,
    });
    const body = JSON.stringify(page);
    expect(body).not.toContain(application.contact_email);
    expect(body).not.toContain("0988 765 432");
    expect(body).not.toContain("Lò Thị Sáng Lập");
  });
});

describe("scoring", () => {
  it("saves a score for every criterion and a comment, and lets the judge change them before the deadline", async () => {
    const { innovation, team, post, scoresOf, judge, round, application, params, path } = await setUp();
    const first = await post({
      [`score-${innovation.id}`]: "8",
      [`score-${team.id}`]: "4",
      comment: "Ý tưởng tốt, cần thêm số liệu thị trường.",
    });
    expect(statusOf(first)).toBe(302);
    expect((first as Response).headers.get("Location")).toBe(`${path}?saved=1`);
    expect(await scoresOf()).toEqual([
      { criterion_id: team.id, score: 4 },
      { criterion_id: innovation.id, score: 8 },
    ]);
    expect(
      statusOf(await post({ [`score-${innovation.id}`]: "9", [`score-${team.id}`]: "5", comment: "Đã xem lại." })),
    ).toBe(302);
    expect(await scoresOf()).toEqual([
      { criterion_id: team.id, score: 5 },
      { criterion_id: innovation.id, score: 9 },
    ]);
    const assignment = await db()
      .selectFrom("judge_assignment")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("judge_id", "=", judge.user.id)
      .where("application_id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(assignment.comment).toBe("Đã xem lại.");
    expect(assignment.scored_at).not.toBeNull();
    const page = dataOf<Awaited<ReturnType<typeof scoreLoader>>>(
      await call(scoreLoader, path, { cookie: judge.cookie, params }),
    );
    expect(page.scores).toEqual({ [innovation.id]: 9, [team.id]: 5 });
  });

  it("refuses a score outside a criterion's range with 400 naming that criterion, and changes nothing", async () => {
    const { innovation, team, post, scoresOf } = await setUp();
    await post({ [`score-${innovation.id}`]: "6", [`score-${team.id}`]: "3" });
    const result = await post({ [`score-${innovation.id}`]: "11", [`score-${team.id}`]: "3" });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Errors>(result).errors).toEqual({ [`score-${innovation.id}`]: "judging.error.outOfRange" });
    const low = await post({ [`score-${innovation.id}`]: "6", [`score-${team.id}`]: "0" });
    expect(dataOf<Errors>(low).errors).toEqual({ [`score-${team.id}`]: "judging.error.outOfRange" });
    expect(await scoresOf()).toEqual([
      { criterion_id: team.id, score: 3 },
      { criterion_id: innovation.id, score: 6 },
    ]);
  });

  it("requires every criterion (no partial scores) and whole numbers", async () => {
    const { innovation, team, post, scoresOf } = await setUp();
    const partial = await post({ [`score-${innovation.id}`]: "7" });
    expect(statusOf(partial)).toBe(400);
    expect(dataOf<Errors>(partial).errors).toEqual({ [`score-${team.id}`]: "judging.error.scoreRequired" });
    const decimal = await post({ [`score-${innovation.id}`]: "7,5", [`score-${team.id}`]: "3" });
    expect(dataOf<Errors>(decimal).errors).toEqual({ [`score-${innovation.id}`]: "judging.error.wholeNumber" });
    expect(await scoresOf()).toEqual([]);
  });

  it("refuses scores after the round's deadline (403) and changes nothing", async () => {
    const { innovation, team, post, scoresOf, judge, params, path } = await setUp({
      closesAt: new Date(Date.now() - 60_000),
    });
    const result = await post({ [`score-${innovation.id}`]: "7", [`score-${team.id}`]: "3" });
    expect(statusOf(result)).toBe(403);
    expect(dataOf<Errors>(result).errors).toEqual({ _form: "judging.score.closed" });
    expect(await scoresOf()).toEqual([]);
    const page = dataOf<Awaited<ReturnType<typeof scoreLoader>>>(
      await call(scoreLoader, path, { cookie: judge.cookie, params }),
    );
    expect(page.open).toBe(false);
    const conflict = await post({ intent: "conflict", note: "Quá hạn" });
    expect(statusOf(conflict)).toBe(403);
  });
});

describe("a conflict of interest", () => {
  it("requires a note, then excludes the judge's scores from the ranking and stops them scoring (409)", async () => {
    const { programme, round, application, innovation, team, post, scoresOf, judge } = await setUp();
    const other = await createUser("mentor");
    await assign(round.id, other.user.id, [application.id]);
    await post({ [`score-${innovation.id}`]: "10", [`score-${team.id}`]: "5" });
    await post({ [`score-${innovation.id}`]: "4", [`score-${team.id}`]: "1" }, other.cookie);

    const noNote = await post({ intent: "conflict", note: "  " });
    expect(statusOf(noNote)).toBe(400);
    expect(dataOf<Errors>(noNote).errors).toEqual({ note: "form.required" });

    expect(statusOf(await post({ intent: "conflict", note: "Tôi là nhà đầu tư thiên thần của nhóm." }))).toBe(302);
    const refused = await post({ [`score-${innovation.id}`]: "9", [`score-${team.id}`]: "5" });
    expect(statusOf(refused)).toBe(409);
    expect(dataOf<Errors>(refused).errors).toEqual({ _form: "judging.score.conflictDeclared" });
    expect((await scoresOf()).map((s) => s.score)).toEqual([5, 10]);

    const staff = await createUser("staff");
    const ranking = dataOf<Awaited<ReturnType<typeof rankingLoader>>>(
      await call(rankingLoader, "/ranking", {
        cookie: staff.cookie,
        params: { programmeId: programme.id, roundId: round.id },
      }),
    );
    // Only the other judge counts: (2·4 + 1·1) / 3 = 3.
    expect(ranking.ranking.rows).toHaveLength(1);
    expect(ranking.ranking.rows[0]).toMatchObject({ average: 3, spread: 0, scored: 1, expected: 1, conflicts: 1 });
    const mine = ranking.ranking.rows[0]?.judges.find((j) => j.judgeId === judge.user.id);
    expect(mine).toEqual({ judgeId: judge.user.id, weighted: null, conflict: true });
  });
});

describe("what a judge may read", () => {
  it("answers 404 for an application not assigned to them: another judge's scores cannot be reached", async () => {
    const { judge, innovation, team, post, params, path, scoresOf } = await setUp();
    await post({ [`score-${innovation.id}`]: "8", [`score-${team.id}`]: "4" });
    const stranger = await createUser("mentor");
    expect(statusOf(await call(scoreLoader, path, { cookie: stranger.cookie, params }))).toBe(404);
    const write = await post({ [`score-${innovation.id}`]: "1", [`score-${team.id}`]: "1" }, stranger.cookie);
    expect(statusOf(write)).toBe(404);
    expect((await scoresOf()).map((s) => s.score)).toEqual([4, 8]);
    expect(await scoresOf(stranger.user.id)).toEqual([]);
    // Staff not assigned read scores on the staff pages, not here.
    const staff = await createUser("staff");
    expect(statusOf(await call(scoreLoader, path, { cookie: staff.cookie, params }))).toBe(404);
    // The judge's own page shows only their own scores.
    const page = dataOf<Awaited<ReturnType<typeof scoreLoader>>>(
      await call(scoreLoader, path, { cookie: judge.cookie, params }),
    );
    expect(Object.values(page.scores).sort()).toEqual([4, 8]);
  });

  it("sends visitors to sign in and refuses founders (403)", async () => {
    const { params, path, innovation, team } = await setUp();
    const visitor = (await call(scoreLoader, path, { params })) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    const founder = await createUser("founder");
    expect(statusOf(await call(scoreLoader, path, { cookie: founder.cookie, params }))).toBe(403);
    expect(statusOf(await call(myJudgingLoader, "/judging", { cookie: founder.cookie }))).toBe(403);
    const posted = await call(scoreAction, path, {
      cookie: founder.cookie,
      params,
      form: { [`score-${innovation.id}`]: "8", [`score-${team.id}`]: "4" },
    });
    expect(statusOf(posted)).toBe(403);
  });

  it("answers 404 for malformed or unknown ids", async () => {
    const { judge, round } = await setUp();
    for (const params of [
      { roundId: "x", applicationId: "y" },
      { roundId: round.id, applicationId: "00000000-0000-4000-8000-000000000000" },
    ]) {
      expect(statusOf(await call(scoreLoader, "/judging/x/y", { cookie: judge.cookie, params }))).toBe(404);
    }
  });
});

describe("a rubric edit racing a score sheet", () => {
  it("never lets both through: the sheet is scored on the rubric it was checked against", async () => {
    for (let i = 0; i < 10; i++) {
      const { round, innovation, team, judge, application } = await setUp();
      const key = { roundId: round.id, judgeId: judge.user.id, applicationId: application.id };
      const [scored, edited] = await Promise.all([
        scoreApplication(db(), key, {
          scores: { [innovation.id]: "7", [team.id]: "3" },
          comment: "",
          now: new Date(),
        }),
        changeRubric(db(), round.id, {
          kind: "add",
          form: { nameVi: "Thị trường", nameEn: "Market", weight: 1, minScore: 0, maxScore: 10 },
        }),
      ]);
      // Either the sheet came first (the rubric is then frozen) or the new criterion did (the
      // sheet then lacks a score for it and is refused).
      expect([scored.ok, edited.ok]).not.toEqual([true, true]);
      expect([scored.ok, edited.ok]).not.toEqual([false, false]);
      const criteria = await db()
        .selectFrom("rubric_criterion")
        .select("id")
        .where("round_id", "=", round.id)
        .execute();
      const scores = await db()
        .selectFrom("judge_score")
        .select("criterion_id")
        .where("round_id", "=", round.id)
        .execute();
      expect(criteria.length).toBe(scored.ok ? 2 : 3);
      expect(scores.length).toBe(scored.ok ? 2 : 0);
    }
  });
});
