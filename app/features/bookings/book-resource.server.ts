import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findAlternatives } from "./find-alternatives.server";
import { enqueueBookingMessage } from "./notify.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import { isExclusionViolation } from "./queries.server";

export type BookResult = { ok: true; bookingId: string } | Refusal;

/**
 * Books a resource for the booker in one transaction: every rule, the insert and the
 * confirmation message commit together. The database's exclusion constraint decides who
 * wins a race; the loser gets "taken" with the nearest free alternatives.
 */
export async function bookResource(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date = new Date(),
  options: { bookedBy?: string } = {},
): Promise<BookResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<BookResult> => {
      const planned = await planBooking(trx, booker, choice, now, { lock: true });
      if (!planned.ok) return planned;
      const { plan } = planned;
      const row = await trx
        .insertInto("booking")
        .values({
          centre_id: booker.centre_id,
          resource_id: plan.resource.id,
          user_id: booker.id,
          team_id: plan.teamId,
          booked_by: options.bookedBy ?? booker.id,
          status: "confirmed",
          day_part: plan.dayPart,
          starts_at: plan.period.start,
          ends_at: plan.period.end,
          attendees: plan.attendees,
          price_vnd: plan.price,
        })
        .returning(["id", "centre_id", "user_id", "day_part", "starts_at", "ends_at", "price_vnd"])
        .executeTakeFirstOrThrow();
      await enqueueBookingMessage(
        trx,
        "confirmed",
        {
          ...row,
          resource_code: plan.resource.code,
          resource_name_vi: plan.resource.name_vi,
          resource_name_en: plan.resource.name_en,
        },
        plan.zone,
      );
      return { ok: true, bookingId: row.id };
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    return { ...refuse("taken"), alternatives: await findAlternatives(db, booker, choice, now) };
  }
}
