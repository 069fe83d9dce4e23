import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { PayPage } from "~/features/payments/components/pay-panel";
import { handlePayAction } from "~/features/payments/pay-action.server";
import { loadPayPage } from "~/features/payments/pay-page.server";
import { readPayView } from "~/features/payments/pay.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// One payment: paid from here while pending (passes; bookings too), else its outcome and receipt.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const view = await readPayView(db(), user, params.paymentId ?? "");
  invariantResponse(view, "Not found", { status: 404 });
  return loadPayPage(request, user.locale, view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  return handlePayAction(request, user, `/account/payments/${params.paymentId}`);
}

export default function PaymentPage() {
  const { pay, card, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <PayPage
      pay={pay}
      card={card}
      notice={notice}
      error={actionData && "error" in actionData ? actionData.error : null}
      back={{ to: "/account/payments", label: t("payments.account.title") }}
    />
  );
}

export const meta = titleMeta("payments.pay.title");
