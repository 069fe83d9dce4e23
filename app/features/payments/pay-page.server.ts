import type { Locale } from "#db/schema";
import { drawQrCode } from "~/features/spaces/qr-codes.server";
import { formatDateTime } from "~/i18n/format";
import { payDeadline, type PayView } from "./pay.server";
import { receiptLabel } from "./rules";
import { cardPaymentsEnabled } from "./stripe.server";

/** What a pay page shows, formatted on the server in the centre's zone and the reader's language. */
export function payPageData(view: PayView, locale: Locale) {
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
    items: view.items.map((item) => ({
      description: locale === "vi" ? item.description_vi : item.description_en,
      quantity: item.quantity,
      unitPrice: item.unit_price_vnd,
      amount: item.amount_vnd,
    })),
    receipt: view.receipt_number !== null ? receiptLabel(view.receipt_number) : null,
    payer: view.payer_name,
    staff: view.staff,
    bank: view.bank,
    qr: view.qr ? drawQrCode(view.qr) : null,
    card: pending && cardPaymentsEnabled(),
  };
}

export type PayPageData = ReturnType<typeof payPageData>;
