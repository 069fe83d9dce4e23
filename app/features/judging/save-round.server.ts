import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { FieldErrors } from "~/utils/forms";
import type { RoundForm } from "./forms";
import { parseLocalDateTime } from "./rules";

type Result = { ok: true; roundId: string } | { ok: false; errors: FieldErrors };

/**
 * Creates a judging round of a programme, or renames it and moves its deadline. The deadline
 * may move at any time (staff extend it when judges need longer); the rubric may not once
 * scores exist (see save-criterion.server.ts).
 */
export async function saveRound(
  db: Kysely<Database>,
  input: { programmeId: string; roundId?: string; zone: string; form: RoundForm },
): Promise<Result> {
  const closesAt = parseLocalDateTime(input.form.scoringClosesAt, input.zone);
  if (!closesAt) return { ok: false, errors: { scoringClosesAt: "judging.error.dateTime" } };
  const values = { name_vi: input.form.nameVi, name_en: input.form.nameEn, scoring_closes_at: closesAt };
  if (input.roundId) {
    await db
      .updateTable("judging_round")
      .set(values)
      .where("id", "=", input.roundId)
      .where("programme_id", "=", input.programmeId)
      .execute();
    return { ok: true, roundId: input.roundId };
  }
  const row = await db
    .insertInto("judging_round")
    .values((eb) => ({
      ...values,
      programme_id: input.programmeId,
      sort_order: eb
        .selectFrom("judging_round")
        .select(eb(eb.fn.coalesce(eb.fn.max("sort_order"), eb.lit(0)), "+", 1).as("n"))
        .where("programme_id", "=", input.programmeId),
    }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, roundId: row.id };
}
