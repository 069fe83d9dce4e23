// A stand-in for the parts of Stripe's API the app uses: Checkout Sessions (create, retrieve,
// expire) and refunds. It follows Stripe's API reference: form-encoded request bodies with
// bracketed keys, objects with Stripe's field names, errors as
// {error: {type, code, message, param}} with Stripe's HTTP statuses, and amounts in the
// currency's smallest unit (VND is zero-decimal: 150000 is 150.000 ₫). State is kept in
// memory for the life of the process. Used by the integration tests and by
// `npm run start:mocks`, where a page of the app stands in for the hosted checkout.
import { randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";
import type { MockCheckoutSession, MockStripe } from "~/features/payments/stripe-mock.server";

const API = "https://api.stripe.com";
// Stripe's limits on a session's expires_at: from 30 minutes to 24 hours after now.
const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;
const ZERO_DECIMAL = new Set(["vnd", "jpy", "krw", "clp", "pyg", "ugx", "xaf", "xof"]);

interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "succeeded";
  amount_refunded: number;
}

interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface StripeMockState {
  sessions: Map<string, MockCheckoutSession & Record<string, unknown>>;
  paymentIntents: Map<string, PaymentIntent>;
  refunds: Map<string, Refund>;
  /** Responses already given, by Idempotency-Key, replayed as Stripe does. */
  idempotent: Map<string, { status: number; body: unknown }>;
  /** Every request the app made, newest last: method, path and decoded form body. */
  requests: { method: string; path: string; body: Params }[];
}

const holder = globalThis as typeof globalThis & { __sonlaStripeMockState?: StripeMockState };
export const stripeState: StripeMockState = (holder.__sonlaStripeMockState ??= {
  sessions: new Map(),
  paymentIntents: new Map(),
  refunds: new Map(),
  idempotent: new Map(),
  requests: [],
});

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

type Params = { [key: string]: string | Params | Params[] | string[] };

/** Decodes Stripe's form encoding: `a[b][0][c]=1` → {a: {b: [{c: "1"}]}}. */
export function decodeForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node: Record<string, unknown> = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      if (last) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root;
}

function stripeError(
  status: number,
  error: { type?: string; code?: string; message: string; param?: string },
): HttpResponse<Record<string, unknown>> {
  return HttpResponse.json(
    {
      error: {
        type: error.type ?? "invalid_request_error",
        ...(error.code ? { code: error.code, doc_url: `https://stripe.com/docs/error-codes/${error.code}` } : {}),
        message: error.message,
        ...(error.param ? { param: error.param } : {}),
      },
    },
    { status, headers: { "Request-Id": newId("req") } },
  );
}

const missingParam = (param: string) =>
  stripeError(400, { code: "parameter_missing", message: `Missing required param: ${param}.`, param });
const invalidInteger = (param: string, value: unknown) =>
  stripeError(400, {
    code: "parameter_invalid_integer",
    message: `Invalid integer: ${String(value)}`,
    param,
  });

type Handle = (request: Request, params: Params) => Promise<HttpResponse<Record<string, unknown>>>;

/** Checks the key, decodes the body, records the request and replays idempotent answers. */
function endpoint(method: "GET" | "POST", handle: Handle) {
  return async ({ request }: { request: Request }) => {
    const auth = request.headers.get("Authorization") ?? "";
    const key = auth.replace(/^Bearer /, "");
    if (!key.startsWith("sk_test_") && !key.startsWith("rk_test_")) {
      return stripeError(401, {
        message: key
          ? `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(8)}. The stand-in accepts test keys only.`
          : "You did not provide an API key.",
      });
    }
    const body = method === "POST" ? decodeForm(await request.text()) : {};
    const path = new URL(request.url).pathname;
    stripeState.requests.push({ method, path, body });
    const idempotencyKey = request.headers.get("Idempotency-Key");
    const seen = idempotencyKey ? stripeState.idempotent.get(`${path} ${idempotencyKey}`) : undefined;
    if (seen) {
      return HttpResponse.json(seen.body as Record<string, unknown>, {
        status: seen.status,
        headers: { "Idempotent-Replayed": "true" },
      });
    }
    const response = await handle(request, body);
    if (idempotencyKey && method === "POST") {
      stripeState.idempotent.set(`${path} ${idempotencyKey}`, {
        status: response.status,
        body: await response.clone().json(),
      });
    }
    return response;
  };
}

function mockCheckoutUrl(id: string): string {
  const base = (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
  return `${base}/__mock-stripe/checkout/${id}`;
}

function asInteger(value: unknown): number | null {
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : null;
}

const createSession: Handle = async (_request, body) => {
  if (body.mode !== "payment") {
    return body.mode
      ? stripeError(400, {
          message: "The stand-in supports mode=payment only.",
          param: "mode",
          code: "parameter_invalid",
        })
      : missingParam("mode");
  }
  const items = body.line_items;
  if (!Array.isArray(items) || items.length === 0) return missingParam("line_items");
  let currency: string | null = null;
  let total = 0;
  const shown: MockCheckoutSession["line_items_shown"] = [];
  for (const [i, item] of (items as Params[]).entries()) {
    const priceData = item.price_data as Params | undefined;
    if (!priceData) return missingParam(`line_items[${i}][price_data]`);
    const itemCurrency = String(priceData.currency ?? "").toLowerCase();
    if (!itemCurrency) return missingParam(`line_items[${i}][price_data][currency]`);
    if (currency && itemCurrency !== currency) {
      return stripeError(400, {
        message: "All line items must use the same currency.",
        param: `line_items[${i}][price_data][currency]`,
      });
    }
    currency = itemCurrency;
    const unitAmount = asInteger(priceData.unit_amount);
    if (unitAmount === null) {
      return invalidInteger(`line_items[${i}][price_data][unit_amount]`, priceData.unit_amount);
    }
    if (unitAmount < 0) {
      return stripeError(400, {
        message: "This value must be greater than or equal to 0.",
        param: `line_items[${i}][price_data][unit_amount]`,
      });
    }
    const quantity = asInteger(item.quantity ?? "1");
    if (quantity === null || quantity < 1) return invalidInteger(`line_items[${i}][quantity]`, item.quantity);
    const name = String((priceData.product_data as Params | undefined)?.name ?? "");
    if (!name) return missingParam(`line_items[${i}][price_data][product_data][name]`);
    total += unitAmount * quantity;
    shown.push({ name, quantity, amount: unitAmount * quantity });
  }
  if (!ZERO_DECIMAL.has(currency!)) {
    return stripeError(400, {
      message: "The stand-in knows zero-decimal currencies only (the app charges in VND).",
      param: "line_items[0][price_data][currency]",
    });
  }
  const created = now();
  let expiresAt = created + MAX_EXPIRY_S;
  if (body.expires_at !== undefined) {
    const given = asInteger(body.expires_at);
    if (given === null) return invalidInteger("expires_at", body.expires_at);
    if (given < created + MIN_EXPIRY_S || given > created + MAX_EXPIRY_S) {
      return stripeError(400, {
        message:
          "The `expires_at` timestamp must be at least 30 minutes and at most 24 hours from Checkout Session creation.",
        param: "expires_at",
      });
    }
    expiresAt = given;
  }
  const id = `cs_test_${randomBytes(24).toString("hex")}`;
  const session: MockCheckoutSession & Record<string, unknown> = {
    id,
    object: "checkout.session",
    amount_subtotal: total,
    amount_total: total,
    cancel_url: typeof body.cancel_url === "string" ? body.cancel_url : null,
    client_reference_id: typeof body.client_reference_id === "string" ? body.client_reference_id : null,
    created,
    currency: currency!,
    customer_email: typeof body.customer_email === "string" ? body.customer_email : null,
    expires_at: expiresAt,
    line_items_shown: shown,
    livemode: false,
    locale: typeof body.locale === "string" ? body.locale : null,
    metadata: (body.metadata as Record<string, string> | undefined) ?? {},
    mode: "payment",
    payment_intent: null,
    payment_status: "unpaid",
    status: "open",
    success_url: typeof body.success_url === "string" ? body.success_url : null,
    url: mockCheckoutUrl(id),
  };
  stripeState.sessions.set(id, session);
  return HttpResponse.json(publicSession(session));
};

/** The session as the API returns it (the line items shown by the mock page stay inside). */
function publicSession(session: MockCheckoutSession & Record<string, unknown>) {
  const { line_items_shown: _shown, ...rest } = session;
  return { ...rest, url: session.status === "open" ? session.url : null };
}

function noSuchSession(id: string) {
  return stripeError(404, {
    code: "resource_missing",
    message: `No such checkout.session: '${id}'`,
    param: "session",
  });
}

function sessionIdOf(request: Request): string {
  return decodeURIComponent(new URL(request.url).pathname.split("/")[4] ?? "");
}

/** A session past its expires_at is expired, as Stripe would have done it by then. */
function current(id: string) {
  const session = stripeState.sessions.get(id);
  if (session?.status === "open" && session.expires_at <= now()) session.status = "expired";
  return session;
}

const retrieveSession: Handle = async (request) => {
  const id = sessionIdOf(request);
  const session = current(id);
  return session ? HttpResponse.json(publicSession(session)) : noSuchSession(id);
};

const expireSession: Handle = async (request) => {
  const id = sessionIdOf(request);
  const session = current(id);
  if (!session) return noSuchSession(id);
  if (session.status !== "open") {
    return stripeError(400, {
      message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    });
  }
  session.status = "expired";
  return HttpResponse.json(publicSession(session));
};

const createRefund: Handle = async (_request, body) => {
  const piId = typeof body.payment_intent === "string" ? body.payment_intent : "";
  if (!piId) {
    return stripeError(400, {
      message: "One of the following params should be provided for this request: payment_intent or charge.",
    });
  }
  const intent = stripeState.paymentIntents.get(piId);
  if (!intent) {
    return stripeError(400, {
      code: "resource_missing",
      message: `No such payment_intent: '${piId}'`,
      param: "payment_intent",
    });
  }
  const left = intent.amount_received - intent.amount_refunded;
  if (left <= 0) {
    return stripeError(400, {
      code: "charge_already_refunded",
      message: `Charge for payment intent ${piId} has already been refunded.`,
    });
  }
  let amount = left;
  if (body.amount !== undefined) {
    const given = asInteger(body.amount);
    if (given === null || given < 1) return invalidInteger("amount", body.amount);
    if (given > left) {
      return stripeError(400, {
        code: "amount_too_large",
        message: `Refund amount (${given} ${intent.currency.toUpperCase()}) is greater than unrefunded amount on charge (${left} ${intent.currency.toUpperCase()})`,
        param: "amount",
      });
    }
    amount = given;
  }
  intent.amount_refunded += amount;
  const refund: Refund = {
    id: newId("re"),
    object: "refund",
    amount,
    currency: intent.currency,
    payment_intent: piId,
    status: "succeeded",
    reason: typeof body.reason === "string" ? body.reason : null,
    metadata: (body.metadata as Record<string, string> | undefined) ?? {},
    created: now(),
  };
  stripeState.refunds.set(refund.id, refund);
  return HttpResponse.json({ ...refund });
};

export const stripeHandlers = [
  http.post(`${API}/v1/checkout/sessions`, endpoint("POST", createSession)),
  http.get(`${API}/v1/checkout/sessions/:id`, endpoint("GET", retrieveSession)),
  http.post(`${API}/v1/checkout/sessions/:id/expire`, endpoint("POST", expireSession)),
  http.post(`${API}/v1/refunds`, endpoint("POST", createRefund)),
];

/** The event Stripe would send about a session, shaped as a webhook's body. */
export function checkoutEvent(
  type: "checkout.session.completed" | "checkout.session.expired" | "checkout.session.async_payment_failed",
  session: Record<string, unknown>,
) {
  return {
    id: newId("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created: now(),
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Pays an open session as a card holder on the hosted page would. */
export function payCheckoutSession(id: string) {
  const session = current(id);
  if (!session || session.status !== "open") return null;
  const intent: PaymentIntent = {
    id: newId("pi"),
    object: "payment_intent",
    amount: session.amount_total,
    amount_received: session.amount_total,
    currency: session.currency,
    status: "succeeded",
    amount_refunded: 0,
  };
  stripeState.paymentIntents.set(intent.id, intent);
  session.status = "complete";
  session.payment_status = "paid";
  session.payment_intent = intent.id;
  const shown = publicSession(session);
  return { session, event: checkoutEvent("checkout.session.completed", { ...shown, url: null }) };
}

const mock: MockStripe = {
  session: (id) => current(id),
  pay: payCheckoutSession,
};
// Read by the app's stand-in checkout page (app/features/payments/stripe-mock.server.ts).
(globalThis as typeof globalThis & { __sonlaStripeMock?: MockStripe }).__sonlaStripeMock = mock;
