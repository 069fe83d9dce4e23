import { describe, expect, it } from "vitest";
import {
  checkScores,
  formatScore,
  isScoringOpen,
  mean,
  parseLocalDateTime,
  parseWeight,
  rankApplications,
  spread,
  toCsv,
  weightedScore,
} from "~/features/judging/rules";

const ZONE = "Asia/Ho_Chi_Minh";
const criteria = [
  { id: "idea", weight: 2, minScore: 0, maxScore: 10 },
  { id: "team", weight: 1, minScore: 1, maxScore: 5 },
];

describe("the deadline of a round", () => {
  it("reads dd/MM/yyyy HH:mm as Vietnam time", () => {
    expect(parseLocalDateTime("15/12/2026 17:00", ZONE)?.toISOString()).toBe("2026-12-15T10:00:00.000Z");
    expect(parseLocalDateTime(" 01/01/2027  00:00 ", ZONE)?.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(parseLocalDateTime("2026-12-15T17:00", ZONE)?.toISOString()).toBe("2026-12-15T10:00:00.000Z");
  });

  it("refuses dates that do not exist or are written another way", () => {
    for (const bad of [
      "31/02/2026 10:00",
      "15/12/2026 24:00",
      "12/15/2026 10:00",
      "15/12/2026",
      "15-12-2026 10:00",
      "",
    ]) {
      expect(parseLocalDateTime(bad, ZONE), bad).toBeNull();
    }
  });

  it("is open until the instant it closes, not at it", () => {
    const closes = new Date("2026-12-15T10:00:00Z");
    expect(isScoringOpen(closes, new Date("2026-12-15T09:59:59.999Z"))).toBe(true);
    expect(isScoringOpen(closes, closes)).toBe(false);
    expect(isScoringOpen(closes, new Date("2026-12-16T00:00:00Z"))).toBe(false);
  });
});

describe("a judge's scores", () => {
  it("are accepted when every criterion has a whole number within its range, bounds included", () => {
    expect(checkScores(criteria, { idea: "0", team: "5" })).toEqual({
      ok: true,
      scores: [
        { criterionId: "idea", score: 0 },
        { criterionId: "team", score: 5 },
      ],
    });
  });

  it("name each criterion that is out of range, missing or not a whole number", () => {
    expect(checkScores(criteria, { idea: "11", team: "0" })).toEqual({
      ok: false,
      errors: { idea: "judging.error.outOfRange", team: "judging.error.outOfRange" },
    });
    expect(checkScores(criteria, { idea: "7" })).toEqual({
      ok: false,
      errors: { team: "judging.error.scoreRequired" },
    });
    expect(checkScores(criteria, { idea: "7.5", team: "abc" })).toEqual({
      ok: false,
      errors: { idea: "judging.error.wholeNumber", team: "judging.error.wholeNumber" },
    });
  });

  it("ignore fields that are not criteria of the rubric", () => {
    const result = checkScores(criteria, { idea: "8", team: "4", other: "99" });
    expect(result.ok && result.scores.map((s) => s.criterionId)).toEqual(["idea", "team"]);
  });
});

describe("weighted score, mean and spread", () => {
  it("weigh each criterion: Σ weight·score / Σ weight", () => {
    expect(
      weightedScore(
        criteria,
        new Map([
          ["idea", 8],
          ["team", 5],
        ]),
      ),
    ).toBeCloseTo(7);
    expect(
      weightedScore(
        [
          { id: "a", weight: 1.5 },
          { id: "b", weight: 0.5 },
        ],
        new Map([
          ["a", 10],
          ["b", 2],
        ]),
      ),
    ).toBeCloseTo(8);
  });

  it("are null while a criterion is unscored or there is no rubric", () => {
    expect(weightedScore(criteria, new Map([["idea", 8]]))).toBeNull();
    expect(weightedScore([], new Map())).toBeNull();
  });

  it("mean and spread of judges' scores", () => {
    expect(mean([6, 8, 7])).toBe(7);
    expect(spread([6, 8.5, 7])).toBe(2.5);
    expect(mean([])).toBeNull();
    expect(spread([])).toBeNull();
    expect(spread([4])).toBe(0);
  });
});

describe("the ranking", () => {
  const oneCriterion = [{ id: "c", weight: 1 }];
  const score = (applicationId: string, judgeId: string, value: number) => ({
    applicationId,
    judgeId,
    criterionId: "c",
    score: value,
  });
  const assignment = (applicationId: string, judgeId: string, conflict = false, scored = true) => ({
    applicationId,
    judgeId,
    conflict,
    scored,
  });

  it("sorts by average, best first, unscored last, and leaves out judges with a conflict", () => {
    const rows = rankApplications({
      criteria: oneCriterion,
      applications: [
        { id: "a", teamName: "An" },
        { id: "b", teamName: "Bình" },
        { id: "c", teamName: "Cúc" },
      ],
      assignments: [
        assignment("a", "j1"),
        assignment("a", "j2"),
        assignment("b", "j1"),
        assignment("b", "j2", true),
        assignment("c", "j1", false, false),
      ],
      scores: [score("a", "j1", 6), score("a", "j2", 8), score("b", "j1", 9), score("b", "j2", 1)],
    });
    expect(rows.map((r) => [r.applicationId, r.rank, r.average, r.spread, r.scored, r.expected, r.conflicts])).toEqual([
      ["b", 1, 9, 0, 1, 1, 1],
      ["a", 2, 7, 2, 2, 2, 0],
      ["c", null, null, null, 0, 1, 0],
    ]);
    expect(rows[0]?.judges).toEqual([
      { judgeId: "j1", weighted: 9, conflict: false },
      { judgeId: "j2", weighted: null, conflict: true },
    ]);
  });

  it("gives equal averages (as shown, two decimals) the same rank", () => {
    const rows = rankApplications({
      criteria: oneCriterion,
      applications: [
        { id: "x", teamName: "Xuân" },
        { id: "y", teamName: "Yên" },
        { id: "z", teamName: "Zô" },
      ],
      assignments: [assignment("x", "j"), assignment("y", "j"), assignment("z", "j")],
      scores: [score("x", "j", 7), score("y", "j", 7), score("z", "j", 5)],
    });
    expect(rows.map((r) => [r.applicationId, r.rank])).toEqual([
      ["x", 1],
      ["y", 1],
      ["z", 3],
    ]);
  });

  it("does not count a judge who saved scores for only part of the rubric", () => {
    const rows = rankApplications({
      criteria: [...oneCriterion, { id: "d", weight: 1 }],
      applications: [{ id: "a", teamName: "An" }],
      assignments: [assignment("a", "j")],
      scores: [score("a", "j", 7)],
    });
    expect(rows[0]).toMatchObject({ average: null, scored: 0, rank: null });
  });
});

describe("numbers and CSV for people", () => {
  it("formats scores with the reader's decimal mark", () => {
    expect(formatScore(7.256, "vi")).toBe("7,26");
    expect(formatScore(7.256, "en")).toBe("7.26");
    expect(formatScore(10, "vi")).toBe("10,00");
    expect(formatScore(null, "en")).toBe("—");
  });

  it("reads weights with either decimal mark, above zero only", () => {
    expect(parseWeight("1,5")).toBe(1.5);
    expect(parseWeight("2")).toBe(2);
    expect(parseWeight("0")).toBeNull();
    expect(parseWeight("-1")).toBeNull();
    expect(parseWeight("1.234")).toBeNull();
  });

  it("writes CSV with a byte order mark, CRLF, quoting, and no formulas", () => {
    const vi = toCsv(
      [
        ["Hạng", "Nhóm", "Điểm"],
        [1, 'Mận "Hậu"; Mộc Châu', "7,25"],
        [2, "=HYPERLINK(1)", "-1,50"],
      ],
      "vi",
    );
    expect(vi.startsWith("\uFEFF")).toBe(true);
    expect(vi.slice(1).split("\r\n")).toEqual([
      "Hạng;Nhóm;Điểm",
      '1;"Mận ""Hậu""; Mộc Châu";"7,25"',
      '2;\'=HYPERLINK(1);"-1,50"',
      "",
    ]);
    expect(
      toCsv(
        [
          ["Rank", "Average"],
          [1, "7.25"],
        ],
        "en",
      ),
    ).toBe("\uFEFFRank,Average\r\n1,7.25\r\n");
  });
});
