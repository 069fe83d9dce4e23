import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { PayOutcome, PayPanel } from "~/features/payments/components/pay-panel";
import { handlePayAction } from "~/features/payments/pay-action.server";
import { payPageData } from "~/features/payments/pay-page.server";
import { readPayView } from "~/features/payments/pay.server";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// One payment: paid from here while pending (passes; bookings too), else its outcome and receipt.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const view = await readPayView(db(), user, params.paymentId ?? "");
  invariantResponse(view, "Not found", { status: 404 });
  const locale = await resolveLocale(request, user.locale);
  const url = new URL(request.url);
  return {
    pay: payPageData(view, locale),
    card: url.searchParams.get("card"),
    notice: url.searchParams.get("notice"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  return handlePayAction(request, user, `/account/payments/${params.paymentId}`);
}

export default function PaymentPage() {
  const { pay, card, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const noticeText =
    notice === "transfer"
      ? t("payments.pay.transfer.chosen", { time: pay.deadline })
      : notice === "desk"
        ? t("payments.pay.desk.chosen", { time: pay.deadline })
        : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("payments.pay.title")}</h1>
      {actionData && "error" in actionData ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t(`payments.error.${actionData.error}`, { amount: "" })}
        </p>
      ) : null}
      {pay.payable ? <PayPanel pay={pay} card={card} notice={noticeText} /> : <PayOutcome pay={pay} card={card} />}
      <Link to="/account/payments" className="font-medium text-brand-800 underline">
        {t("payments.account.title")}
      </Link>
    </div>
  );
}

export const meta = titleMeta("payments.pay.title");
