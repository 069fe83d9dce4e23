import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findAlternatives } from "./find-alternatives.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import { isExclusionViolation } from "./queries.server";
import { writeBooking } from "./write-booking.server";

/** paymentId: the booking costs money and is held until paid (decision 015). */
export type BookResult = { ok: true; bookingId: string; paymentId: string | null } | Refusal;

/**
 * Books a resource for the booker: every rule is checked on what one query reads, then one
 * statement writes the booking and its confirmation message together (writeBooking). The
 * database's exclusion constraint decides who wins a race; the loser gets "taken" with the
 * nearest free alternatives. Staff booking for someone pass `bookedBy` (themselves) and may
 * name the team it is for.
 */
export async function bookResource(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date = new Date(),
  options: { bookedBy?: string; teamId?: string | null } = {},
): Promise<BookResult> {
  try {
    const planned = await planBooking(db, booker, choice, now, { teamId: options.teamId });
    if (!planned.ok) return planned;
    return await writeBooking(
      db,
      planned.plan,
      {
        centreId: booker.centre_id,
        userId: booker.id,
        bookedBy: options.bookedBy ?? booker.id,
      },
      now,
    );
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    return { ...refuse("taken"), alternatives: await findAlternatives(db, booker, choice, now) };
  }
}
