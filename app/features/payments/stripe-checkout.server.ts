import type { Kysely } from "kysely";
import type Stripe from "stripe";
import type { Database, Locale } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { appUrl } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { payDeadline } from "./pay.server";
import { listPaymentItems } from "./queries.server";
import type { PaymentItemLine } from "./rules";
import { isStripeRefusal, stripeClient } from "./stripe.server";

// Stripe accepts a session's expires_at from 30 minutes to 24 hours after its creation. A
// booking is held for less (15 minutes by default): the session gets Stripe's minimum with a
// minute to spare for clocks, and the app's own hold governs — when it lapses the session is
// expired through the API (expireLapsedCheckouts), and a payment that still arrives for a
// released hold is refunded (see webhook-events.server.ts).
const STRIPE_MIN_EXPIRY_S = 31 * 60;
const STRIPE_MAX_EXPIRY_S = 23 * 60 * 60;

export type CheckoutRefusal = "not_found" | "already_paid" | "not_payable" | "hold_expired" | "stripe_refused";
export type CheckoutResult = { ok: true; url: string; sessionId: string } | { ok: false; code: CheckoutRefusal };

/** What a pending payment is for, with the deadline of its hold. */
async function readPayable(db: Kysely<Database>, user: Pick<SessionUser, "id" | "centre_id">, paymentId: string) {
  const payment = await db
    .selectFrom("payment")
    .leftJoin("booking", "booking.id", "payment.booking_id")
    .select([
      "payment.id",
      "payment.purpose",
      "payment.status",
      "payment.amount_vnd",
      "payment.due_at",
      "payment.booking_id",
      "payment.stripe_checkout_session_id",
      "booking.status as booking_status",
      "booking.hold_expires_at",
    ])
    .where("payment.id", "=", paymentId)
    .where("payment.centre_id", "=", user.centre_id)
    .where("payment.user_id", "=", user.id)
    .executeTakeFirst();
  if (!payment) return null;
  return { ...payment, items: await listPaymentItems(db, paymentId) };
}

function checkoutExpiry(deadline: Date, now: Date): number {
  const nowS = Math.floor(now.getTime() / 1000);
  const wanted = Math.floor(deadline.getTime() / 1000);
  return Math.min(Math.max(wanted, nowS + STRIPE_MIN_EXPIRY_S), nowS + STRIPE_MAX_EXPIRY_S);
}

/** Stripe's line items from the payment's items (their sum is the payment's amount). */
function lineItems(
  payment: { amount_vnd: number; items: PaymentItemLine[] },
  locale: Locale,
): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const name = (item: { description_vi: string; description_en: string }) =>
    locale === "en" ? item.description_en : item.description_vi;
  const charged = payment.items.filter((item) => item.amount_vnd > 0);
  const sum = charged.reduce((total, item) => total + item.amount_vnd, 0);
  const exact = charged.every((item) => item.unit_price_vnd * item.quantity === item.amount_vnd);
  if (sum === payment.amount_vnd && exact && charged.length > 0) {
    return charged.map((item) => ({
      quantity: item.quantity,
      // VND is zero-decimal at Stripe: the amount is whole đồng.
      price_data: { currency: "vnd", unit_amount: item.unit_price_vnd, product_data: { name: name(item) } },
    }));
  }
  // Items that do not add up (a discount line, rounding): one line with the amount owed.
  const first = payment.items[0];
  return [
    {
      quantity: 1,
      price_data: {
        currency: "vnd",
        unit_amount: payment.amount_vnd,
        product_data: { name: first ? name(first) : "Sơn La Innovation Centre" },
      },
    },
  ];
}

/**
 * Starts paying a pending payment by card: a Stripe Checkout Session for exactly what is owed,
 * stored on the payment, whose url the person is sent to. A session still open is reused, so
 * pressing the button twice never charges twice. A hold that has lapsed is refused before
 * Stripe is asked anything.
 */
export async function startCardCheckout(
  db: Kysely<Database>,
  user: Pick<SessionUser, "id" | "centre_id" | "email">,
  paymentId: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<CheckoutResult> {
  const payment = await readPayable(db, user, paymentId);
  if (!payment) return { ok: false, code: "not_found" };
  if (payment.status === "paid" || payment.status === "partially_refunded" || payment.status === "refunded") {
    return { ok: false, code: "already_paid" };
  }
  if (payment.status === "expired") return { ok: false, code: "hold_expired" };
  if (payment.status !== "pending") return { ok: false, code: "not_payable" };
  if (payment.purpose === "booking" && payment.booking_status !== "held") return { ok: false, code: "not_payable" };
  const deadline = payDeadline(payment);
  if (deadline <= now) return { ok: false, code: "hold_expired" };

  const stripe = stripeClient();
  const previous = payment.stripe_checkout_session_id;
  if (previous) {
    const session = await stripe.checkout.sessions.retrieve(previous);
    if (session.status === "open" && session.url) return { ok: true, url: session.url, sessionId: session.id };
    // Paid, the webhook on its way: nothing more to charge.
    if (session.status === "complete") return { ok: false, code: "already_paid" };
  }

  const base = appUrl();
  // Back through the card route, which knows the page the payment is paid from.
  const back = `/payments/${payment.id}/card`;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: lineItems(payment, locale),
        client_reference_id: payment.id,
        metadata: { payment_id: payment.id },
        payment_intent_data: { metadata: { payment_id: payment.id } },
        customer_email: user.email,
        locale: locale === "en" ? "en" : "vi",
        expires_at: checkoutExpiry(deadline, now),
        success_url: `${base}${back}?card=done`,
        cancel_url: `${base}${back}?card=cancelled`,
      },
      // One session per payment and previous session, however often the button is pressed.
      { idempotencyKey: `checkout-${payment.id}-${previous ?? "first"}` },
    );
  } catch (error) {
    if (!isStripeRefusal(error)) throw error;
    logger.warn({ paymentId, err: error }, "Stripe refused a checkout session");
    return { ok: false, code: "stripe_refused" };
  }
  if (!session.url) return { ok: false, code: "stripe_refused" };

  const stored = await db
    .updateTable("payment")
    .set({ stripe_checkout_session_id: session.id, updated_at: now })
    .where("id", "=", payment.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(stored.numUpdatedRows) === 0) {
    // Released while Stripe answered: the session must not take money for it.
    await expireCheckoutSession(session.id);
    return { ok: false, code: "hold_expired" };
  }
  return { ok: true, url: session.url, sessionId: session.id };
}

/** Expires an open Checkout Session; one already finished is left as it is. */
async function expireCheckoutSession(sessionId: string): Promise<boolean> {
  try {
    await stripeClient().checkout.sessions.expire(sessionId);
    return true;
  } catch (error) {
    // Stripe answers 400 for a session that is no longer open: nothing to do.
    if (isStripeRefusal(error)) return false;
    throw error;
  }
}

/**
 * Expires the Checkout Sessions of holds that lapsed in the last few minutes and were not
 * paid, so nobody can still pay on Stripe's page for a slot given to someone else. Run by
 * the jobs every minute; the window makes each session looked at a few times only.
 */
export async function expireLapsedCheckouts(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const lapsed = await db
    .selectFrom("payment")
    .select(["id", "stripe_checkout_session_id"])
    .where("stripe_checkout_session_id", "is not", null)
    .where("status", "in", ["pending", "expired", "cancelled", "failed"])
    .where("due_at", "<=", now)
    .where("due_at", ">", new Date(now.getTime() - 5 * 60_000))
    .execute();
  let expired = 0;
  for (const payment of lapsed) {
    try {
      if (await expireCheckoutSession(payment.stripe_checkout_session_id!)) expired++;
    } catch (error) {
      logger.error({ paymentId: payment.id, err: error }, "could not expire a Checkout Session");
    }
  }
  return expired;
}
