import type { Locale } from "#db/schema";
import { translator } from "~/i18n/translate";
import type { Ranking } from "./read-ranking.server";
import { formatScore, toCsv } from "./rules";

/**
 * The ranking as CSV: rank, team, sector, status, average, spread, judges scored, expected and
 * in conflict (numbers: Excel reads "2/3" as a date), then one column per judge with their
 * weighted score ("conflict" where they declared one).
 */
export function rankingCsv(ranking: Ranking, locale: Locale): string {
  const t = translator(locale);
  const score = (value: number | null) => (value === null ? "" : formatScore(value, locale));
  const header = [
    t("judging.column.rank"),
    t("judging.column.team"),
    t("judging.column.sector"),
    t("judging.column.status"),
    t("judging.column.average"),
    t("judging.column.spread"),
    t("judging.column.scoredCount"),
    t("judging.column.expected"),
    t("judging.column.conflicts"),
    ...ranking.judges.map((judge) => judge.name),
  ];
  const rows = ranking.rows.map((row) => {
    const byJudge = new Map(row.judges.map((j) => [j.judgeId, j]));
    return [
      row.rank ?? "",
      row.teamName,
      locale === "vi" ? row.sectorVi : row.sectorEn,
      t(`judging.status.${row.status}`),
      score(row.average),
      score(row.spread),
      row.scored,
      row.expected,
      row.conflicts,
      ...ranking.judges.map((judge) => {
        const result = byJudge.get(judge.id);
        if (!result) return "";
        return result.conflict ? t("judging.state.conflict") : score(result.weighted);
      }),
    ];
  });
  return toCsv([header, ...rows], locale);
}
