import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { FieldErrors } from "~/utils/forms";
import type { RoundForm } from "./forms";
import { parseLocalDateTime } from "./rules";

type Result = { ok: true; roundId: string } | { ok: false; errors: FieldErrors };

/**
 * Creates a judging round of a programme, or renames it and moves its deadline. The deadline
 * may move at any time (staff extend it when judges need longer); the rubric may not once
 * scores exist (see save-criterion.server.ts). Staff's change is recorded in the audit log.
 */
export async function saveRound(
  db: Kysely<Database>,
  input: { programmeId: string; roundId?: string; zone: string; form: RoundForm; actor?: AuditActor },
): Promise<Result> {
  const closesAt = parseLocalDateTime(input.form.scoringClosesAt, input.zone);
  if (!closesAt) return { ok: false, errors: { scoringClosesAt: "judging.error.dateTime" } };
  const values = { name_vi: input.form.nameVi, name_en: input.form.nameEn, scoring_closes_at: closesAt };
  const { actor, roundId } = input;
  return db.transaction().execute(async (trx) => {
    if (roundId) {
      const before = await trx
        .selectFrom("judging_round")
        .selectAll()
        .where("id", "=", roundId)
        .where("programme_id", "=", input.programmeId)
        .forUpdate()
        .executeTakeFirst();
      // The route found the round; one deleted since changes nothing.
      if (!before) return { ok: true, roundId };
      const after = await trx
        .updateTable("judging_round")
        .set(values)
        .where("id", "=", roundId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor) {
        await recordAudit(trx, actor, {
          action: "judging_round.update",
          entityType: "judging_round",
          entityId: roundId,
          before,
          after,
        });
      }
      return { ok: true, roundId };
    }
    const row = await trx
      .insertInto("judging_round")
      .values((eb) => ({
        ...values,
        programme_id: input.programmeId,
        sort_order: eb
          .selectFrom("judging_round")
          .select(eb(eb.fn.coalesce(eb.fn.max("sort_order"), eb.lit(0)), "+", 1).as("n"))
          .where("programme_id", "=", input.programmeId),
      }))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordAudit(trx, actor, {
        action: "judging_round.create",
        entityType: "judging_round",
        entityId: row.id,
        after: row,
      });
    }
    return { ok: true, roundId: row.id };
  });
}
