import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { enqueueBookingMessage, type DescribedBooking } from "./notify.server";

/**
 * Releases desk bookings nobody checked in to by the end of the check-in window. One
 * UPDATE … WHERE status = 'confirmed' … RETURNING: with several app instances each row is
 * released (and its message queued) by exactly one of them.
 */
export async function releaseNoShows(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const released = await sql<DescribedBooking & { time_zone: string }>`
      UPDATE booking AS b
         SET status = 'no_show', sequence = b.sequence + 1, updated_at = ${now}
        FROM resource AS r
        JOIN centre AS c ON c.id = r.centre_id
        LEFT JOIN booking_policy AS p ON p.centre_id = r.centre_id
       WHERE r.id = b.resource_id
         AND b.status = 'confirmed'
         AND b.purpose = 'booking'
         AND b.day_part IS NOT NULL
         AND b.starts_at + make_interval(mins => coalesce(p.check_in_closes_minutes, 30)) < ${now}
      RETURNING b.id, b.centre_id, b.user_id, b.day_part, b.starts_at, b.ends_at, b.price_vnd,
                r.code AS resource_code, r.name_vi AS resource_name_vi, r.name_en AS resource_name_en,
                c.time_zone`.execute(trx);
    for (const row of released.rows) {
      await enqueueBookingMessage(
        trx,
        "released",
        { ...row, starts_at: new Date(row.starts_at), ends_at: new Date(row.ends_at) },
        row.time_zone,
      );
    }
    return released.rows.length;
  });
}
