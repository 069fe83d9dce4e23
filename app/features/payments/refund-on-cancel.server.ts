import type { Kysely, Transaction } from "kysely";
import type { Database, PaymentMethod } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { recordRefund, releasePayment } from "./ledger.server";
import { refundCardPayment } from "./stripe-refund.server";

type Trx = Transaction<Database> | Kysely<Database>;

export type CancelRefund =
  | { kind: "none" }
  | { kind: "released"; paymentId: string } // the booking was still held: its pending payment ends, nothing was paid
  | { kind: "refund"; refundId: string; paymentId: string; method: PaymentMethod; amountVnd: number }
  | { kind: "card"; paymentId: string; amountVnd: number }; // a card refund still to send to Stripe

/**
 * What cancelling a booking within the policy does to its money, inside the cancel's
 * transaction: a pass use is given back; a pending payment is released; a paid one gets a
 * refund of what is left of it. Cash and transfer refunds are recorded 'pending' and paid back
 * by staff (/staff/payments, completeRefund). Card refunds go through Stripe's refund API
 * (stripe-refund.server.ts records them): the card branch below is the hook for it.
 */
export async function refundOnCancel(
  trx: Trx,
  bookingId: string,
  by: string | null,
  now: Date = new Date(),
): Promise<CancelRefund> {
  const use = await trx
    .updateTable("pass_use")
    .set({ returned_at: now })
    .where("booking_id", "=", bookingId)
    .where("returned_at", "is", null)
    .returning(["pass_id", "uses"])
    .executeTakeFirst();
  if (use) {
    await trx
      .updateTable("pass")
      .set((eb) => ({ uses_left: eb("uses_left", "+", use.uses), updated_at: now }))
      .where("id", "=", use.pass_id)
      .where("uses_left", "is not", null)
      .execute();
  }

  const booking = await trx.selectFrom("booking").select("payment_id").where("id", "=", bookingId).executeTakeFirst();
  if (!booking?.payment_id) return { kind: "none" };
  const payment = await trx
    .selectFrom("payment")
    .select(["id", "status", "method", "amount_vnd"])
    .where("id", "=", booking.payment_id)
    .executeTakeFirst();
  if (!payment) return { kind: "none" };
  if (payment.status === "pending") {
    await releasePayment(trx, payment.id, "cancelled", now);
    return { kind: "released", paymentId: payment.id };
  }
  if ((payment.status !== "paid" && payment.status !== "partially_refunded") || !payment.method)
    return { kind: "none" };
  const refunded = await trx
    .selectFrom("refund")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount_vnd"), eb.lit(0)).as("total"))
    .where("payment_id", "=", payment.id)
    .where("status", "<>", "failed")
    .executeTakeFirst();
  const left = payment.amount_vnd - Number(refunded?.total ?? 0);
  if (left <= 0) return { kind: "none" };
  // Card: refunded through Stripe's refund API, then recorded (stripe-refund.server.ts). When
  // Stripe refuses, the refund is recorded pending for staff to settle by hand.
  if (payment.method === "card") {
    const card = await refundCardPayment(trx, payment.id, { amountVnd: left, reason: "booking_cancelled", by }, now);
    if (card.ok) {
      return { kind: "refund", refundId: card.refundId, paymentId: payment.id, method: "card", amountVnd: left };
    }
    if (card.code !== "stripe_refused") return { kind: "none" };
  }
  const recorded = await recordRefund(trx, payment.id, { amountVnd: left, reason: "booking_cancelled", by }, now);
  if (!recorded.ok) return { kind: "none" };
  return {
    kind: "refund",
    refundId: recorded.refundId,
    paymentId: payment.id,
    method: payment.method,
    amountVnd: left,
  };
}

/**
 * What staff cancelling someone's booking did to its money, for the audit log (in the cancel's
 * transaction): a refund owed (its row) or a pending payment ended (the payment after).
 */
export async function auditCancelRefund(trx: Trx, actor: AuditActor, outcome: CancelRefund): Promise<void> {
  if (outcome.kind === "refund") {
    const refund = await trx.selectFrom("refund").selectAll().where("id", "=", outcome.refundId).executeTakeFirst();
    if (refund) {
      await recordAudit(trx, actor, {
        action: "refund.create",
        entityType: "refund",
        entityId: refund.id,
        after: refund,
      });
    }
  } else if (outcome.kind === "released") {
    const payment = await trx.selectFrom("payment").selectAll().where("id", "=", outcome.paymentId).executeTakeFirst();
    if (payment) {
      await recordAudit(trx, actor, {
        action: "payment.release",
        entityType: "payment",
        entityId: payment.id,
        before: { ...payment, status: "pending", cancel_reason: null },
        after: payment,
      });
    }
  }
}
