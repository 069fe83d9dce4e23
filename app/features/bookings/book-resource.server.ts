import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
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
  options: { bookedBy?: string; teamId?: string | null; auditActor?: AuditActor } = {},
): Promise<BookResult> {
  try {
    const planned = await planBooking(db, booker, choice, now, { teamId: options.teamId });
    if (!planned.ok) return planned;
    const who = { centreId: booker.centre_id, userId: booker.id, bookedBy: options.bookedBy ?? booker.id };
    const actor = options.auditActor;
    // Booking for oneself stays one round trip; staff booking for someone else is recorded
    // in the audit log in the same transaction.
    if (!actor || actor.id === booker.id) return await writeBooking(db, planned.plan, who, now);
    return await db.transaction().execute(async (trx): Promise<BookResult> => {
      const written = await writeBooking(trx, planned.plan, who, now);
      if (written.ok) {
        const after = await trx
          .selectFrom("booking")
          .selectAll()
          .where("id", "=", written.bookingId)
          .executeTakeFirst();
        await recordAudit(trx, actor, {
          action: "booking.create",
          entityType: "booking",
          entityId: written.bookingId,
          after,
        });
      }
      return written;
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    return { ...refuse("taken"), alternatives: await findAlternatives(db, booker, choice, now) };
  }
}
