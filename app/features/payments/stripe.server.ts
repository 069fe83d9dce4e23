import Stripe from "stripe";
import { getEnv, type Env } from "~/utils/env.server";

/** Card payment is offered only when both Stripe variables are set (the env check pairs them). */
export function cardPaymentsEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

let cached: { key: string; client: Stripe } | undefined;

/**
 * The Stripe client for the configured key. The SDK's own Node HTTP client is kept: the
 * tests and `npm run start:mocks` answer its requests with tests/mocks/stripe.ts.
 */
export function stripeClient(env: Env = getEnv()): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("Card payments are not configured (STRIPE_SECRET_KEY)");
  if (cached?.key !== key) {
    // Retries reuse the request's idempotency key, so a retried create never makes two.
    cached = { key, client: new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000 }) };
  }
  return cached.client;
}

export function webhookSecret(env: Env = getEnv()): string {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("Card payments are not configured (STRIPE_WEBHOOK_SECRET)");
  return secret;
}

/** Stripe's answer to a request it refused (a card error, a bad parameter), not a network fault. */
export function isStripeRefusal(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError && (error.statusCode ?? 500) < 500;
}
