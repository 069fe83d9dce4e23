import { DateTime } from "luxon";
import type { Locale } from "#db/schema";
import type { MessageKey } from "~/i18n/translate";

// Pure rules of judging: no database, no request. See docs/decisions/008-judging.md.

export interface Criterion {
  id: string;
  weight: number;
  minScore: number;
  maxScore: number;
}

/** "dd/MM/yyyy HH:mm" (or a datetime-local "yyyy-MM-ddTHH:mm") in the centre's zone, as an instant. */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const text = value.trim();
  const [format, pattern] = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)
    ? ["yyyy-MM-dd'T'HH:mm", text]
    : ["dd/MM/yyyy HH:mm", text.replace(/\s+/g, " ")];
  if (!/^(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/.test(pattern)) return null;
  const dt = DateTime.fromFormat(pattern, format, { zone });
  // Luxon moves a wall-clock time that does not exist instead of refusing it.
  if (!dt.isValid || dt.toFormat(format) !== pattern) return null;
  return dt.toJSDate();
}

/** Judges may save scores (or declare a conflict) until the round's scoring closes. */
export function isScoringOpen(scoringClosesAt: Date, now: Date): boolean {
  return now.getTime() < scoringClosesAt.getTime();
}

export type ScoreCheck =
  | { ok: true; scores: Array<{ criterionId: string; score: number }> }
  | { ok: false; errors: Record<string, MessageKey> };

/**
 * A judge's submitted scores, one per criterion of the rubric: every criterion is required
 * (no partial submissions), a whole number within the criterion's range. Errors are keyed by
 * criterion id, so the page names the criterion beside its field.
 */
export function checkScores(criteria: readonly Criterion[], submitted: Record<string, string | undefined>): ScoreCheck {
  const errors: Record<string, MessageKey> = {};
  const scores: Array<{ criterionId: string; score: number }> = [];
  for (const criterion of criteria) {
    const raw = (submitted[criterion.id] ?? "").trim();
    if (raw === "") {
      errors[criterion.id] = "judging.error.scoreRequired";
    } else if (!/^-?\d+$/.test(raw)) {
      errors[criterion.id] = "judging.error.wholeNumber";
    } else {
      const score = Number(raw);
      if (score < criterion.minScore || score > criterion.maxScore) errors[criterion.id] = "judging.error.outOfRange";
      else scores.push({ criterionId: criterion.id, score });
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, scores };
}

/**
 * One judge's weighted score of one application: Σ weight·score / Σ weight. Null unless the
 * judge scored every criterion of the rubric.
 */
export function weightedScore(
  criteria: readonly Pick<Criterion, "id" | "weight">[],
  scores: ReadonlyMap<string, number>,
): number | null {
  if (criteria.length === 0) return null;
  let sum = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) return null;
    sum += criterion.weight * score;
    weights += criterion.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Max − min of the judges' weighted scores: how far the judges disagree. Null when none. */
export function spread(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.max(...values) - Math.min(...values);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export interface RankingInput {
  criteria: readonly Pick<Criterion, "id" | "weight">[];
  applications: ReadonlyArray<{ id: string; teamName: string }>;
  assignments: ReadonlyArray<{ applicationId: string; judgeId: string; conflict: boolean; scored: boolean }>;
  scores: ReadonlyArray<{ applicationId: string; judgeId: string; criterionId: string; score: number }>;
}

export interface JudgeResult {
  judgeId: string;
  /** The judge's weighted score; null until they submitted, and for a declared conflict. */
  weighted: number | null;
  conflict: boolean;
}

export interface RankingRow {
  applicationId: string;
  /** 1 for the best; equal averages share a rank; null while no judge has scored. */
  rank: number | null;
  average: number | null;
  spread: number | null;
  /** Judges without a conflict who submitted their scores. */
  scored: number;
  /** Judges assigned without a conflict: those expected to score. */
  expected: number;
  conflicts: number;
  judges: JudgeResult[];
}

/**
 * The ranking of a round: per application, each judge's weighted score, the mean across the
 * judges without a conflict who submitted, the spread between them, and the counts. Sorted by
 * average, best first; applications nobody has scored yet come last (by team name).
 */
export function rankApplications(input: RankingInput): RankingRow[] {
  const scoresOf = new Map<string, Map<string, number>>();
  for (const s of input.scores) {
    const key = `${s.applicationId}|${s.judgeId}`;
    let byCriterion = scoresOf.get(key);
    if (!byCriterion) scoresOf.set(key, (byCriterion = new Map()));
    byCriterion.set(s.criterionId, s.score);
  }
  const rows = input.applications.map((application) => {
    const judges: JudgeResult[] = input.assignments
      .filter((a) => a.applicationId === application.id)
      .map((a) => ({
        judgeId: a.judgeId,
        conflict: a.conflict,
        weighted:
          a.conflict || !a.scored
            ? null
            : weightedScore(input.criteria, scoresOf.get(`${application.id}|${a.judgeId}`) ?? new Map()),
      }));
    const counted = judges.flatMap((j) => (j.weighted === null ? [] : [j.weighted]));
    return {
      applicationId: application.id,
      teamName: application.teamName,
      rank: null as number | null,
      average: mean(counted),
      spread: spread(counted),
      scored: counted.length,
      expected: judges.filter((j) => !j.conflict).length,
      conflicts: judges.filter((j) => j.conflict).length,
      judges,
    };
  });
  rows.sort((a, b) => {
    if (a.average === null || b.average === null) {
      if (a.average !== b.average) return a.average === null ? 1 : -1;
      return a.teamName.localeCompare(b.teamName, "vi");
    }
    return b.average - a.average || a.teamName.localeCompare(b.teamName, "vi");
  });
  let previous: number | null = null;
  rows.forEach((row, index) => {
    if (row.average === null) return;
    // Averages are compared as shown (two decimals): what looks equal ranks equal.
    const shown = Math.round(row.average * 100);
    row.rank = previous === shown ? (rows[index - 1]?.rank ?? index + 1) : index + 1;
    previous = shown;
  });
  return rows.map(({ teamName: _teamName, ...row }) => row);
}

/** A score or average with two decimals: "7,25" in Vietnamese, "7.25" in English; "—" for none. */
export function formatScore(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(value);
}

/** A weight as staff typed it: up to two decimals, either decimal mark. */
export function parseWeight(value: string): number | null {
  const text = value.trim().replace(",", ".");
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(text)) return null;
  const weight = Number(text);
  return weight > 0 ? weight : null;
}

/**
 * A spreadsheet as CSV text for Excel: a UTF-8 byte order mark (so Vietnamese shows right),
 * CRLF line ends, and every field that needs it quoted (RFC 4180). Excel splits on the list
 * separator of the reader's regional settings: ";" where the decimal mark is a comma
 * (Vietnamese), "," otherwise. Cells a spreadsheet would run as a formula get an apostrophe.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, locale: Locale): string {
  const separator = locale === "vi" ? ";" : ",";
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-\d+([.,]\d+)?$/.test(text)) text = `'${text}`;
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}
