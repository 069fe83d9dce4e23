import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { auditCancelRefund, refundOnCancel } from "~/features/payments/refund-on-cancel.server";
import { recordAudit } from "~/features/audit/record-audit.server";
import { enqueueBookingMessage } from "./notify.server";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import { eventHoldingBooking, getBooking, getCentreZone, getPolicy, lockBooking } from "./queries.server";
import { checkCancel, isStaffRole } from "./rules";

export type CancelResult = { ok: true } | Refusal;

/** Cancels one's own booking up to the deadline; staff may cancel any booking at any time. */
export async function cancelBooking(
  db: Kysely<Database>,
  actor: Booker,
  bookingId: string,
  now: Date = new Date(),
  reason: string | null = null,
): Promise<CancelResult> {
  return db.transaction().execute(async (trx): Promise<CancelResult> => {
    const found = await getBooking(trx, actor.centre_id, bookingId);
    const staff = isStaffRole(actor.role);
    // Someone else's booking is as unknown as a missing one.
    if (!found || (!staff && found.user_id !== actor.id)) return refuse("not_found");
    await lockBooking(trx, found.id);
    const booking = (await getBooking(trx, actor.centre_id, bookingId))!;
    if (booking.status !== "confirmed" && booking.status !== "held") return refuse("not_active");
    const event = await eventHoldingBooking(trx, booking.id);
    if (event) return refuse("held_by_event", { eventId: event.id });
    const policy = await getPolicy(trx, actor.centre_id);
    const allowed = checkCancel(booking.starts_at, now, policy, staff);
    if (!allowed.ok) return refuse(allowed.code, { minutes: policy.cancelDeadlineMinutes });
    const after = await trx
      .updateTable("booking")
      .set((eb) => ({
        status: "cancelled",
        cancelled_at: now,
        cancelled_by: actor.id,
        cancel_reason: reason,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", booking.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A pass use goes back, a pending payment ends, a paid one is refunded (decision 015).
    const money = await refundOnCancel(trx, booking.id, actor.id, now);
    // Staff cancelling someone else's booking is recorded; people cancelling their own are not.
    if (staff && booking.user_id !== actor.id) {
      await recordAudit(trx, actor, {
        action: "booking.cancel",
        entityType: "booking",
        entityId: booking.id,
        before: booking,
        after,
      });
      await auditCancelRefund(trx, actor, money);
    }
    await enqueueBookingMessage(trx, "cancelled", booking, await getCentreZone(trx, actor.centre_id));
    return { ok: true };
  });
}
