import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "~/features/auth/session.server";
import { db } from "~/utils/database.server";
import { cancelPayment, choosePayMethod } from "./pay.server";

/**
 * The pay page's forms (intent transfer | desk | cancel), shared by the booking's pay page and
 * the payment's own page. A refusal answers 404/409 with its code; nothing changes.
 */
export async function handlePayAction(request: Request, user: SessionUser, pageUrl: string) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const paymentId = String(form.get("paymentId") ?? "");
  if (intent !== "transfer" && intent !== "desk" && intent !== "cancel") {
    return data({ error: "not_found" as const }, { status: 400 });
  }
  const result =
    intent === "cancel"
      ? await cancelPayment(db(), user, paymentId)
      : await choosePayMethod(db(), user, paymentId, intent === "transfer" ? "bank_transfer" : "cash");
  if (result.ok) {
    return redirect(intent === "cancel" ? "/account/payments?notice=cancelled" : `${pageUrl}?notice=${intent}`);
  }
  return data({ error: result.code }, { status: result.code === "not_found" ? 404 : 409 });
}
