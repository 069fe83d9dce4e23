import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";

/** Replaces the centre's week: a weekday left out is closed. All of it or none of it. */
export async function saveOpeningHours(
  db: Kysely<Database>,
  centreId: number,
  days: ReadonlyArray<{ weekday: number; opensAt: string; closesAt: string }>,
  actor?: AuditActor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom("opening_hours")
      .where("centre_id", "=", centreId)
      .returning(["weekday", "opens_at", "closes_at"])
      .execute();
    const after =
      days.length === 0
        ? []
        : await trx
            .insertInto("opening_hours")
            .values(
              days.map((d) => ({
                centre_id: centreId,
                weekday: d.weekday,
                opens_at: d.opensAt,
                closes_at: d.closesAt,
              })),
            )
            .returning(["weekday", "opens_at", "closes_at"])
            .execute();
    // The week is one record in the log: weekday → "opens–closes" (absent: closed).
    const week = (rows: ReadonlyArray<{ weekday: number; opens_at: string; closes_at: string }>) =>
      Object.fromEntries(
        [...rows]
          .sort((a, b) => a.weekday - b.weekday)
          .map((r) => [`weekday_${r.weekday}`, `${r.opens_at.slice(0, 5)}–${r.closes_at.slice(0, 5)}`]),
      );
    if (actor) {
      await recordAudit(trx, actor, {
        action: "opening_hours.update",
        entityType: "opening_hours",
        entityId: centreId,
        before: week(before),
        after: week(after),
      });
    }
  });
}
