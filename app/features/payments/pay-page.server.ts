import type { Locale } from "#db/schema";
import { drawQrCode } from "~/features/spaces/qr-codes.server";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { payDeadline, type PayView } from "./pay.server";
import { itemsIn, receiptLabel } from "./rules";
import { cardPaymentsEnabled } from "./stripe.server";

/** What a pay page shows, formatted on the server in the centre's zone and the reader's language. */
function payPageData(view: PayView, locale: Locale) {
  const zone = view.time_zone;
  const pending = view.status === "pending";
  return {
    id: view.id,
    purpose: view.purpose,
    bookingId: view.booking_id,
    status: view.status,
    method: view.method,
    amount: view.amount_vnd,
    reference: view.reference,
    deadline: formatDateTime(payDeadline(view), zone),
    // Still payable: pending and its hold not lapsed (the jobs may not have run yet).
    payable: pending && payDeadline(view).getTime() >= Date.now(),
    items: itemsIn(view.items, locale),
    receipt: view.receipt_number !== null ? receiptLabel(view.receipt_number) : null,
    payer: view.payer_name,
    staff: view.staff,
    bank: view.bank,
    qr: view.qr ? drawQrCode(view.qr) : null,
    card: pending && cardPaymentsEnabled(),
  };
}

export type PayPageData = ReturnType<typeof payPageData>;

/** Both pay pages' loader data: the payment, and the outcome the redirects back carry (?card, ?notice). */
export async function loadPayPage(request: Request, accountLocale: Locale | null, view: PayView) {
  const url = new URL(request.url);
  return {
    pay: payPageData(view, await resolveLocale(request, accountLocale)),
    card: url.searchParams.get("card"),
    notice: url.searchParams.get("notice"),
  };
}
