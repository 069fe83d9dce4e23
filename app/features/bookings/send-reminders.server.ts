import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database } from "#db/schema";
import { enqueueBookingMessage } from "./notify.server";

/**
 * Queues a reminder for every confirmed booking that starts tomorrow (in the centre's
 * zone). The booking is stamped in the same UPDATE that picks it, so each reminder is sent
 * once even with several app instances.
 */
export async function sendReminders(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const centres = await db.selectFrom("centre").select(["id", "time_zone"]).execute();
  let sent = 0;
  for (const centre of centres) {
    const tomorrow = DateTime.fromJSDate(now, { zone: centre.time_zone }).startOf("day").plus({ days: 1 });
    sent += await db.transaction().execute(async (trx) => {
      const picked = await trx
        .updateTable("booking")
        .set({ reminder_sent_at: now })
        .where("centre_id", "=", centre.id)
        .where("status", "=", "confirmed")
        .where("purpose", "=", "booking")
        .where("reminder_sent_at", "is", null)
        .where("starts_at", ">=", tomorrow.toJSDate())
        .where("starts_at", "<", tomorrow.plus({ days: 1 }).toJSDate())
        .returning("id")
        .execute();
      if (picked.length === 0) return 0;
      const rows = await trx
        .selectFrom("booking")
        .innerJoin("resource", "resource.id", "booking.resource_id")
        .select([
          "booking.id",
          "booking.centre_id",
          "booking.user_id",
          "booking.day_part",
          "booking.starts_at",
          "booking.ends_at",
          "booking.price_vnd",
          "resource.code as resource_code",
          "resource.name_vi as resource_name_vi",
          "resource.name_en as resource_name_en",
        ])
        .where(
          "booking.id",
          "in",
          picked.map((p) => p.id),
        )
        .execute();
      for (const row of rows) await enqueueBookingMessage(trx, "reminder", row, centre.time_zone);
      return rows.length;
    });
  }
  return sent;
}
