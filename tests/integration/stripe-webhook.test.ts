// Stripe's webhooks: verified on the raw body, recorded by event id and acted on once, and
// refused or ignored — changing nothing — when unsigned, tampered, replayed, about a payment
// the app does not know or has finished, or for the wrong amount or currency.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startCardCheckout } from "~/features/payments/stripe-checkout.server";
import { action as webhookAction } from "~/routes/payments.stripe.webhook";
import { db } from "~/utils/database.server";
import { checkoutEvent, payCheckoutSession, stripeState } from "../mocks/stripe";
import "../mocks";
import { bookingRow, heldBooking, paymentRow, sign, webhookRequest, withStripeKeys } from "../setup/card-payments";
import { useTestDatabase } from "../setup/database";
import { context } from "../setup/requests";
import { createUser } from "../setup/factories";

withStripeKeys();
useTestDatabase();

async function deliver(body: string, signature: string | null) {
  const response = await webhookAction({ request: webhookRequest(body, signature), params: {}, context: context() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A held booking whose card checkout was started and paid on Stripe's page: its event. */
async function paidOnStripe(amount = 150_000) {
  const { user } = await createUser("founder");
  const held = await heldBooking(user.id, { amount });
  const started = await startCardCheckout(db(), user, held.paymentId, "vi");
  if (!started.ok) throw new Error(`checkout refused: ${started.code}`);
  const paid = payCheckoutSession(started.sessionId)!;
  return { user, held, sessionId: started.sessionId, session: paid.session, event: paid.event };
}

async function eventRow(id: string) {
  return db().selectFrom("stripe_event").selectAll().where("id", "=", id).executeTakeFirst();
}

async function outboxTo(email: string) {
  return db().selectFrom("outbox").select("subject").where("to_address", "=", email).execute();
}

describe("a signed checkout.session.completed", () => {
  it("confirms the held booking, records the card payment with a receipt number, and is acted on once", async () => {
    const { user, held, sessionId, event } = await paidOnStripe();
    const body = JSON.stringify(event);

    const first = await deliver(body, sign(body));
    expect(first).toEqual({ status: 200, body: { received: true, replay: false } });
    const payment = await paymentRow(held.paymentId);
    expect(payment).toMatchObject({
      status: "paid",
      method: "card",
      stripe_checkout_session_id: sessionId,
    });
    expect(payment.stripe_payment_intent_id).toMatch(/^pi_/);
    expect(payment.receipt_number).toBeGreaterThan(0);
    expect((await bookingRow(held.bookingId)).status).toBe("confirmed");
    expect(await eventRow(event.id)).toMatchObject({ type: "checkout.session.completed", outcome: "paid" });
    const mails = (await outboxTo(user.email)).length;
    expect(mails).toBeGreaterThan(0);

    // Stripe delivers again (it retries until it sees a 2xx): acknowledged, nothing changes.
    const replay = await deliver(body, sign(body));
    expect(replay).toEqual({ status: 200, body: { received: true, replay: true } });
    const after = await paymentRow(held.paymentId);
    expect(after.receipt_number).toBe(payment.receipt_number);
    expect(after.updated_at.getTime()).toBe(payment.updated_at.getTime());
    expect(await outboxTo(user.email)).toHaveLength(mails);
  });

  it("as a new event about a payment already paid changes nothing", async () => {
    const { held, session, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    await deliver(body, sign(body));
    const before = await paymentRow(held.paymentId);
    const again = JSON.stringify(checkoutEvent("checkout.session.completed", { ...session, url: null }));
    expect((await deliver(again, sign(again))).status).toBe(200);
    expect(await paymentRow(held.paymentId)).toEqual(before);
    expect(await eventRow(JSON.parse(again).id)).toMatchObject({ outcome: "already_finished" });
  });
});

describe("deliveries at the same moment", () => {
  it("the same event twice at once is acted on once", async () => {
    const { user, held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    const results = await Promise.all([deliver(body, sign(body)), deliver(body, sign(body))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.replay).sort()).toEqual([false, true]);
    expect((await paymentRow(held.paymentId)).status).toBe("paid");
    const confirmations = await db().selectFrom("outbox").select("id").where("to_address", "=", user.email).execute();
    expect(confirmations).toHaveLength(1);
  });

  it("two different events paying the same payment at once: one pays, the other changes nothing", async () => {
    const { held, session, event } = await paidOnStripe();
    const first = JSON.stringify(event);
    const second = JSON.stringify(checkoutEvent("checkout.session.completed", { ...session, url: null }));
    await Promise.all([deliver(first, sign(first)), deliver(second, sign(second))]);
    const outcomes = await db()
      .selectFrom("stripe_event")
      .select("outcome")
      .where("payment_id", "=", held.paymentId)
      .execute();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["already_finished", "paid"]);
    const receipts = await db()
      .selectFrom("payment")
      .select("receipt_number")
      .where("id", "=", held.paymentId)
      .execute();
    expect(receipts).toHaveLength(1);
  });
});

describe("webhooks that are not Stripe's are refused with 400 and change nothing", () => {
  it("unsigned", async () => {
    const { held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    expect((await deliver(body, null)).status).toBe(400);
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
    expect((await bookingRow(held.bookingId)).status).toBe("held");
    expect(await eventRow(event.id)).toBeUndefined();
  });

  it("tampered: signed, then the body changed", async () => {
    const { held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    const signature = sign(body);
    const tampered = body.replace(`"amount_total":${held.amount}`, `"amount_total":1000`);
    expect(tampered).not.toBe(body);
    expect(await deliver(tampered, signature)).toEqual({ status: 400, body: { error: "bad_signature" } });
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
    expect(await eventRow(event.id)).toBeUndefined();
  });

  it("signed with another secret, or with a made-up header", async () => {
    const { held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    expect((await deliver(body, sign(body, "whsec_someone_else"))).status).toBe(400);
    expect((await deliver(body, "t=1,v1=abc")).status).toBe(400);
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
  });

  it("signed long ago (a captured request played back)", async () => {
    const { held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    const { default: Stripe } = await import("stripe");
    const old = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: process.env.STRIPE_WEBHOOK_SECRET!,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await deliver(body, old)).status).toBe(400);
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
  });
});

describe("signed events that must change nothing", () => {
  it("a payment the app does not know is acknowledged and recorded", async () => {
    const { session } = await paidOnStripe();
    const stranger = { ...session, metadata: { payment_id: randomUUID() }, client_reference_id: null, url: null };
    const body = JSON.stringify(checkoutEvent("checkout.session.completed", stranger));
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(await eventRow(JSON.parse(body).id)).toMatchObject({ outcome: "unknown_payment", payment_id: null });
  });

  it.each([
    ["an amount that is not the booking's price", { amount_total: 1_000 }],
    ["a currency that is not đồng", { currency: "usd" }],
  ])("%s: recorded, not paid", async (_what, change) => {
    const { held, session } = await paidOnStripe();
    const body = JSON.stringify(checkoutEvent("checkout.session.completed", { ...session, ...change, url: null }));
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
    expect((await bookingRow(held.bookingId)).status).toBe("held");
    expect(await eventRow(JSON.parse(body).id)).toMatchObject({
      outcome: "amount_mismatch",
      payment_id: held.paymentId,
    });
  });

  it("an unpaid completion (a delayed payment method) waits for the money", async () => {
    const { held, session } = await paidOnStripe();
    const body = JSON.stringify(
      checkoutEvent("checkout.session.completed", { ...session, payment_status: "unpaid", url: null }),
    );
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
  });

  it("an event type the app does not use", async () => {
    const body = JSON.stringify({ ...checkoutEvent("checkout.session.completed", {}), type: "customer.created" });
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect(await eventRow(JSON.parse(body).id)).toMatchObject({ outcome: "ignored" });
  });
});

describe("sessions that end without money", () => {
  it.each([
    ["checkout.session.expired", "expired"],
    ["checkout.session.async_payment_failed", "failed"],
  ] as const)("%s releases the hold: the payment is %s and the slot is free again", async (type, status) => {
    const { user } = await createUser("founder");
    const held = await heldBooking(user.id);
    const started = await startCardCheckout(db(), user, held.paymentId, "vi");
    if (!started.ok) throw new Error(started.code);
    const session = stripeState.sessions.get(started.sessionId)!;
    const body = JSON.stringify(checkoutEvent(type, { ...session, status: "expired", url: null }));
    expect((await deliver(body, sign(body))).status).toBe(200);
    expect((await paymentRow(held.paymentId)).status).toBe(status);
    expect(await bookingRow(held.bookingId)).toMatchObject({ status: "cancelled" });
    expect(await eventRow(JSON.parse(body).id)).toMatchObject({ outcome: "released" });
  });

  it("an expired older session of a payment now paid through a newer one changes nothing", async () => {
    const { held, event } = await paidOnStripe();
    const body = JSON.stringify(event);
    await deliver(body, sign(body));
    const expired = JSON.stringify(
      checkoutEvent("checkout.session.expired", { ...event.data.object, id: "cs_test_older", status: "expired" }),
    );
    expect((await deliver(expired, sign(expired))).status).toBe(200);
    expect((await paymentRow(held.paymentId)).status).toBe("paid");
    expect((await bookingRow(held.bookingId)).status).toBe("confirmed");
  });

  it("money that arrives after the hold was released is refunded through Stripe, and the booking stays released", async () => {
    const { held, event } = await paidOnStripe();
    // The jobs released the hold before the webhook came.
    await db().updateTable("payment").set({ status: "expired" }).where("id", "=", held.paymentId).execute();
    await db().updateTable("booking").set({ status: "cancelled" }).where("id", "=", held.bookingId).execute();
    const body = JSON.stringify(event);
    expect((await deliver(body, sign(body))).status).toBe(200);
    const intent = (event.data.object as { payment_intent: string }).payment_intent;
    const refunds = [...stripeState.refunds.values()].filter((r) => r.payment_intent === intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(held.amount);
    expect((await paymentRow(held.paymentId)).status).toBe("expired");
    expect((await bookingRow(held.bookingId)).status).toBe("cancelled");
    expect(await eventRow(event.id)).toMatchObject({ outcome: "late_payment_refunded" });
  });
});
