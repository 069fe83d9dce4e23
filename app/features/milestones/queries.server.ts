import { sql, type Kysely } from "kysely";
import type { Database, MilestoneStatus } from "#db/schema";

const columns = ["id", "team_id", "title", "due_on", "status", "evidence", "done_on"] as const;

/** A team's milestones by due date. */
export async function listMilestones(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom("milestone")
    .select(columns)
    .where("team_id", "=", teamId)
    .orderBy("due_on")
    .orderBy("created_at")
    .execute();
}

export async function findMilestone(db: Kysely<Database>, teamId: string, milestoneId: string) {
  return db
    .selectFrom("milestone")
    .select(columns)
    .where("team_id", "=", teamId)
    .where("id", "=", milestoneId)
    .executeTakeFirst();
}

export interface MilestoneValues {
  title: string;
  dueOn: string;
  status: MilestoneStatus;
  evidence: string;
  doneOn: string | null;
}

export async function insertMilestone(
  db: Kysely<Database>,
  teamId: string,
  createdBy: string,
  values: MilestoneValues,
) {
  return db
    .insertInto("milestone")
    .values({
      team_id: teamId,
      title: values.title,
      due_on: values.dueOn,
      status: values.status,
      evidence: values.evidence,
      done_on: values.doneOn,
      created_by: createdBy,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateMilestone(
  db: Kysely<Database>,
  teamId: string,
  milestoneId: string,
  values: MilestoneValues,
) {
  return db
    .updateTable("milestone")
    .set({
      title: values.title,
      due_on: values.dueOn,
      status: values.status,
      evidence: values.evidence,
      done_on: values.doneOn,
      updated_at: new Date(),
    })
    .where("team_id", "=", teamId)
    .where("id", "=", milestoneId)
    .returning(columns)
    .executeTakeFirst();
}

/** Per team of the centre: milestones counted, done and overdue on the given local day. */
export async function milestoneCountsByTeam(db: Kysely<Database>, centreId: number, today: string) {
  const rows = await db
    .selectFrom("milestone")
    .innerJoin("team", "team.id", "milestone.team_id")
    .select("milestone.team_id")
    .select(sql<string>`count(*) FILTER (WHERE milestone.status <> 'dropped')`.as("total"))
    .select(sql<string>`count(*) FILTER (WHERE milestone.status = 'done')`.as("done"))
    .select(
      sql<string>`count(*) FILTER (WHERE milestone.status IN ('planned', 'in_progress') AND milestone.due_on < ${today}::date)`.as(
        "overdue",
      ),
    )
    .where("team.centre_id", "=", centreId)
    .groupBy("milestone.team_id")
    .execute();
  return new Map(
    rows.map((r) => [r.team_id, { total: Number(r.total), done: Number(r.done), overdue: Number(r.overdue) }]),
  );
}
