import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { PolicyForm } from "./forms";

/** Writes the centre's booking rules (a missing row meant the defaults until now). */
export async function saveBookingPolicy(
  db: Kysely<Database>,
  centreId: number,
  form: PolicyForm,
  actor?: AuditActor,
): Promise<void> {
  const values = {
    max_days_ahead: form.maxDaysAhead,
    max_room_minutes: form.maxRoomMinutes,
    max_desk_days: form.maxDeskDays,
    free_desk_days_per_person_week: form.freeDeskDaysPerPersonWeek,
    free_desk_days_per_team_week: form.freeDeskDaysPerTeamWeek,
    cancel_deadline_minutes: form.cancelDeadlineMinutes,
    check_in_opens_minutes: form.checkInOpensMinutes,
    check_in_closes_minutes: form.checkInClosesMinutes,
    midday: form.midday,
    updated_at: new Date(),
  };
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("booking_policy")
      .selectAll()
      .where("centre_id", "=", centreId)
      .forUpdate()
      .executeTakeFirst();
    const after = await trx
      .insertInto("booking_policy")
      .values({ centre_id: centreId, ...values })
      .onConflict((oc) => oc.column("centre_id").doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordAudit(trx, actor, {
        action: "booking_policy.update",
        entityType: "booking_policy",
        entityId: centreId,
        before: before ?? null,
        after,
      });
    }
  });
}
