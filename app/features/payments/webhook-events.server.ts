import type { Kysely, Transaction } from "kysely";
import type Stripe from "stripe";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { logger } from "~/utils/logger.server";
import { markPaid, releasePayment } from "./ledger.server";
import { stripeClient, webhookSecret } from "./stripe.server";

export type WebhookOutcome =
  | "paid"
  | "released"
  | "amount_mismatch"
  | "awaiting_payment"
  | "unknown_payment"
  | "already_finished"
  | "late_payment_refunded"
  | "other_session"
  | "ignored";

export type WebhookResult =
  | { status: 400; reason: "unsigned" | "bad_signature" }
  | { status: 200; replay: true }
  | { status: 200; replay: false; outcome: WebhookOutcome };

/**
 * Handles one webhook from Stripe. The signature is checked on the raw body first: an
 * unsigned or tampered request changes nothing (400). The event's id is recorded in the
 * same transaction as its effect, so however often Stripe delivers it, it is acted on once;
 * a replay is acknowledged (200) and changes nothing. Events about payments the app does
 * not know, or that are already finished, are acknowledged and change nothing.
 */
export async function receiveStripeWebhook(
  db: Kysely<Database>,
  rawBody: string,
  signature: string | null,
  now: Date = new Date(),
): Promise<WebhookResult> {
  if (!signature) return { status: 400, reason: "unsigned" };
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, webhookSecret());
  } catch {
    return { status: 400, reason: "bad_signature" };
  }
  return db.transaction().execute(async (trx) => {
    const recorded = await trx
      .insertInto("stripe_event")
      .values({ id: event.id, type: event.type, received_at: now })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!recorded) return { status: 200, replay: true } as const;
    const { outcome, paymentId } = await applyEvent(trx, event, now);
    await trx
      .updateTable("stripe_event")
      .set({ processed_at: now, outcome, payment_id: paymentId })
      .where("id", "=", event.id)
      .execute();
    if (outcome !== "paid" && outcome !== "released" && outcome !== "ignored") {
      logger.warn({ eventId: event.id, type: event.type, paymentId, outcome }, "Stripe event changed nothing");
    }
    return { status: 200, replay: false, outcome } as const;
  });
}

type Applied = { outcome: WebhookOutcome; paymentId: string | null };

async function applyEvent(trx: Transaction<Database>, event: Stripe.Event, now: Date): Promise<Applied> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return sessionPaid(trx, event.data.object, now);
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      return sessionLapsed(
        trx,
        event.data.object,
        event.type === "checkout.session.expired" ? "expired" : "failed",
        now,
      );
    default:
      return { outcome: "ignored", paymentId: null };
  }
}

/** The payment a session is for, locked for the rest of the transaction; only real ids are looked up. */
async function paymentOf(trx: Transaction<Database>, session: Stripe.Checkout.Session) {
  const id = session.metadata?.payment_id ?? session.client_reference_id;
  if (!isUuid(id)) return null;
  return trx
    .selectFrom("payment")
    .select(["id", "status", "stripe_checkout_session_id"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Acts on a Checkout Session Stripe says is complete: the webhook's path, and the person's
 * return from Stripe's page (confirmCheckoutOnReturn), whichever comes first; the other then
 * finds the payment finished and changes nothing.
 */
async function sessionPaid(trx: Transaction<Database>, session: Stripe.Checkout.Session, now: Date): Promise<Applied> {
  const payment = await paymentOf(trx, session);
  if (!payment) return { outcome: "unknown_payment", paymentId: null };
  const applied = (outcome: WebhookOutcome): Applied => ({ outcome, paymentId: payment.id });
  // Bank debits and other delayed methods complete unpaid: async_payment_succeeded follows.
  if (session.payment_status !== "paid") return applied("awaiting_payment");
  const intentId = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (payment.status === "pending") {
    // The amount and currency must be exactly what the booking or pass costs (markPaid checks).
    const paid = await markPaid(
      trx,
      payment.id,
      {
        method: "card",
        amountVnd: session.amount_total ?? -1,
        currency: session.currency ?? "",
        stripeCheckoutSessionId: session.id,
        stripePaymentIntentId: intentId ?? null,
      },
      now,
    );
    if (paid.ok) return applied("paid");
    if (paid.code === "amount_mismatch" || paid.code === "currency_mismatch") return applied("amount_mismatch");
    if (paid.code !== "expired") return applied("already_finished");
    // Paid after the hold's deadline, before the jobs released it: released now, and refunded.
    await releasePayment(trx, payment.id, "expired", now);
  } else if (payment.status !== "expired" && payment.status !== "cancelled" && payment.status !== "failed") {
    return applied("already_finished");
  }
  // Paid on Stripe's page after the hold was released (the slot may be someone else's by now):
  // the money goes back. Inside the transaction, so a failed refund rolls the event back and
  // Stripe's next delivery tries again; the idempotency key makes it one refund.
  if (!intentId) return applied("already_finished");
  await stripeClient().refunds.create(
    { payment_intent: intentId, metadata: { payment_id: payment.id, reason: "hold_released" } },
    { idempotencyKey: `late-${session.id}` },
  );
  return applied("late_payment_refunded");
}

async function sessionLapsed(
  trx: Transaction<Database>,
  session: Stripe.Checkout.Session,
  reason: "expired" | "failed",
  now: Date,
): Promise<Applied> {
  const payment = await paymentOf(trx, session);
  if (!payment) return { outcome: "unknown_payment", paymentId: null };
  if (payment.status !== "pending") return { outcome: "already_finished", paymentId: payment.id };
  // An older session of a payment the person is now paying through a newer one.
  if (payment.stripe_checkout_session_id !== session.id) return { outcome: "other_session", paymentId: payment.id };
  await releasePayment(trx, payment.id, reason, now);
  return { outcome: "released", paymentId: payment.id };
}

/**
 * When the person comes back from Stripe's page, the session is read from Stripe and, if it
 * is paid, acted on at once, so the page they land on already shows the booking confirmed
 * even when the webhook is still on its way. Any trouble reaching Stripe leaves it to the webhook.
 */
export async function confirmCheckoutOnReturn(
  db: Kysely<Database>,
  paymentId: string,
  now: Date = new Date(),
): Promise<void> {
  const payment = await db
    .selectFrom("payment")
    .select(["status", "stripe_checkout_session_id"])
    .where("id", "=", paymentId)
    .executeTakeFirst();
  if (!payment?.stripe_checkout_session_id || payment.status !== "pending") return;
  try {
    const session = await stripeClient().checkout.sessions.retrieve(payment.stripe_checkout_session_id);
    if (session.status !== "complete" || session.payment_status !== "paid") return;
    const { outcome } = await db.transaction().execute((trx) => sessionPaid(trx, session, now));
    logger.info({ paymentId, outcome }, "card payment confirmed on return from Stripe");
  } catch (error) {
    logger.warn({ paymentId, err: error }, "could not read the Checkout Session on return; the webhook will tell");
  }
}
