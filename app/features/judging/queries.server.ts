import { sql, type Kysely } from "kysely";
import type { ApplicationStatus, Database } from "#db/schema";

type Db = Kysely<Database>;

/** The roles whose accounts may judge (outside jurors are invited as mentors). */
export const JUDGE_ROLES = ["mentor", "staff", "admin"] as const;

/** The rounds of a programme with how far each has got. */
export function listRounds(db: Db, programmeId: string) {
  return db
    .selectFrom("judging_round as r")
    .select((eb) => [
      "r.id",
      "r.name_vi",
      "r.name_en",
      "r.scoring_closes_at",
      eb
        .selectFrom("rubric_criterion")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("round_id", "=", "r.id")
        .as("criteria"),
      eb
        .selectFrom("judge_assignment")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("round_id", "=", "r.id")
        .as("assignments"),
      eb
        .selectFrom("judge_assignment")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("round_id", "=", "r.id")
        .where("scored_at", "is not", null)
        .as("scored"),
    ])
    .where("r.programme_id", "=", programmeId)
    .orderBy("r.sort_order")
    .orderBy("r.scoring_closes_at")
    .execute();
}

/** A round of this centre's programme (both ids must match), or undefined. */
export function getRound(db: Db, centreId: number, programmeId: string, roundId: string) {
  return db
    .selectFrom("judging_round as r")
    .innerJoin("programme as p", "p.id", "r.programme_id")
    .select(["r.id", "r.programme_id", "r.name_vi", "r.name_en", "r.scoring_closes_at", "r.sort_order"])
    .where("r.id", "=", roundId)
    .where("r.programme_id", "=", programmeId)
    .where("p.centre_id", "=", centreId)
    .executeTakeFirst();
}

/**
 * Locks a round's row for the rest of the transaction. Scoring and rubric edits both take
 * it first, so a rubric cannot change under a judge's submission (nor the other way round).
 */
export function lockRound(db: Db, roundId: string) {
  return db
    .selectFrom("judging_round")
    .select(["id", "scoring_closes_at", "programme_id"])
    .where("id", "=", roundId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listCriteria(db: Db, roundId: string) {
  const rows = await db
    .selectFrom("rubric_criterion")
    .select(["id", "name_vi", "name_en", "weight", "min_score", "max_score", "sort_order"])
    .where("round_id", "=", roundId)
    .orderBy("sort_order")
    .orderBy("name_vi")
    .execute();
  return rows.map((row) => ({ ...row, weight: Number(row.weight) }));
}

export async function roundHasScores(db: Db, roundId: string): Promise<boolean> {
  const row = await db
    .selectFrom("judge_score")
    .select("round_id")
    .where("round_id", "=", roundId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Accounts of the centre that may judge, by name. */
export function listJudgeCandidates(db: Db, centreId: number) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email", "role"])
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .where("role", "in", JUDGE_ROLES)
    .orderBy("name")
    .execute();
}

export function getJudgeCandidate(db: Db, centreId: number, userId: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "name"])
    .where("id", "=", userId)
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .where("role", "in", JUDGE_ROLES)
    .executeTakeFirst();
}

/** The applications of a programme (optionally of one status), without contact details. */
export function listProgrammeApplications(db: Db, programmeId: string, status?: ApplicationStatus) {
  let query = db
    .selectFrom("application as a")
    .innerJoin("sector as s", "s.id", "a.sector_id")
    .select(["a.id", "a.team_name", "a.status", "s.name_vi as sector_vi", "s.name_en as sector_en"])
    .where("a.programme_id", "=", programmeId);
  if (status) query = query.where("a.status", "=", status);
  return query.orderBy("a.team_name").execute();
}

/** Every assignment of a round, with the judge's name. */
export function listRoundAssignments(db: Db, roundId: string) {
  return db
    .selectFrom("judge_assignment as ja")
    .innerJoin("app_user as u", "u.id", "ja.judge_id")
    .innerJoin("application as a", "a.id", "ja.application_id")
    .select([
      "ja.application_id",
      "a.team_name",
      "ja.judge_id",
      "u.name as judge_name",
      "ja.comment",
      "ja.conflict_declared_at",
      "ja.conflict_note",
      "ja.scored_at",
    ])
    .where("ja.round_id", "=", roundId)
    .orderBy("a.team_name")
    .orderBy("u.name")
    .execute();
}

export function listRoundScores(db: Db, roundId: string) {
  return db
    .selectFrom("judge_score")
    .select(["application_id", "judge_id", "criterion_id", "score"])
    .where("round_id", "=", roundId)
    .execute();
}

export interface AssignmentKey {
  roundId: string;
  judgeId: string;
  applicationId: string;
}

export function getAssignment(db: Db, key: AssignmentKey) {
  return db
    .selectFrom("judge_assignment")
    .selectAll()
    .where("round_id", "=", key.roundId)
    .where("judge_id", "=", key.judgeId)
    .where("application_id", "=", key.applicationId)
    .executeTakeFirst();
}

/** A judge's rounds and the applications assigned to them, newest deadline first. */
export function listJudgeWork(db: Db, centreId: number, judgeId: string) {
  return db
    .selectFrom("judge_assignment as ja")
    .innerJoin("judging_round as r", "r.id", "ja.round_id")
    .innerJoin("programme as p", "p.id", "r.programme_id")
    .innerJoin("application as a", "a.id", "ja.application_id")
    .select([
      "r.id as round_id",
      "r.name_vi as round_vi",
      "r.name_en as round_en",
      "r.scoring_closes_at",
      "p.name_vi as programme_vi",
      "p.name_en as programme_en",
      "a.id as application_id",
      "a.team_name",
      "ja.scored_at",
      "ja.conflict_declared_at",
    ])
    .where("ja.judge_id", "=", judgeId)
    .where("p.centre_id", "=", centreId)
    .orderBy("r.scoring_closes_at", "desc")
    .orderBy("a.team_name")
    .execute();
}

/**
 * What a judge reads of an application they are assigned: the idea, never the applicants'
 * contact details (those are for staff only).
 */
export function getApplicationForJudge(db: Db, applicationId: string) {
  return db
    .selectFrom("application as a")
    .innerJoin("sector as s", "s.id", "a.sector_id")
    .select([
      "a.id",
      "a.team_name",
      "a.idea",
      "a.problem",
      "a.place",
      "a.stage",
      "a.jobs_expected",
      "a.links",
      sql<boolean>`a.pitch_file_key IS NOT NULL`.as("has_pitch"),
      "s.name_vi as sector_vi",
      "s.name_en as sector_en",
    ])
    .where("a.id", "=", applicationId)
    .executeTakeFirst();
}

/** Where an application's pitch is stored, for a judge's download (the caller checks the assignment). */
export function getPitchForJudge(db: Db, centreId: number, applicationId: string) {
  return db
    .selectFrom("application as a")
    .innerJoin("programme as p", "p.id", "a.programme_id")
    .select(["a.pitch_file_key", "a.pitch_file_name"])
    .where("a.id", "=", applicationId)
    .where("p.centre_id", "=", centreId)
    .executeTakeFirst();
}

/** A judge's own scores of one application, by criterion id. */
export async function ownScores(db: Db, key: AssignmentKey): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("judge_score")
    .select(["criterion_id", "score"])
    .where("round_id", "=", key.roundId)
    .where("judge_id", "=", key.judgeId)
    .where("application_id", "=", key.applicationId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.criterion_id, row.score]));
}

/** The centre's programmes, newest first, for staff to reach their judging. */
export function listProgrammes(db: Db, centreId: number) {
  return db
    .selectFrom("programme")
    .select(["id", "name_vi", "name_en"])
    .where("centre_id", "=", centreId)
    .orderBy("starts_on", "desc")
    .execute();
}

/** A round as its judges see it: name, programme, deadline. */
export function getRoundForJudge(db: Db, centreId: number, roundId: string) {
  return db
    .selectFrom("judging_round as r")
    .innerJoin("programme as p", "p.id", "r.programme_id")
    .select([
      "r.id",
      "r.name_vi",
      "r.name_en",
      "r.scoring_closes_at",
      "p.name_vi as programme_vi",
      "p.name_en as programme_en",
    ])
    .where("r.id", "=", roundId)
    .where("p.centre_id", "=", centreId)
    .executeTakeFirst();
}
