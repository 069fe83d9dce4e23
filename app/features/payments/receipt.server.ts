import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { formatDate } from "~/i18n/format";
import { readPayView, type Payer } from "./pay.server";
import { itemsIn, receiptLabel } from "./rules";

/**
 * A paid payment's receipt as its payer or staff see it: the centre's legal name, tax code and
 * address, the buyer, the items and amounts in đồng, the receipt number and date. A payment
 * never paid has no receipt (null); someone else's is unknown (undefined).
 */
export async function readReceipt(db: Kysely<Database>, viewer: Payer, paymentId: string, locale: Locale) {
  const view = await readPayView(db, viewer, paymentId);
  if (!view) return undefined;
  if (view.receipt_number === null || !view.paid_at) return null;
  const centre = await db
    .selectFrom("centre")
    .select(["legal_name", "tax_code", "address_vi", "address_en", "phone", "email"])
    .where("id", "=", viewer.centre_id)
    .executeTakeFirstOrThrow();
  const refunded = view.refunds.filter((r) => r.status !== "failed").reduce((sum, r) => sum + r.amount_vnd, 0);
  return {
    number: receiptLabel(view.receipt_number),
    date: formatDate(view.paid_at, view.time_zone),
    centre: {
      legalName: centre.legal_name,
      taxCode: centre.tax_code,
      address: locale === "vi" ? centre.address_vi : centre.address_en,
      phone: centre.phone,
      email: centre.email,
    },
    buyer: { name: view.payer_name ?? "", email: view.payer_email ?? "" },
    items: itemsIn(view.items, locale),
    total: view.amount_vnd,
    refunded,
    method: view.method,
    reference: view.reference,
  };
}
