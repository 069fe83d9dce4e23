import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook } from "~/features/payments/webhook-events.server";
import { cardPaymentsEnabled } from "~/features/payments/stripe.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Stripe's webhook endpoint (POST /payments/stripe/webhook). Stripe signs the exact bytes it
// sends, so the body is read as text, never parsed first. No session and no form: who sent
// it is decided by the signature alone.
export async function action({ request }: ActionFunctionArgs) {
  invariantResponse(cardPaymentsEnabled(), "Not found", { status: 404 });
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await receiveStripeWebhook(db(), await request.text(), request.headers.get("Stripe-Signature"));
  const body = result.status === 400 ? { error: result.reason } : { received: true, replay: result.replay };
  return Response.json(body, { status: result.status });
}

// Stripe only ever POSTs here.
export function loader() {
  return new Response("Not found", { status: 404 });
}
