import type { Locale, PassKind, ResourceKind } from "#db/schema";

// The payment rules, pure (no database): what covers a booking, which amounts are accepted,
// how much may be refunded (docs/decisions/015-payments.md).

export type RuleResult<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C };

/** A pass as the pricing rule sees it. */
export interface UsablePass {
  id: string;
  userId: string;
  kind: PassKind;
  status: "pending" | "active" | "cancelled";
  usesLeft: number | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** How a booking is paid for. */
export type Coverage =
  | { kind: "free" } // a free resource, or a staff booking
  | { kind: "quota" } // within an incubated team's free allowance
  | { kind: "pass"; passId: string } // one use of a pass
  | { kind: "money"; amountVnd: number };

export interface CoverInput {
  resourceKind: ResourceKind;
  /** The resource's price for this booking in đồng (priceOf); never null here. */
  price: number;
  /** Staff book without paying. */
  staff: boolean;
  /** The booker is a founder of an incubating team (the province pays their use). */
  incubated: boolean;
  /** For an incubated founder's desk booking: whether it fits the free allowance, else the code. */
  quota: { fits: true } | { fits: false; code: "quota_person" | "quota_team" } | null;
  /** The booker's passes. */
  passes: UsablePass[];
  userId: string;
  /** The booking's local date (yyyy-MM-dd). */
  date: string;
}

/**
 * Quotas first, then passes, then money. Passes cover hot desks only (fixed desks are a team's,
 * rooms are hired by the hour). A half day takes one use, like a whole day. Incubated teams'
 * founders use rooms free. A desk beyond the allowance with no price (0) stays refused.
 */
export function coverBooking(input: CoverInput): RuleResult<Coverage, "quota_person" | "quota_team"> {
  if (input.staff) return { ok: true, value: { kind: "free" } };
  const desk = input.resourceKind === "hot_desk" || input.resourceKind === "fixed_desk";
  if (!desk && input.incubated) return { ok: true, value: { kind: "free" } };
  if (input.quota?.fits) return { ok: true, value: { kind: "quota" } };
  if (input.resourceKind === "hot_desk") {
    const pass = bestPass(input.passes, input.userId, input.date);
    if (pass) return { ok: true, value: { kind: "pass", passId: pass.id } };
  }
  if (input.price > 0) return { ok: true, value: { kind: "money", amountVnd: input.price } };
  if (input.quota && !input.quota.fits) return { ok: false, code: input.quota.code };
  return { ok: true, value: { kind: "free" } };
}

/** Whether a pass can pay for a hot-desk day: the holder's own, active, valid that day, uses left. */
function passCovers(pass: UsablePass, userId: string, date: string): boolean {
  return (
    pass.userId === userId &&
    pass.status === "active" &&
    pass.validFrom !== null &&
    pass.validUntil !== null &&
    date >= pass.validFrom &&
    date <= pass.validUntil &&
    (pass.usesLeft === null || pass.usesLeft > 0)
  );
}

/** The pass to use: an unlimited membership first, then the one that ends soonest. */
export function bestPass(passes: UsablePass[], userId: string, date: string): UsablePass | null {
  const usable = passes.filter((p) => passCovers(p, userId, date));
  usable.sort((a, b) => {
    if ((a.usesLeft === null) !== (b.usesLeft === null)) return a.usesLeft === null ? -1 : 1;
    return (a.validUntil ?? "").localeCompare(b.validUntil ?? "");
  });
  return usable[0] ?? null;
}

/** A payment is accepted only for exactly its amount, in đồng. */
export function checkPaymentAmount(
  expectedVnd: number,
  amountVnd: number,
  currency: string,
): RuleResult<true, "amount_mismatch" | "currency_mismatch"> {
  if (currency.toUpperCase() !== "VND") return { ok: false, code: "currency_mismatch" };
  if (amountVnd !== expectedVnd) return { ok: false, code: "amount_mismatch" };
  return { ok: true, value: true };
}

/** A refund is a positive whole number of đồng that keeps all refunds within the payment. */
export function checkRefundAmount(
  paidVnd: number,
  refundedVnd: number,
  amountVnd: number,
): RuleResult<{ fullyRefunded: boolean }, "invalid_amount" | "refund_too_large"> {
  if (!Number.isInteger(amountVnd) || amountVnd <= 0) return { ok: false, code: "invalid_amount" };
  if (refundedVnd + amountVnd > paidVnd) return { ok: false, code: "refund_too_large" };
  return { ok: true, value: { fullyRefunded: refundedVnd + amountVnd === paidVnd } };
}

/** "000123": receipts are numbered per centre. */
export function receiptLabel(n: number | null): string {
  return n === null ? "" : String(n).padStart(6, "0");
}

/** One line of a payment, in both languages, as payment_item stores it. */
export interface PaymentItemLine {
  description_vi: string;
  description_en: string;
  quantity: number;
  unit_price_vnd: number;
  amount_vnd: number;
}

/** A payment's items as a page or receipt shows them: described in the reader's language. */
export function itemsIn(items: PaymentItemLine[], locale: Locale) {
  return items.map((item) => ({
    description: locale === "vi" ? item.description_vi : item.description_en,
    quantity: item.quantity,
    unitPrice: item.unit_price_vnd,
    amount: item.amount_vnd,
  }));
}
