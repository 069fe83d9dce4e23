import { sql, type Kysely } from "kysely";
import type { Database, PlanTarget } from "#db/schema";
import { isUniqueViolation } from "~/features/auth/queries.server";
import { annualReport, type ReportScope } from "~/features/reports/figures.server";
import { eventsList } from "~/features/reports/lists.server";
import type { ReportAudience, ReportEventKind } from "~/features/reports/rules";
import type { FieldErrors } from "~/utils/forms";
import type { TargetInput } from "./forms";
import { isMeasure, measureList, measureValue, progressPercent } from "./measures";

export type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

export async function listTargets(db: Kysely<Database>, centreId: number, year: number): Promise<PlanTarget[]> {
  return db
    .selectFrom("plan_target")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("year", "=", year)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}

function values(input: TargetInput) {
  return {
    key: input.key,
    label_vi: input.labelVi,
    label_en: input.labelEn,
    measure: input.measure,
    event_kind: input.eventKind,
    event_audience: input.eventAudience,
    target: input.target,
  };
}

const duplicateKey: SaveResult = { ok: false, errors: { key: "targets.error.duplicate" } };

export async function addTarget(
  db: Kysely<Database>,
  centreId: number,
  year: number,
  input: TargetInput,
): Promise<SaveResult> {
  try {
    await db
      .insertInto("plan_target")
      .values({
        centre_id: centreId,
        year,
        ...values(input),
        // New targets go last unless staff chose a place.
        position:
          input.position ??
          sql<number>`(SELECT coalesce(max(position), 0) + 1 FROM plan_target WHERE centre_id = ${centreId} AND year = ${year})`,
      })
      .execute();
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateKey;
    throw error;
  }
}

/** Saves a target's changes; null when no such target of this centre. */
export async function updateTarget(
  db: Kysely<Database>,
  centreId: number,
  id: string,
  input: TargetInput,
): Promise<SaveResult | null> {
  try {
    const updated = await db
      .updateTable("plan_target")
      .set({
        ...values(input),
        ...(input.position === null ? {} : { position: input.position }),
        updated_at: sql`now()`,
      })
      .where("id", "=", id)
      .where("centre_id", "=", centreId)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n ? { ok: true } : null;
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateKey;
    throw error;
  }
}

export async function removeTarget(db: Kysely<Database>, centreId: number, id: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom("plan_target")
    .where("id", "=", id)
    .where("centre_id", "=", centreId)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

/** Copies the previous year's targets into `year`, keeping any the year already has. */
export async function copyPreviousYear(db: Kysely<Database>, centreId: number, year: number): Promise<number> {
  const result = await sql`
    INSERT INTO plan_target (centre_id, year, key, label_vi, label_en, measure, event_kind, event_audience, target, position)
    SELECT centre_id, ${year}::int, key, label_vi, label_en, measure, event_kind, event_audience, target, position
      FROM plan_target WHERE centre_id = ${centreId} AND year = ${year - 1}
    ON CONFLICT (centre_id, year, key) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Each target of the year with its progress measured from the app's data. */
export async function targetsWithProgress(db: Kysely<Database>, scope: ReportScope, year: number) {
  const [targets, report] = await Promise.all([listTargets(db, scope.centreId, year), annualReport(db, scope, year)]);
  const needsEvents = targets.some((t) => t.measure === "event_held");
  const events = needsEvents ? await eventsList(db, scope, year) : [];
  const figures = report.figures;
  return {
    figures,
    targets: targets.map((target) => {
      const known = isMeasure(target.measure) ? target.measure : null;
      const kind = target.event_kind as ReportEventKind | null;
      const audience = target.event_audience as ReportAudience | null;
      const matching = events.filter(
        (e) => (!kind || e.kind === kind) && (!audience || e.audiences.includes(audience)),
      ).length;
      const value = known ? measureValue(known, figures, matching) : null;
      const goal = Number(target.target);
      return {
        id: target.id,
        key: target.key,
        labelVi: target.label_vi,
        labelEn: target.label_en,
        measure: target.measure,
        eventKind: kind,
        eventAudience: audience,
        target: goal,
        position: target.position,
        value,
        percent: value === null ? 0 : progressPercent(value, goal),
        achieved: value !== null && value >= goal,
        list: known ? measureList(known) : null,
      };
    }),
  };
}
