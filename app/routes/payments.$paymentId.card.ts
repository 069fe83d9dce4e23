import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/auth/session.server";
import { payPageOf } from "~/features/payments/pay.server";
import { startCardCheckout } from "~/features/payments/stripe-checkout.server";
import { confirmCheckoutOnReturn } from "~/features/payments/webhook-events.server";
import { cardPaymentsEnabled } from "~/features/payments/stripe.server";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Card payment of one of the person's own pending payments: POST sends them to Stripe's
// checkout (303); Stripe sends them back here (GET ?card=done|cancelled), and they land on
// the payment's own page, which says how it went. A refusal (an expired hold …) lands there
// too, with its code, and nothing is charged.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await payPageOf(db(), user.id, params.paymentId ?? "");
  invariantResponse(page, "Not found", { status: 404 });
  const card = new URL(request.url).searchParams.get("card");
  if (card === "done" && cardPaymentsEnabled()) await confirmCheckoutOnReturn(db(), params.paymentId!);
  return redirect(card === "done" || card === "cancelled" ? `${page}?card=${card}` : page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse(cardPaymentsEnabled(), "Not found", { status: 404 });
  const paymentId = params.paymentId ?? "";
  const page = await payPageOf(db(), user.id, paymentId);
  invariantResponse(page, "Not found", { status: 404 });
  const locale = await resolveLocale(request, user.locale);
  const result = await startCardCheckout(db(), user, paymentId, locale);
  if (result.ok) return redirect(result.url, 303);
  return redirect(`${page}?card=${result.code}`, 303);
}
