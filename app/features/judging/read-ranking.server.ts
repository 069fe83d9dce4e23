import type { Kysely } from "kysely";
import type { ApplicationStatus, Database } from "#db/schema";
import { listCriteria, listProgrammeApplications, listRoundAssignments, listRoundScores } from "./queries.server";
import { rankApplications, type RankingRow } from "./rules";

export interface Ranking {
  judges: Array<{ id: string; name: string }>;
  rows: Array<RankingRow & { teamName: string; sectorVi: string; sectorEn: string; status: ApplicationStatus }>;
}

/** The ranking of a round (staff only): every application with at least one judge assigned. */
export async function readRanking(db: Kysely<Database>, round: { id: string; programme_id: string }): Promise<Ranking> {
  const [criteria, applications, assignments, scores] = await Promise.all([
    listCriteria(db, round.id),
    listProgrammeApplications(db, round.programme_id),
    listRoundAssignments(db, round.id),
    listRoundScores(db, round.id),
  ]);
  const assigned = new Set(assignments.map((a) => a.application_id));
  const judged = applications.filter((a) => assigned.has(a.id));
  const rows = rankApplications({
    criteria,
    applications: judged.map((a) => ({ id: a.id, teamName: a.team_name })),
    assignments: assignments.map((a) => ({
      applicationId: a.application_id,
      judgeId: a.judge_id,
      conflict: a.conflict_declared_at !== null,
      scored: a.scored_at !== null,
    })),
    scores: scores.map((s) => ({
      applicationId: s.application_id,
      judgeId: s.judge_id,
      criterionId: s.criterion_id,
      score: s.score,
    })),
  });
  const byId = new Map(judged.map((a) => [a.id, a]));
  const judges = new Map<string, string>();
  for (const a of assignments) judges.set(a.judge_id, a.judge_name);
  return {
    judges: [...judges].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "vi")),
    rows: rows.map((row) => {
      const application = byId.get(row.applicationId);
      return {
        ...row,
        teamName: application?.team_name ?? "",
        sectorVi: application?.sector_vi ?? "",
        sectorEn: application?.sector_en ?? "",
        status: application?.status ?? "submitted",
      };
    }),
  };
}
