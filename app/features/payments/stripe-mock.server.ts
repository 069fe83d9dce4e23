import Stripe from "stripe";
import { appUrl } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { webhookSecret } from "./stripe.server";

// The in-memory stand-in for Stripe (tests/mocks/stripe.ts) puts its store on globalThis when
// it is loaded: by the tests, and by `npm run start:mocks` (node --import). The app reads it
// only through this module, for the page that stands in for Stripe's hosted checkout; in a
// normal server nothing sets it, and that page answers 404.

export interface MockCheckoutSession {
  id: string;
  object: "checkout.session";
  amount_total: number;
  currency: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  payment_intent: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string | null;
  cancel_url: string | null;
  expires_at: number;
  line_items_shown: { name: string; quantity: number; amount: number }[];
}

export interface MockStripe {
  /** The session, or undefined when Stripe would not know it. */
  session(id: string): MockCheckoutSession | undefined;
  /** Pays an open session as a card holder would: the completed session and its event. */
  pay(id: string): { session: MockCheckoutSession; event: Record<string, unknown> } | null;
}

const slot = globalThis as typeof globalThis & { __sonlaStripeMock?: MockStripe };

export function mockStripe(): MockStripe | null {
  return slot.__sonlaStripeMock ?? null;
}

export function installMockStripe(mock: MockStripe | undefined): void {
  slot.__sonlaStripeMock = mock;
}

/**
 * What Stripe does when a card holder pays on its page: the session is completed and the app
 * gets a correctly signed checkout.session.completed webhook over HTTP. Returns where Stripe
 * would send the person next, or null when the session was no longer open.
 */
export async function payMockSession(mock: MockStripe, sessionId: string): Promise<string | null> {
  const paid = mock.pay(sessionId);
  if (!paid) return null;
  const payload = JSON.stringify(paid.event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
  const response = await fetch(`${appUrl()}/payments/stripe/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
    body: payload,
  });
  if (!response.ok) logger.warn({ status: response.status }, "the mock checkout's webhook was refused");
  return (paid.session.success_url ?? "/").replace("{CHECKOUT_SESSION_ID}", sessionId);
}
