import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { PayPage } from "~/features/payments/components/pay-panel";
import { handlePayAction } from "~/features/payments/pay-action.server";
import { loadPayPage } from "~/features/payments/pay-page.server";
import { paymentOfBooking, readPayView } from "~/features/payments/pay.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// A held booking's pay page: amount, items, deadline and the ways to pay (decision 015).

async function readPage(request: Request, bookingId: string) {
  const user = await requirePermission(request, "bookings:book");
  const paymentId = await paymentOfBooking(db(), user.centre_id, bookingId);
  // Someone else's booking, or one without a payment, answers like a missing one.
  const view = paymentId ? await readPayView(db(), user, paymentId) : undefined;
  invariantResponse(view, "Not found", { status: 404 });
  return { user, view };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, view } = await readPage(request, params.bookingId ?? "");
  return loadPayPage(request, user.locale, view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await readPage(request.clone(), params.bookingId ?? "");
  return handlePayAction(request, user, `/bookings/${params.bookingId}/pay`);
}

export default function PayBooking() {
  const { pay, card, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <PayPage
      pay={pay}
      card={card}
      notice={notice}
      error={actionData && "error" in actionData ? actionData.error : null}
      back={{ to: "/bookings", label: t("payments.pay.backToBookings") }}
    />
  );
}

export const meta = titleMeta("payments.pay.title");
