import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { buyPass, listPassesOf, listPassProducts } from "~/features/payments/passes.server";
import { listPaymentsOf } from "~/features/payments/queries.server";
import { formatCalendarDate, formatDate, formatMoney } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

// A member's passes (what is left), passes on sale, and every payment with its receipt.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const [zone, passes, products, payments] = await Promise.all([
    getCentreZone(db(), user.centre_id),
    listPassesOf(db(), user.id),
    listPassProducts(db(), user.centre_id),
    listPaymentsOf(db(), user.centre_id, user.id),
  ]);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    notice,
    passes: passes.map((p) => ({
      ...p,
      from: p.valid_from ? formatCalendarDate(p.valid_from) : null,
      until: p.valid_until ? formatCalendarDate(p.valid_until) : null,
    })),
    products,
    payments: payments.map((p) => ({ ...p, created: formatDate(p.created_at, zone) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const form = await request.formData();
  const result = await buyPass(db(), user, String(form.get("productId") ?? ""));
  if (!result.ok) return data({ error: result.code }, { status: 404 });
  return redirect(`/account/payments/${result.paymentId}`);
}

const buttonClass =
  "rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

export default function AccountPayments() {
  const { notice, passes, products, payments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">{t("payments.account.title")}</h1>
      {notice === "cancelled" ? (
        <p role="status" className="rounded-md bg-stone-100 p-3 text-stone-900 ring-1 ring-stone-300">
          {t("payments.status.cancelled")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t("payments.error.not_found")}
        </p>
      ) : null}

      <section aria-labelledby="my-passes" className="space-y-3">
        <h2 id="my-passes" className="text-xl font-semibold">
          {t("payments.account.passes")}
        </h2>
        <p className="text-sm text-stone-700">{t("payments.account.passUse")}</p>
        {passes.length === 0 ? <p className="text-stone-700">{t("payments.account.noPasses")}</p> : null}
        <ul className="grid gap-3 sm:grid-cols-2">
          {passes.map((p) => (
            <li key={p.id} className={`${cardClass} space-y-2`} data-testid="pass">
              <h3 className="font-semibold">{named(p, locale)}</h3>
              {p.status === "active" ? (
                <>
                  <p>
                    {p.uses_total === null
                      ? t("payments.account.unlimited")
                      : t("payments.account.usesLeft", { left: p.uses_left ?? 0, total: p.uses_total })}
                  </p>
                  <p className="text-sm text-stone-700">
                    {t("payments.account.validUntil", { from: p.from ?? "", until: p.until ?? "" })}
                  </p>
                </>
              ) : (
                <p className="text-sm text-stone-700">
                  {p.status === "pending" ? t("payments.account.passPending") : t("payments.account.passCancelled")}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      {products.length > 0 ? (
        <section aria-labelledby="buy" className="space-y-3">
          <h2 id="buy" className="text-xl font-semibold">
            {t("payments.account.buy")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {products.map((product) => (
              <li key={product.id} className={`${cardClass} space-y-2`}>
                <h3 className="font-semibold">{named(product, locale)}</h3>
                <p className="text-lg font-bold">{formatMoney(product.price_vnd, locale)}</p>
                <p className="text-sm text-stone-700">
                  {product.uses === null
                    ? t("payments.account.productUnlimited", { days: product.valid_days })
                    : t("payments.account.productUses", { uses: product.uses, days: product.valid_days })}
                </p>
                <Form method="post">
                  <input type="hidden" name="productId" value={product.id} />
                  <button
                    type="submit"
                    className={buttonClass}
                    aria-label={t("payments.account.buyButton", {
                      name: named(product, locale),
                      price: formatMoney(product.price_vnd, locale),
                    })}
                  >
                    {t("payments.account.buy")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="payments" className="space-y-3">
        <h2 id="payments" className="text-xl font-semibold">
          {t("payments.account.payments")}
        </h2>
        {payments.length === 0 ? <p className="text-stone-700">{t("payments.account.noPayments")}</p> : null}
        <ul className="space-y-2">
          {payments.map((p) => (
            <li key={p.id} className={`${cardClass} flex flex-wrap items-center justify-between gap-2 space-y-2`}>
              <span>
                <span className="block">{(locale === "vi" ? p.item_vi : p.item_en) ?? ""}</span>
                <span className="text-sm text-stone-700">
                  {p.created} · {formatMoney(p.amount_vnd, locale)} · {t(`payments.status.${p.status}`)}
                </span>
              </span>
              <Link to={`/account/payments/${p.id}`} className="font-medium text-brand-800 underline">
                {p.status === "pending" ? t("payments.account.pay") : t("payments.pay.receipt")}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const meta = titleMeta("payments.account.title");
