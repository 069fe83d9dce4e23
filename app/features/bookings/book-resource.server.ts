import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findAlternatives } from "./find-alternatives.server";
import { insertBooking } from "./insert-booking.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import { holdClosuresSteady, isExclusionViolation } from "./queries.server";

export type BookResult = { ok: true; bookingId: string } | Refusal;

/**
 * Books a resource for the booker in one transaction: every rule, the insert and the
 * confirmation message commit together. The database's exclusion constraint decides who
 * wins a race; the loser gets "taken" with the nearest free alternatives. Staff booking for
 * someone pass `bookedBy` (themselves) and may name the team it is for.
 */
export async function bookResource(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date = new Date(),
  options: { bookedBy?: string; teamId?: string | null } = {},
): Promise<BookResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<BookResult> => {
      await holdClosuresSteady(trx, booker.centre_id);
      const planned = await planBooking(trx, booker, choice, now, { lock: true, teamId: options.teamId });
      if (!planned.ok) return planned;
      const bookingId = await insertBooking(trx, planned.plan, {
        centreId: booker.centre_id,
        userId: booker.id,
        bookedBy: options.bookedBy ?? booker.id,
      });
      return { ok: true, bookingId };
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    return { ...refuse("taken"), alternatives: await findAlternatives(db, booker, choice, now) };
  }
}
