// Starting a card payment: a Checkout Session for exactly what is owed, in đồng, whose page
// the person is sent to; refused before Stripe is asked anything when the hold has lapsed;
// and the stand-in checkout page, reachable only in mock mode.
import { afterEach, describe, expect, it } from "vitest";
import { buyPass } from "~/features/payments/passes.server";
import { installMockStripe, mockStripe } from "~/features/payments/stripe-mock.server";
import { expireLapsedCheckouts } from "~/features/payments/stripe-checkout.server";
import { cardPaymentsEnabled } from "~/features/payments/stripe.server";
import { loader as mockCheckoutLoader } from "~/routes/[__mock-stripe].checkout.$sessionId";
import { action as cardAction, loader as cardLoader } from "~/routes/payments.$paymentId.card";
import { action as webhookAction } from "~/routes/payments.stripe.webhook";
import { db } from "~/utils/database.server";
import { parseEnv, resetEnvCache } from "~/utils/env.server";
import { payCheckoutSession, stripeState } from "../mocks/stripe";
import "../mocks";
import {
  heldBooking,
  paymentRow,
  sign,
  TEST_STRIPE_KEY,
  TEST_WEBHOOK_SECRET,
  webhookRequest,
  withStripeKeys,
} from "../setup/card-payments";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, context, dataOf, statusOf } from "../setup/requests";

withStripeKeys();
useTestDatabase();

afterEach(() => {
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  resetEnvCache();
});

const createRequests = () => stripeState.requests.filter((r) => r.path === "/v1/checkout/sessions");

async function payByCard(paymentId: string, cookie: string) {
  return (await call(cardAction, `/payments/${paymentId}/card`, {
    form: {},
    cookie,
    params: { paymentId },
  })) as Response;
}

describe("paying a held booking by card", () => {
  it("sends the person to a Checkout Session for the booking's price in đồng, kept on the payment", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id, { amount: 250_000 });
    const before = createRequests().length;

    const response = await payByCard(held.paymentId, cookie);

    expect(response.status).toBe(303);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/\/__mock-stripe\/checkout\/cs_test_/);
    expect(createRequests()).toHaveLength(before + 1);
    const sent = createRequests().at(-1)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      mode: "payment",
      client_reference_id: held.paymentId,
      metadata: { payment_id: held.paymentId },
      customer_email: user.email,
      line_items: [
        {
          quantity: "1",
          price_data: { currency: "vnd", unit_amount: "250000", product_data: { name: `Thuê ${held.room.name_vi}` } },
        },
      ],
    });
    // Stripe's minimum lifetime is 30 minutes: more than the 15-minute hold.
    const expiresAt = Number(sent.expires_at);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 60);
    expect(String(sent.success_url)).toBe(`http://localhost:3000/payments/${held.paymentId}/card?card=done`);

    const payment = await paymentRow(held.paymentId);
    expect(location).toContain(payment.stripe_checkout_session_id!);
    expect(stripeState.sessions.get(payment.stripe_checkout_session_id!)).toMatchObject({
      amount_total: 250_000,
      currency: "vnd",
      status: "open",
    });
  });

  it("pressing the button again goes back to the same open session", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    const first = await payByCard(held.paymentId, cookie);
    const before = createRequests().length;
    const second = await payByCard(held.paymentId, cookie);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(createRequests()).toHaveLength(before);
  });

  it("a lapsed hold is refused, with nothing asked of Stripe and nothing charged", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id, { holdMinutes: -1 });
    const before = stripeState.requests.length;

    const response = await payByCard(held.paymentId, cookie);

    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/bookings/${held.bookingId}/pay?card=hold_expired`);
    expect(stripeState.requests).toHaveLength(before);
    expect((await paymentRow(held.paymentId)).stripe_checkout_session_id).toBeNull();
  });

  it("a payment already paid is not charged again", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    await db()
      .updateTable("payment")
      .set({ status: "paid", method: "cash", paid_at: new Date(), receipt_number: 900_001 })
      .where("id", "=", held.paymentId)
      .execute();
    const before = stripeState.requests.length;
    const response = await payByCard(held.paymentId, cookie);
    expect(response.headers.get("Location")).toBe(`/bookings/${held.bookingId}/pay?card=already_paid`);
    expect(stripeState.requests).toHaveLength(before);
  });

  it("someone else's payment answers 404, and visitors are sent to sign in", async () => {
    const { user } = await createUser("founder");
    const other = await createUser("founder");
    const held = await heldBooking(user.id);
    expect(statusOf(await payByCard(held.paymentId, other.cookie))).toBe(404);
    expect(statusOf(await payByCard("not-a-uuid", other.cookie))).toBe(404);
    const visitor = (await call(cardAction, `/payments/${held.paymentId}/card`, {
      form: {},
      params: { paymentId: held.paymentId },
    })) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("coming back from Stripe lands on the booking's pay page with how it went", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    const back = (await call(cardLoader, `/payments/${held.paymentId}/card?card=cancelled`, {
      cookie,
      params: { paymentId: held.paymentId },
    })) as Response;
    expect(back.headers.get("Location")).toBe(`/bookings/${held.bookingId}/pay?card=cancelled`);
  });

  it("Stripe refusing the request (a revoked key) is told plainly, not a 500", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    process.env.STRIPE_SECRET_KEY = "sk_live_revoked";
    resetEnvCache();
    const response = await payByCard(held.paymentId, cookie);
    expect(response.headers.get("Location")).toBe(`/bookings/${held.bookingId}/pay?card=stripe_refused`);
    expect((await paymentRow(held.paymentId)).stripe_checkout_session_id).toBeNull();
  });
});

describe("coming back from Stripe's page before the webhook", () => {
  it("confirms the booking at once; the webhook that follows changes nothing", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    await payByCard(held.paymentId, cookie);
    const sessionId = (await paymentRow(held.paymentId)).stripe_checkout_session_id!;
    const { event } = payCheckoutSession(sessionId)!;

    const back = (await call(cardLoader, `/payments/${held.paymentId}/card?card=done`, {
      cookie,
      params: { paymentId: held.paymentId },
    })) as Response;
    expect(back.headers.get("Location")).toBe(`/bookings/${held.bookingId}/pay?card=done`);
    const paid = await paymentRow(held.paymentId);
    expect(paid).toMatchObject({ status: "paid", method: "card" });

    const body = JSON.stringify(event);
    const delivered = await webhookAction({
      request: webhookRequest(body, sign(body)),
      params: {},
      context: context(),
    });
    expect(delivered.status).toBe(200);
    expect(await paymentRow(held.paymentId)).toEqual(paid);
  });

  it("a session not paid yet leaves the payment pending", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    await payByCard(held.paymentId, cookie);
    await call(cardLoader, `/payments/${held.paymentId}/card?card=done`, {
      cookie,
      params: { paymentId: held.paymentId },
    });
    expect((await paymentRow(held.paymentId)).status).toBe("pending");
  });
});

describe("paying for a pass by card", () => {
  it("goes through the same checkout; once Stripe reports it, the pass is active", async () => {
    const { user, cookie } = await createUser("founder");
    const product = await db()
      .selectFrom("pass_product")
      .select(["id", "price_vnd"])
      .where("centre_id", "=", user.centre_id)
      .where("kind", "=", "day_pass")
      .executeTakeFirstOrThrow();
    const bought = await buyPass(db(), user, product.id);
    if (!bought.ok) throw new Error(bought.code);

    const response = await payByCard(bought.paymentId, cookie);
    expect(response.status).toBe(303);
    const sessionId = (await paymentRow(bought.paymentId)).stripe_checkout_session_id!;
    expect(stripeState.sessions.get(sessionId)).toMatchObject({ amount_total: product.price_vnd, currency: "vnd" });
    expect(stripeState.sessions.get(sessionId)!.success_url).toBe(
      `http://localhost:3000/payments/${bought.paymentId}/card?card=done`,
    );

    const { event } = payCheckoutSession(sessionId)!;
    const body = JSON.stringify(event);
    const delivered = await webhookAction({
      request: webhookRequest(body, sign(body)),
      params: {},
      context: context(),
    });
    expect(delivered.status).toBe(200);
    const pass = await db()
      .selectFrom("pass")
      .innerJoin("payment", "payment.pass_id", "pass.id")
      .select(["pass.status", "payment.status as payment_status"])
      .where("payment.id", "=", bought.paymentId)
      .executeTakeFirstOrThrow();
    expect(pass).toEqual({ status: "active", payment_status: "paid" });
    const back = (await call(cardLoader, `/payments/${bought.paymentId}/card?card=done`, {
      cookie,
      params: { paymentId: bought.paymentId },
    })) as Response;
    expect(back.headers.get("Location")).toBe(`/account/payments/${bought.paymentId}?card=done`);
  });
});

describe("when the hold lapses", () => {
  it("the jobs expire the Checkout Session, so the slot can no longer be paid on Stripe's page", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    await payByCard(held.paymentId, cookie);
    const { stripe_checkout_session_id: sessionId, due_at } = await paymentRow(held.paymentId);
    expect(stripeState.sessions.get(sessionId!)!.status).toBe("open");

    await expireLapsedCheckouts(db(), new Date(due_at.getTime() + 60_000));

    expect(stripeState.sessions.get(sessionId!)!.status).toBe("expired");
    // A second round finds nothing more to do.
    expect(await expireLapsedCheckouts(db(), new Date(due_at.getTime() + 120_000))).toBe(0);
  });
});

describe("without Stripe keys", () => {
  it("the two Stripe variables go together: one without the other stops start-up, naming the missing one", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET: /);
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/STRIPE_SECRET_KEY: /);
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "pk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(
      /STRIPE_SECRET_KEY: /,
    );
    expect(cardPaymentsEnabled(parseEnv({}))).toBe(false);
    expect(cardPaymentsEnabled(parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }))).toBe(
      true,
    );
  });

  it("card payment is not offered: the card route and the webhook answer 404", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id);
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
    expect(statusOf(await payByCard(held.paymentId, cookie))).toBe(404);
    const webhook = await call(webhookAction, "/payments/stripe/webhook", { form: {} });
    expect(statusOf(webhook)).toBe(404);
  });
});

describe("the stand-in for Stripe's checkout page", () => {
  it("shows the session's amount in mock mode, and is not there otherwise", async () => {
    const { user, cookie } = await createUser("founder");
    const held = await heldBooking(user.id, { amount: 180_000 });
    await payByCard(held.paymentId, cookie);
    const sessionId = (await paymentRow(held.paymentId)).stripe_checkout_session_id!;
    const page = await call(mockCheckoutLoader, `/__mock-stripe/checkout/${sessionId}`, { params: { sessionId } });
    expect(dataOf(page)).toMatchObject({ open: true, amount: 180_000 });
    expect(
      statusOf(
        await call(mockCheckoutLoader, "/__mock-stripe/checkout/cs_test_nope", {
          params: { sessionId: "cs_test_nope" },
        }),
      ),
    ).toBe(404);

    const mock = mockStripe();
    installMockStripe(undefined);
    try {
      expect(
        statusOf(await call(mockCheckoutLoader, `/__mock-stripe/checkout/${sessionId}`, { params: { sessionId } })),
      ).toBe(404);
    } finally {
      installMockStripe(mock!);
    }
  });
});
