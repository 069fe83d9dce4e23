import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { enqueuePlannedBookingMessage } from "./notify.server";
import type { Plan } from "./plan-booking.server";

/**
 * Stores a planned booking and queues its confirmation to the person it is for, inside the
 * caller's transaction (one booking, or one occurrence of a series).
 */
export async function insertBooking(
  trx: Kysely<Database>,
  plan: Plan,
  who: { centreId: number; userId: string; bookedBy: string; seriesId?: string },
): Promise<string> {
  const row = await trx
    .insertInto("booking")
    .values({
      centre_id: who.centreId,
      resource_id: plan.resource.id,
      user_id: who.userId,
      team_id: plan.teamId,
      booked_by: who.bookedBy,
      series_id: who.seriesId ?? null,
      status: "confirmed",
      day_part: plan.dayPart,
      starts_at: plan.period.start,
      ends_at: plan.period.end,
      attendees: plan.attendees,
      price_vnd: plan.price,
    })
    .returning(["id", "centre_id", "user_id", "day_part", "starts_at", "ends_at", "price_vnd"])
    .executeTakeFirstOrThrow();
  await enqueuePlannedBookingMessage(trx, "confirmed", row, plan);
  return row.id;
}
