import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { cardClass } from "~/components/card";
import { buttonClass } from "~/components/buttons";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import type { LedgerRefusal } from "../ledger.server";
import type { PayPageData } from "../pay-page.server";
import { CardPaymentButton, CardPaymentNotice } from "../stripe-card-button";

const secondaryClass =
  "rounded-md border border-stone-400 bg-white px-4 py-2 font-medium text-stone-900 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
const sectionClass = `${cardClass} space-y-3`;

/** One of the pay page's forms: a button posting its intent (see pay-action.server.ts). */
function IntentForm({
  intent,
  paymentId,
  className,
  children,
}: {
  intent: "transfer" | "desk" | "cancel";
  paymentId: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}

/** The items and amount of a payment. */
function PaymentItems({ pay }: { pay: Pick<PayPageData, "items" | "amount"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="pay-items" className={sectionClass}>
      <h2 id="pay-items" className="text-lg font-semibold">
        {t("payments.pay.items")}
      </h2>
      <ul className="space-y-1">
        {pay.items.map((item, index) => (
          <li key={index} className="flex flex-wrap justify-between gap-2">
            <span>{item.description}</span>
            <span className="font-medium">{formatMoney(item.amount, locale)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-stone-200 pt-2 text-lg font-bold">
        <span>{t("payments.pay.amount")}</span>
        <span data-testid="pay-amount">{formatMoney(pay.amount, locale)}</span>
      </p>
    </section>
  );
}

/**
 * A pending payment's ways to pay: card (only when Stripe is configured: the Stripe side's
 * button), bank transfer with the VietQR code and the same details as text, and at the desk.
 * Plain forms posting to the page itself (intent = transfer | desk | cancel).
 */
function PayPanel({ pay, card, notice }: { pay: PayPageData; card: string | null; notice: string | null }) {
  const t = useT();
  const locale = useLocale();
  const amount = formatMoney(pay.amount, locale);
  return (
    <div className="space-y-4">
      {/* Card result notice (Stripe side: ?card=done|cancelled|<refusal>). */}
      <CardPaymentNotice card={card} />
      {notice ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-300">
          {notice}
        </p>
      ) : null}
      <PaymentItems pay={pay} />
      <p className="font-medium">
        {pay.purpose === "booking"
          ? t("payments.pay.deadline", { time: pay.deadline })
          : t("payments.pay.passDeadline", { time: pay.deadline })}
      </p>
      {pay.purpose === "booking" ? <p className="text-sm text-stone-700">{t("payments.pay.deadlineNote")}</p> : null}

      <h2 className="text-xl font-semibold">{t("payments.pay.methods")}</h2>

      {/* ---- Card slot: rendered by the Stripe side's component when card payments are enabled. ---- */}
      {pay.card ? (
        <section aria-labelledby="pay-card" className={sectionClass}>
          <h3 id="pay-card" className="text-lg font-semibold">
            {t("stripe.card.title")}
          </h3>
          <CardPaymentButton paymentId={pay.id} />
        </section>
      ) : null}

      <section aria-labelledby="pay-transfer" className={sectionClass}>
        <h3 id="pay-transfer" className="text-lg font-semibold">
          {t("payments.pay.transfer.title")}
        </h3>
        {pay.bank && pay.qr ? (
          <>
            <p className="text-sm text-stone-700">{t("payments.pay.transfer.note")}</p>
            <svg
              viewBox={`0 0 ${pay.qr.size} ${pay.qr.size}`}
              role="img"
              aria-label={t("payments.pay.transfer.qrLabel", { amount, account: pay.bank.account })}
              shapeRendering="crispEdges"
              className="h-56 w-56"
              data-testid="vietqr"
            >
              <rect width={pay.qr.size} height={pay.qr.size} fill="#fff" />
              <path d={pay.qr.path} fill="#000" />
            </svg>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="text-stone-700">{t("payments.pay.transfer.bank")}</dt>
              <dd>{pay.bank.name}</dd>
              <dt className="text-stone-700">{t("payments.pay.transfer.account")}</dt>
              <dd className="font-mono">{pay.bank.account}</dd>
              <dt className="text-stone-700">{t("payments.pay.transfer.name")}</dt>
              <dd>{pay.bank.holder}</dd>
              <dt className="text-stone-700">{t("payments.pay.transfer.amount")}</dt>
              <dd className="font-semibold">{amount}</dd>
              <dt className="text-stone-700">{t("payments.pay.transfer.reference")}</dt>
              <dd className="font-mono font-semibold" data-testid="pay-reference">
                {pay.reference}
              </dd>
            </dl>
            {pay.method === "bank_transfer" ? (
              <p className="text-sm font-medium">{t("payments.pay.transfer.chosen", { time: pay.deadline })}</p>
            ) : (
              <IntentForm intent="transfer" paymentId={pay.id} className={buttonClass}>
                {t("payments.pay.transfer.choose")}
              </IntentForm>
            )}
          </>
        ) : (
          <p className="text-stone-700">{t("payments.pay.transfer.unavailable")}</p>
        )}
      </section>

      <section aria-labelledby="pay-desk" className={sectionClass}>
        <h3 id="pay-desk" className="text-lg font-semibold">
          {t("payments.pay.desk.title")}
        </h3>
        <p className="text-sm text-stone-700">{t("payments.pay.desk.note")}</p>
        {pay.method === "cash" ? (
          <p className="text-sm font-medium">{t("payments.pay.desk.chosen", { time: pay.deadline })}</p>
        ) : (
          <IntentForm intent="desk" paymentId={pay.id} className={secondaryClass}>
            {t("payments.pay.desk.choose")}
          </IntentForm>
        )}
      </section>

      <IntentForm intent="cancel" paymentId={pay.id} className={secondaryClass}>
        {t("payments.pay.cancel")}
      </IntentForm>
    </div>
  );
}

/** A payment that is no longer pending: paid (with its receipt), or ended without money. */
function PayOutcome({ pay, card }: { pay: PayPageData; card: string | null }) {
  const t = useT();
  return (
    <div className="space-y-4">
      <CardPaymentNotice card={card} />
      {pay.status === "paid" || pay.status === "refunded" || pay.status === "partially_refunded" ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-300">
          {pay.status === "paid" ? t("payments.pay.paid") : t(`payments.status.${pay.status}`)}
        </p>
      ) : pay.status === "expired" || (pay.status === "pending" && !pay.payable) ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t("payments.pay.expired")}
        </p>
      ) : (
        <p role="status" className="rounded-md bg-stone-100 p-3 text-stone-900 ring-1 ring-stone-300">
          {t("payments.pay.closed", { status: t(`payments.status.${pay.status}`) })}
        </p>
      )}
      <PaymentItems pay={pay} />
      {pay.receipt ? (
        <Link to={`/account/payments/${pay.id}/receipt`} className="font-medium text-brand-800 underline">
          {t("payments.pay.receipt")}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * A whole pay page (the booking's and the payment's own): the refusal of a form, then the ways to
 * pay while payable, else the outcome; `back` is where the page leads back to.
 */
export function PayPage({
  pay,
  card,
  notice,
  error,
  back,
}: {
  pay: PayPageData;
  card: string | null;
  notice: string | null;
  error: LedgerRefusal | null;
  back: { to: string; label: string };
}) {
  const t = useT();
  const noticeText =
    notice === "transfer" || notice === "desk" ? t(`payments.pay.${notice}.chosen`, { time: pay.deadline }) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("payments.pay.title")}</h1>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t(`payments.error.${error}`, { amount: "" })}
        </p>
      ) : null}
      {pay.payable ? <PayPanel pay={pay} card={card} notice={noticeText} /> : <PayOutcome pay={pay} card={card} />}
      <Link to={back.to} className="font-medium text-brand-800 underline">
        {back.label}
      </Link>
    </div>
  );
}
