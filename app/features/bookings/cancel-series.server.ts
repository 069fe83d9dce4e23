import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { auditCancelRefund, refundOnCancel } from "~/features/payments/refund-on-cancel.server";
import { recordAudit } from "~/features/audit/record-audit.server";
import { enqueueBookingMessage } from "./notify.server";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import { getBooking, getCentreZone, getPolicy } from "./queries.server";
import { checkCancel, isStaffRole } from "./rules";

export type CancelSeriesResult = { ok: true; cancelled: number } | Refusal;

/** Cancels an occurrence of a series and every later active one, in one transaction. */
export async function cancelSeriesFrom(
  db: Kysely<Database>,
  actor: Booker,
  bookingId: string,
  now: Date = new Date(),
): Promise<CancelSeriesResult> {
  return db.transaction().execute(async (trx): Promise<CancelSeriesResult> => {
    const booking = await getBooking(trx, actor.centre_id, bookingId);
    const staff = isStaffRole(actor.role);
    if (!booking || !booking.series_id || (!staff && booking.user_id !== actor.id)) return refuse("not_found");
    if (booking.status !== "confirmed" && booking.status !== "held") return refuse("not_active");
    const policy = await getPolicy(trx, actor.centre_id);
    const allowed = checkCancel(booking.starts_at, now, policy, staff);
    if (!allowed.ok) return refuse(allowed.code, { minutes: policy.cancelDeadlineMinutes });
    const cancelled = await trx
      .updateTable("booking")
      .set((eb) => ({
        status: "cancelled",
        cancelled_at: now,
        cancelled_by: actor.id,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("series_id", "=", booking.series_id)
      .where("starts_at", ">=", booking.starts_at)
      .where("status", "in", ["confirmed", "held"])
      .returning("id")
      .execute();
    const byStaff = staff && booking.user_id !== actor.id;
    if (byStaff) {
      await recordAudit(trx, actor, {
        action: "booking_series.cancel",
        entityType: "booking_series",
        entityId: booking.series_id,
        before: { status: booking.status, from: booking.starts_at },
        after: { status: "cancelled", from: booking.starts_at, cancelled_bookings: cancelled.map((c) => c.id) },
      });
    }
    const zone = await getCentreZone(trx, actor.centre_id);
    for (const { id } of cancelled) {
      // Pass uses back, pending payments ended, paid ones refunded (decision 015).
      const money = await refundOnCancel(trx, id, actor.id, now);
      if (byStaff) await auditCancelRefund(trx, actor, money);
      const row = await getBooking(trx, actor.centre_id, id);
      if (row) await enqueueBookingMessage(trx, "cancelled", row, zone);
    }
    return { ok: true, cancelled: cancelled.length };
  });
}
