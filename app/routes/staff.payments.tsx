import { cardClass } from "~/components/card";
import { ScrollRegion } from "~/components/scroll-region";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { listPendingPayments, listRecentPayments, listRefundsToPay } from "~/features/payments/queries.server";
import { markRefundPaidBack, recordReceived } from "~/features/payments/record-payment.server";
import { receiptLabel } from "~/features/payments/rules";
import { formatDate, formatDateTime, formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["transfer", "cash"]),
    paymentId: z.string(),
    // Whole đồng, as staff read it on the bank statement or counted it.
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/)
      .transform(Number),
  }),
  z.object({ intent: z.literal("refundPaid"), refundId: z.string() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "payments:manage");
  const [zone, pending, refunds, recent] = await Promise.all([
    getCentreZone(db(), user.centre_id),
    listPendingPayments(db(), user.centre_id),
    listRefundsToPay(db(), user.centre_id),
    listRecentPayments(db(), user.centre_id),
  ]);
  return {
    pending: pending.map((p) => ({ ...p, due: formatDateTime(p.due_at, zone) })),
    refunds: refunds.map((r) => ({ ...r, created: formatDate(r.created_at, zone) })),
    recent: recent.map((p) => ({
      ...p,
      paid: p.paid_at ? formatDate(p.paid_at, zone) : null,
      receipt: p.receipt_number !== null ? receiptLabel(p.receipt_number) : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "payments:manage"));
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  if (!parsed.success)
    return data({ error: "invalid_amount" as const, paymentId: String(form.paymentId ?? "") }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "refundPaid") {
    const done = await markRefundPaidBack(db(), user, input.refundId);
    if (!done) return data({ error: "not_found" as const, paymentId: "" }, { status: 404 });
    return redirect("/staff/payments?notice=refundDone");
  }
  const result = await recordReceived(db(), user, input.paymentId, {
    method: input.intent === "cash" ? "cash" : "bank_transfer",
    amountVnd: input.amount,
  });
  if (!result.ok) {
    const status = result.code === "not_found" ? 404 : result.code === "amount_mismatch" ? 400 : 409;
    return data({ error: result.code, paymentId: input.paymentId }, { status });
  }
  return redirect("/staff/payments?notice=received");
}

const buttonClass =
  "rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
const secondaryClass =
  "rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

export default function StaffPayments() {
  const { pending, refunds, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const notice = params.get("notice");
  const item = (p: { item_vi: string | null; item_en: string | null }) =>
    (locale === "vi" ? p.item_vi : p.item_en) ?? "";
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("payments.staff.title")}</h1>
        <Link to="/staff/prices" className="font-medium text-brand-800 underline">
          {t("payments.staff.prices")}
        </Link>
      </div>
      {notice === "received" || notice === "refundDone" ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-300">
          {notice === "received" ? t("payments.staff.received") : t("payments.staff.refundDone")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t(`payments.error.${actionData.error}`, {
            amount: formatMoney(pending.find((p) => p.id === actionData.paymentId)?.amount_vnd ?? 0, locale),
          })}
        </p>
      ) : null}

      <section aria-labelledby="pending" className="space-y-3">
        <h2 id="pending" className="text-xl font-semibold">
          {t("payments.staff.pending")}
        </h2>
        {pending.length === 0 ? <p className="text-stone-700">{t("payments.staff.noPending")}</p> : null}
        <ul className="grid gap-3 md:grid-cols-2">
          {pending.map((p) => (
            <li key={p.id} className={`${cardClass} space-y-3`}>
              <p className="font-mono text-lg font-semibold">{p.reference}</p>
              <p>{item(p)}</p>
              <p className="text-sm text-stone-700">
                {t("payments.staff.who")}: {p.payer_name} ({p.payer_email})
              </p>
              <p className="text-sm text-stone-700">
                {t("payments.staff.method")}: {t(p.method ? `payments.method.${p.method}` : "payments.method.none")} ·{" "}
                {t("payments.staff.deadline")}: {p.due}
              </p>
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="paymentId" value={p.id} />
                <div className="space-y-1">
                  <label htmlFor={`amount-${p.id}`} className="block text-sm font-medium text-stone-800">
                    {t("payments.staff.amount")} ({formatMoney(p.amount_vnd, locale)})
                  </label>
                  <input
                    id={`amount-${p.id}`}
                    name="amount"
                    inputMode="numeric"
                    defaultValue={String(p.amount_vnd)}
                    className="block w-40 rounded-md border border-stone-400 bg-white px-3 py-2"
                  />
                </div>
                <button type="submit" name="intent" value="transfer" className={buttonClass}>
                  {t("payments.staff.markReceived")}
                </button>
                <button type="submit" name="intent" value="cash" className={secondaryClass}>
                  {t("payments.staff.recordCash")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="refunds" className="space-y-3">
        <h2 id="refunds" className="text-xl font-semibold">
          {t("payments.staff.refundsToPay")}
        </h2>
        {refunds.length === 0 ? <p className="text-stone-700">{t("payments.staff.noRefunds")}</p> : null}
        <ul className="space-y-2">
          {refunds.map((r) => (
            <li key={r.id} className={`${cardClass} flex flex-wrap items-center justify-between gap-2 space-y-3`}>
              <span>
                <span className="font-mono">{r.reference}</span> · {r.payer_name} ({r.payer_email}) ·{" "}
                <strong>{formatMoney(r.amount_vnd, locale)}</strong> · {r.created}
              </span>
              <Form method="post">
                <input type="hidden" name="refundId" value={r.id} />
                <button type="submit" name="intent" value="refundPaid" className={secondaryClass}>
                  {t("payments.staff.refundPaid")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-xl font-semibold">
          {t("payments.staff.recent")}
        </h2>
        <ScrollRegion label={t("payments.staff.recent")}>
          <table className="min-w-full bg-white text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="p-2">
                  {t("payments.staff.reference")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.who")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.what")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.amount")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.status")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.paidAt")}
                </th>
                <th scope="col" className="p-2">
                  {t("payments.staff.receipt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.map((p) => (
                <tr key={p.id} className="border-t border-stone-200">
                  <td className="p-2 font-mono">{p.reference}</td>
                  <td className="p-2">{p.payer_name}</td>
                  <td className="p-2">{item(p)}</td>
                  <td className="p-2">{formatMoney(p.amount_vnd, locale)}</td>
                  <td className="p-2">
                    {t(`payments.status.${p.status}`)}
                    {p.method ? ` · ${t(`payments.method.${p.method}`)}` : ""}
                  </td>
                  <td className="p-2">{p.paid ?? ""}</td>
                  <td className="p-2">
                    {p.receipt ? (
                      <Link to={`/account/payments/${p.id}/receipt`} className="text-brand-800 underline">
                        {p.receipt}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}

export const meta = titleMeta("payments.staff.title");
