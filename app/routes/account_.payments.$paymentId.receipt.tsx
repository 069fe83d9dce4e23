import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { buttonClass } from "~/components/buttons";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { readReceipt } from "~/features/payments/receipt.server";
import { resolveLocale } from "~/i18n/locale.server";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// A printable receipt (A4): the payer's own, or any for staff.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const locale = await resolveLocale(request, user.locale);
  const receipt = await readReceipt(db(), user, params.paymentId ?? "", locale);
  invariantResponse(receipt !== undefined, "Not found", { status: 404 });
  return { receipt, paymentId: params.paymentId ?? "" };
}

const PRINT_CSS = "@page { size: A4; margin: 18mm; }";

export default function Receipt() {
  const { receipt, paymentId } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  if (!receipt) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{t("payments.receipt.title")}</h1>
        <p role="status">{t("payments.receipt.notPaid")}</p>
        <Link to={`/account/payments/${paymentId}`} className="font-medium text-brand-800 underline">
          {t("payments.pay.title")}
        </Link>
      </div>
    );
  }
  const money = (n: number) => formatMoney(n, locale);
  return (
    <article className="mx-auto max-w-[180mm] space-y-6 bg-white p-6 text-stone-900 shadow-sm ring-1 ring-stone-200 print:p-0 print:shadow-none print:ring-0">
      <style>{PRINT_CSS}</style>
      <header className="space-y-1">
        <p className="text-lg font-bold uppercase">{receipt.centre.legalName}</p>
        {receipt.centre.taxCode ? (
          <p>
            {t("payments.receipt.taxCode")}: <span data-testid="tax-code">{receipt.centre.taxCode}</span>
          </p>
        ) : null}
        <p>{receipt.centre.address}</p>
        {receipt.centre.phone || receipt.centre.email ? (
          <p className="text-sm">{[receipt.centre.phone, receipt.centre.email].filter(Boolean).join(" · ")}</p>
        ) : null}
      </header>
      <div className="text-center">
        <h1 className="text-2xl font-bold uppercase">{t("payments.receipt.title")}</h1>
        <p>
          {t("payments.receipt.number")}: <strong data-testid="receipt-number">{receipt.number}</strong> ·{" "}
          {t("payments.receipt.date")}: {receipt.date}
        </p>
      </div>
      <p>
        {t("payments.receipt.buyer")}: <strong>{receipt.buyer.name}</strong> ({receipt.buyer.email})
      </p>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b-2 border-stone-800 text-left">
            <th scope="col" className="py-2 pr-2">
              {t("payments.receipt.item")}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">
              {t("payments.receipt.quantity")}
            </th>
            <th scope="col" className="py-2 pr-2 text-right">
              {t("payments.receipt.unitPrice")}
            </th>
            <th scope="col" className="py-2 text-right">
              {t("payments.receipt.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.items.map((item, index) => (
            <tr key={index} className="border-b border-stone-300">
              <td className="py-2 pr-2">{item.description}</td>
              <td className="py-2 pr-2 text-right">{item.quantity}</td>
              <td className="py-2 pr-2 text-right">{money(item.unitPrice)}</td>
              <td className="py-2 text-right">{money(item.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-bold">
            <th scope="row" colSpan={3} className="py-2 pr-2 text-right">
              {t("payments.receipt.total")}
            </th>
            <td className="py-2 text-right" data-testid="receipt-total">
              {money(receipt.total)}
            </td>
          </tr>
          {receipt.refunded > 0 ? (
            <tr>
              <th scope="row" colSpan={3} className="py-1 pr-2 text-right font-normal">
                {t("payments.receipt.refunded")}
              </th>
              <td className="py-1 text-right">−{money(receipt.refunded)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      <p className="text-sm">
        {t("payments.receipt.method")}: {receipt.method ? t(`payments.method.${receipt.method}`) : ""} ·{" "}
        {t("payments.receipt.reference")}: <span className="font-mono">{receipt.reference}</span>
      </p>
      <PrintButton label={t("payments.receipt.print")} />
    </article>
  );
}

/** Shown once the page runs JavaScript; without it, the browser's own Print command does the same. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass} print:hidden`}>
      {label}
    </button>
  );
}

export const meta = titleMeta("payments.receipt.title");
