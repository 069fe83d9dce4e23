import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { logger } from "~/utils/logger.server";
import { recordRefund, type LedgerRefusal } from "./ledger.server";
import { checkRefundAmount } from "./rules";
import { cardPaymentsEnabled, isStripeRefusal, stripeClient } from "./stripe.server";

export type CardRefundResult =
  | { ok: true; refundId: string; stripeRefundId: string }
  | { ok: false; code: LedgerRefusal | "not_card" | "stripe_refused" };

/**
 * Gives card money back: Stripe's refund API first, then the refund is recorded (recordRefund)
 * in the caller's transaction. The bounds are checked with the payment's row locked before
 * Stripe is asked, so a refund larger than what is left is refused without a call. The
 * idempotency key names the payment, what was refunded before and the amount: if the
 * transaction fails after Stripe refunded, the retry gets the same refund back, not a second.
 */
export async function refundCardPayment(
  trx: Transaction<Database> | Kysely<Database>,
  paymentId: string,
  refund: { amountVnd: number; reason: string; by: string | null },
  now: Date = new Date(),
): Promise<CardRefundResult> {
  if (!isUuid(paymentId)) return { ok: false, code: "not_found" };
  const payment = await trx
    .selectFrom("payment")
    .select(["id", "status", "method", "amount_vnd", "stripe_payment_intent_id"])
    .where("id", "=", paymentId)
    .forUpdate()
    .executeTakeFirst();
  if (!payment) return { ok: false, code: "not_found" };
  if (payment.method !== "card" || !payment.stripe_payment_intent_id) return { ok: false, code: "not_card" };
  if (payment.status !== "paid" && payment.status !== "partially_refunded") return { ok: false, code: "not_paid" };
  const done = await trx
    .selectFrom("refund")
    .select(sql<string>`coalesce(sum(amount_vnd), 0)`.as("total"))
    .where("payment_id", "=", payment.id)
    .where("status", "<>", "failed")
    .executeTakeFirstOrThrow();
  const refundedBefore = Number(done.total);
  const checked = checkRefundAmount(payment.amount_vnd, refundedBefore, refund.amountVnd);
  if (!checked.ok) return { ok: false, code: checked.code };

  // Keys removed since the payment was made: nothing can be sent to Stripe from here.
  if (!cardPaymentsEnabled()) return { ok: false, code: "stripe_refused" };
  let stripeRefund;
  try {
    stripeRefund = await stripeClient().refunds.create(
      {
        payment_intent: payment.stripe_payment_intent_id,
        amount: refund.amountVnd,
        metadata: { payment_id: payment.id, reason: refund.reason },
      },
      { idempotencyKey: `refund-${payment.id}-${refundedBefore}-${refund.amountVnd}` },
    );
  } catch (error) {
    if (!isStripeRefusal(error)) throw error;
    logger.warn({ paymentId, err: error }, "Stripe refused a refund");
    return { ok: false, code: "stripe_refused" };
  }
  const recorded = await recordRefund(
    trx,
    payment.id,
    {
      amountVnd: refund.amountVnd,
      stripeRefundId: stripeRefund.id,
      // Card refunds usually succeed at once; one still pending at Stripe is recorded pending.
      status: stripeRefund.status === "succeeded" ? "succeeded" : "pending",
      reason: refund.reason,
      by: refund.by,
    },
    now,
  );
  if (!recorded.ok) return recorded;
  return { ok: true, refundId: recorded.refundId, stripeRefundId: stripeRefund.id };
}
