import { sql, type Kysely } from "kysely";
import type { Database, PlanTarget } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import { annualReport, type ReportScope } from "~/features/reports/figures.server";
import { eventsList } from "~/features/reports/lists.server";
import type { ReportAudience, ReportEventKind } from "~/features/reports/rules";
import type { FieldErrors } from "~/utils/forms";
import type { TargetInput } from "./forms";
import { isMeasure, measureList, measureValue, progressPercent } from "./measures";

export type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

async function listTargets(db: Kysely<Database>, centreId: number, year: number): Promise<PlanTarget[]> {
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

// Staff's changes to the targets (actor given) are recorded in the audit log, in the change's transaction.

export async function addTarget(
  db: Kysely<Database>,
  centreId: number,
  year: number,
  input: TargetInput,
  actor?: AuditActor,
): Promise<SaveResult> {
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
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
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor) {
        await recordAudit(trx, actor, {
          action: "plan_target.create",
          entityType: "plan_target",
          entityId: row.id,
          after: row,
        });
      }
    });
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
  actor?: AuditActor,
): Promise<SaveResult | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("plan_target")
        .selectAll()
        .where("id", "=", id)
        .where("centre_id", "=", centreId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return null;
      const after = await trx
        .updateTable("plan_target")
        .set({
          ...values(input),
          ...(input.position === null ? {} : { position: input.position }),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor) {
        await recordAudit(trx, actor, {
          action: "plan_target.update",
          entityType: "plan_target",
          entityId: id,
          before,
          after,
        });
      }
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateKey;
    throw error;
  }
}

export async function removeTarget(
  db: Kysely<Database>,
  centreId: number,
  id: string,
  actor?: AuditActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("plan_target")
      .where("id", "=", id)
      .where("centre_id", "=", centreId)
      .returningAll()
      .executeTakeFirst();
    if (deleted && actor) {
      await recordAudit(trx, actor, {
        action: "plan_target.delete",
        entityType: "plan_target",
        entityId: id,
        before: deleted,
      });
    }
    return deleted !== undefined;
  });
}

/** Copies the previous year's targets into `year`, keeping any the year already has. */
export async function copyPreviousYear(
  db: Kysely<Database>,
  centreId: number,
  year: number,
  actor?: AuditActor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await sql<PlanTarget>`
      INSERT INTO plan_target (centre_id, year, key, label_vi, label_en, measure, event_kind, event_audience, target, position)
      SELECT centre_id, ${year}::int, key, label_vi, label_en, measure, event_kind, event_audience, target, position
        FROM plan_target WHERE centre_id = ${centreId} AND year = ${year - 1}
      ON CONFLICT (centre_id, year, key) DO NOTHING
      RETURNING *`.execute(trx);
    if (actor) {
      for (const row of result.rows) {
        await recordAudit(trx, actor, {
          action: "plan_target.create",
          entityType: "plan_target",
          entityId: row.id,
          after: row,
        });
      }
    }
    return result.rows.length;
  });
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
