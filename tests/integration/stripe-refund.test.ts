// Card refunds: Stripe's refund API, then the refund recorded; never more than what is left,
// refused before Stripe is asked.
import { describe, expect, it } from "vitest";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { startCardCheckout } from "~/features/payments/stripe-checkout.server";
import { refundCardPayment } from "~/features/payments/stripe-refund.server";
import { action as webhookAction } from "~/routes/payments.stripe.webhook";
import { db } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";
import { payCheckoutSession, stripeState } from "../mocks/stripe";
import "../mocks";
import {
  bookingRow,
  heldBooking,
  paymentRow,
  sign,
  TEST_STRIPE_KEY,
  webhookRequest,
  withStripeKeys,
} from "../setup/card-payments";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { context } from "../setup/requests";

withStripeKeys();
useTestDatabase();

/** A booking paid by card through the whole flow: checkout, Stripe's page, the webhook. */
async function paidByCard(amount: number) {
  const { user } = await createUser("founder");
  const held = await heldBooking(user.id, { amount });
  const started = await startCardCheckout(db(), user, held.paymentId, "vi");
  if (!started.ok) throw new Error(started.code);
  const { event } = payCheckoutSession(started.sessionId)!;
  const body = JSON.stringify(event);
  const response = await webhookAction({ request: webhookRequest(body, sign(body)), params: {}, context: context() });
  expect(response.status).toBe(200);
  const payment = await paymentRow(held.paymentId);
  expect(payment.status).toBe("paid");
  return { user, held, intentId: payment.stripe_payment_intent_id! };
}

const refundsAtStripe = (intentId: string) =>
  [...stripeState.refunds.values()].filter((r) => r.payment_intent === intentId);
const refundRows = (paymentId: string) =>
  db().selectFrom("refund").selectAll().where("payment_id", "=", paymentId).orderBy("created_at").execute();

describe("refunding a card payment", () => {
  it("refunds through Stripe and records it; the rest can follow, never more than was paid", async () => {
    const { user, held, intentId } = await paidByCard(300_000);
    const refund = (amountVnd: number) =>
      db()
        .transaction()
        .execute((trx) => refundCardPayment(trx, held.paymentId, { amountVnd, reason: "cancelled", by: user.id }));

    const part = await refund(100_000);
    expect(part.ok).toBe(true);
    expect(refundsAtStripe(intentId).map((r) => r.amount)).toEqual([100_000]);
    expect((await paymentRow(held.paymentId)).status).toBe("partially_refunded");
    const [first] = await refundRows(held.paymentId);
    expect(first).toMatchObject({ amount_vnd: 100_000, status: "succeeded" });
    expect(first!.stripe_refund_id).toMatch(/^re_/);

    // 250.000 ₫ is more than the 200.000 ₫ left: refused before Stripe is asked.
    const calls = stripeState.requests.length;
    expect(await refund(250_000)).toEqual({ ok: false, code: "refund_too_large" });
    expect(stripeState.requests).toHaveLength(calls);
    expect(await refundRows(held.paymentId)).toHaveLength(1);
    expect((await paymentRow(held.paymentId)).status).toBe("partially_refunded");

    expect((await refund(200_000)).ok).toBe(true);
    expect(refundsAtStripe(intentId).map((r) => r.amount)).toEqual([100_000, 200_000]);
    expect((await paymentRow(held.paymentId)).status).toBe("refunded");
    expect(await refund(1)).toEqual({ ok: false, code: "not_paid" });
  });

  it.each([0, -5, 1.5])("refuses %s đồng", async (amount) => {
    const { user, held, intentId } = await paidByCard(120_000);
    const result = await db()
      .transaction()
      .execute((trx) => refundCardPayment(trx, held.paymentId, { amountVnd: amount, reason: "x", by: user.id }));
    expect(result).toEqual({ ok: false, code: "invalid_amount" });
    expect(refundsAtStripe(intentId)).toHaveLength(0);
  });

  it("a payment that was not made by card, or not paid, is not sent to Stripe", async () => {
    const { user } = await createUser("founder");
    const held = await heldBooking(user.id);
    const calls = stripeState.requests.length;
    const result = await db()
      .transaction()
      .execute((trx) => refundCardPayment(trx, held.paymentId, { amountVnd: 1_000, reason: "x", by: user.id }));
    expect(result).toEqual({ ok: false, code: "not_card" });
    expect(stripeState.requests).toHaveLength(calls);
  });
});

describe("cancelling a booking paid by card, within the policy", () => {
  it("refunds what was paid through Stripe and records it", async () => {
    const { user, held, intentId } = await paidByCard(175_000);
    expect(await cancelBooking(db(), user, held.bookingId)).toEqual({ ok: true });
    expect((await bookingRow(held.bookingId)).status).toBe("cancelled");
    expect(refundsAtStripe(intentId).map((r) => r.amount)).toEqual([175_000]);
    const [refund] = await refundRows(held.paymentId);
    expect(refund).toMatchObject({ amount_vnd: 175_000, status: "succeeded", reason: "booking_cancelled" });
    expect((await paymentRow(held.paymentId)).status).toBe("refunded");
  });

  it("when Stripe refuses, the booking is still cancelled and the refund waits for staff", async () => {
    const { user, held, intentId } = await paidByCard(90_000);
    process.env.STRIPE_SECRET_KEY = "sk_live_revoked";
    resetEnvCache();
    try {
      expect(await cancelBooking(db(), user, held.bookingId)).toEqual({ ok: true });
    } finally {
      process.env.STRIPE_SECRET_KEY = TEST_STRIPE_KEY;
      resetEnvCache();
    }
    expect(refundsAtStripe(intentId)).toHaveLength(0);
    const [refund] = await refundRows(held.paymentId);
    expect(refund).toMatchObject({ amount_vnd: 90_000, status: "pending", stripe_refund_id: null });
  });
});
