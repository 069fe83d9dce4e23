import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { titleMeta } from "~/features/auth/meta";
import { mockStripe, payMockSession } from "~/features/payments/stripe-mock.server";
import { cardPaymentsEnabled } from "~/features/payments/stripe.server";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { invariantResponse } from "~/utils/http.server";

// The stand-in for Stripe's hosted checkout page, served only in mock mode (`npm run
// start:mocks`, and the tests), where tests/mocks/stripe.ts keeps the sessions: anywhere else
// it answers 404. "Pay" does what Stripe would: completes the session, sends the app a
// correctly signed checkout.session.completed webhook over HTTP, and returns to success_url.

function requireMockSession(sessionId: string | undefined) {
  const mock = mockStripe();
  invariantResponse(mock && cardPaymentsEnabled(), "Not found", { status: 404 });
  const session = mock.session(sessionId ?? "");
  invariantResponse(session, "Not found", { status: 404 });
  return { mock, session };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { session } = requireMockSession(params.sessionId);
  return {
    open: session.status === "open",
    amount: session.amount_total,
    items: session.line_items_shown,
    cancelUrl: session.cancel_url,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { mock, session } = requireMockSession(params.sessionId);
  const intent = (await request.formData()).get("intent");
  if (intent !== "pay") return redirect(session.cancel_url ?? "/", 303);
  const next = await payMockSession(mock, session.id);
  return redirect(next ?? request.url, 303);
}

export default function MockCheckout() {
  const { open, amount, items, cancelUrl } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t("stripe.mock.title")}</h1>
      <p className="rounded-md bg-amber-50 p-3 text-stone-800 ring-1 ring-amber-300">{t("stripe.mock.notice")}</p>
      {open ? (
        <div className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
          <table className="w-full text-left">
            <caption className="sr-only">{t("stripe.mock.items")}</caption>
            <thead>
              <tr className="border-b border-stone-200 text-stone-700">
                <th scope="col" className="py-2 font-medium">
                  {t("stripe.mock.items")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t("stripe.mock.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={i} className="border-b border-stone-100">
                  <td className="py-2">
                    {item.name}
                    {item.quantity > 1 ? ` × ${item.quantity}` : ""}
                  </td>
                  <td className="py-2 text-right">{formatMoney(item.amount, locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 font-bold">
                  {t("stripe.mock.amount")}
                </th>
                <td className="py-2 text-right text-lg font-bold" data-testid="mock-amount">
                  {formatMoney(amount, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
          <Form method="post" className="flex flex-wrap gap-3" reloadDocument>
            <button type="submit" name="intent" value="pay" className={buttonClass}>
              {t("stripe.mock.pay")}
            </button>
            <button
              type="submit"
              name="intent"
              value="cancel"
              className="rounded-md border border-stone-400 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
            >
              {t("stripe.mock.cancel")}
            </button>
          </Form>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-stone-800">{t("stripe.mock.closed")}</p>
          {cancelUrl ? (
            <a href={cancelUrl} className="font-medium text-brand-800 underline">
              {t("stripe.mock.back")}
            </a>
          ) : null}
        </div>
      )}
    </div>
  );
}

export const meta = titleMeta("stripe.mock.title");
