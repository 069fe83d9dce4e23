import { Form } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";

// The card part of a pay page. The page passes `card`, the ?card= value the card route sends
// the person back with: how the card payment went ("done", "cancelled") or why it was refused.
const MESSAGES: Record<string, { key: MessageKey; tone: "status" | "alert" }> = {
  done: { key: "stripe.card.done", tone: "status" },
  cancelled: { key: "stripe.card.cancelled", tone: "status" },
  hold_expired: { key: "stripe.error.hold_expired", tone: "alert" },
  already_paid: { key: "stripe.error.already_paid", tone: "status" },
  not_payable: { key: "stripe.error.not_payable", tone: "alert" },
  not_found: { key: "stripe.error.not_found", tone: "alert" },
  stripe_refused: { key: "stripe.error.stripe_refused", tone: "alert" },
};

/** What the ?card= value says, for a pay page to show even when the button is not offered. */
export function CardPaymentNotice({ card }: { card: string | null }) {
  const t = useT();
  const message = card ? MESSAGES[card] : undefined;
  if (!message) return null;
  return (
    <p
      role={message.tone}
      className={
        message.tone === "alert"
          ? "rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300"
          : "rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-300"
      }
    >
      {t(message.key)}
    </p>
  );
}

/** "Pay by card": a plain form post, so it works without JavaScript. */
export function CardPaymentButton({ paymentId }: { paymentId: string }) {
  const t = useT();
  return (
    <Form method="post" action={`/payments/${paymentId}/card`} className="space-y-2" reloadDocument>
      <button type="submit" className={buttonClass}>
        {t("stripe.card.button")}
      </button>
      <p className="text-sm text-stone-700">{t("stripe.card.note")}</p>
    </Form>
  );
}
