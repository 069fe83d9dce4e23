import { randomInt } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { DateTime } from "luxon";
import type { Database, PaymentMethod, PaymentStatus } from "#db/schema";
import { enqueueBookingMessage } from "~/features/bookings/notify.server";
import { getBooking, getCentreZone, isUuid } from "~/features/bookings/queries.server";
import { zoneOf } from "~/utils/zones";
import { checkPaymentAmount, checkRefundAmount } from "./rules";

// The payments ledger: every change of a payment's state goes through these functions, inside
// the caller's transaction, with the payment's row locked first (FOR UPDATE), so a webhook, a
// staff member and the jobs never change one payment twice (docs/decisions/015-payments.md).

type Db = Kysely<Database>;
type Trx = Transaction<Database> | Kysely<Database>;

/** Receipts are numbered per centre under this advisory lock (second key: the centre). */
const RECEIPT_LOCK = 30312;

export type LedgerRefusal =
  | "not_found"
  | "not_pending" // already paid, expired, failed, cancelled or refunded
  | "expired" // the hold's deadline has passed: nothing is charged
  | "amount_mismatch"
  | "currency_mismatch"
  | "not_paid" // a refund of a payment that was never paid
  | "refund_too_large"
  | "invalid_amount";

export type LedgerResult = { ok: true } | { ok: false; code: LedgerRefusal };

const refusal = (code: LedgerRefusal): LedgerResult => ({ ok: false, code });

/** A short uppercase transfer reference ("SL" and 8 letters or digits, no look-alikes). */
export function newReference(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let out = "SL";
  for (let i = 0; i < 8; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A payment with its items and refunds, or undefined. */
export async function readPayment(db: Db | Trx, id: string) {
  if (!isUuid(id)) return undefined;
  const payment = await db.selectFrom("payment").selectAll().where("id", "=", id).executeTakeFirst();
  if (!payment) return undefined;
  const [items, refunds] = await Promise.all([
    db.selectFrom("payment_item").selectAll().where("payment_id", "=", id).orderBy("id").execute(),
    db.selectFrom("refund").selectAll().where("payment_id", "=", id).orderBy("created_at").execute(),
  ]);
  return { ...payment, items, refunds };
}

/** Locks the payment's row for the rest of the transaction and reads it. */
async function lockPayment(trx: Trx, id: string) {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("payment").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Records that a pending payment was paid in full, and gives what it paid for: the held booking
 * is confirmed (and its confirmation sent), the pass becomes active from today. Refuses, changing
 * nothing, when the payment is unknown or not pending (so a second "received" or a replayed
 * webhook does nothing), when its deadline has passed, or when the amount or currency differ.
 */
export async function markPaid(
  trx: Trx,
  paymentId: string,
  paid: {
    method: PaymentMethod;
    amountVnd: number;
    currency: string;
    stripeCheckoutSessionId?: string | null;
    stripePaymentIntentId?: string | null;
    recordedBy?: string | null;
  },
  now: Date = new Date(),
): Promise<LedgerResult> {
  const payment = await lockPayment(trx, paymentId);
  if (!payment) return refusal("not_found");
  if (payment.status !== "pending") return refusal("not_pending");
  if (now.getTime() > payment.due_at.getTime()) return refusal("expired");
  const amount = checkPaymentAmount(payment.amount_vnd, paid.amountVnd, paid.currency);
  if (!amount.ok) return refusal(amount.code);

  if (payment.purpose === "booking" && payment.booking_id) {
    const booking = await trx
      .selectFrom("booking")
      .select("status")
      .where("id", "=", payment.booking_id)
      .forUpdate()
      .executeTakeFirst();
    // A hold released in the meantime (by staff, or by a new booking) cannot be paid.
    if (!booking || booking.status !== "held") return refusal("expired");
  }

  await sql`SELECT pg_advisory_xact_lock(${RECEIPT_LOCK}::int, ${payment.centre_id}::int)`.execute(trx);
  const last = await trx
    .selectFrom("payment")
    .select((eb) => eb.fn.max("receipt_number").as("n"))
    .where("centre_id", "=", payment.centre_id)
    .executeTakeFirst();
  await trx
    .updateTable("payment")
    .set({
      status: "paid",
      method: paid.method,
      paid_at: now,
      recorded_by: paid.recordedBy ?? null,
      receipt_number: (last?.n ?? 0) + 1,
      stripe_checkout_session_id: paid.stripeCheckoutSessionId ?? payment.stripe_checkout_session_id,
      stripe_payment_intent_id: paid.stripePaymentIntentId ?? payment.stripe_payment_intent_id,
      updated_at: now,
    })
    .where("id", "=", payment.id)
    .execute();

  const zone = await getCentreZone(trx, payment.centre_id);
  if (payment.purpose === "booking" && payment.booking_id) {
    await trx
      .updateTable("booking")
      .set((eb) => ({ status: "confirmed", hold_expires_at: null, sequence: eb("sequence", "+", 1), updated_at: now }))
      .where("id", "=", payment.booking_id)
      .execute();
    const booking = await getBooking(trx, payment.centre_id, payment.booking_id);
    if (booking) await enqueueBookingMessage(trx, "confirmed", booking, zone);
  }
  if (payment.purpose === "pass" && payment.pass_id) {
    const pass = await trx
      .selectFrom("pass")
      .innerJoin("pass_product", "pass_product.id", "pass.product_id")
      .select(["pass_product.valid_days"])
      .where("pass.id", "=", payment.pass_id)
      .executeTakeFirstOrThrow();
    const today = DateTime.fromJSDate(now, { zone: zoneOf(zone) }).startOf("day");
    await trx
      .updateTable("pass")
      .set({
        status: "active",
        valid_from: today.toISODate()!,
        valid_until: today.plus({ days: pass.valid_days - 1 }).toISODate()!,
        updated_at: now,
      })
      .where("id", "=", payment.pass_id)
      .execute();
  }
  return { ok: true };
}

/**
 * Ends a pending payment without money: 'expired' (its deadline passed), 'failed' (the card was
 * declined) or 'cancelled' (the person or staff gave up). The held booking is cancelled with
 * cancel_reason 'payment_<reason>', a pending pass cancelled. A payment no longer pending is
 * left as it is (not_pending).
 */
export async function releasePayment(
  trx: Trx,
  paymentId: string,
  reason: "expired" | "failed" | "cancelled",
  now: Date = new Date(),
): Promise<LedgerResult> {
  const payment = await lockPayment(trx, paymentId);
  if (!payment) return refusal("not_found");
  if (payment.status !== "pending") return refusal("not_pending");
  await trx
    .updateTable("payment")
    .set({ status: reason, cancel_reason: reason, updated_at: now })
    .where("id", "=", payment.id)
    .execute();
  if (payment.booking_id) {
    await trx
      .updateTable("booking")
      .set((eb) => ({
        status: "cancelled",
        cancelled_at: now,
        cancel_reason: `payment_${reason}`,
        hold_expires_at: null,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", payment.booking_id)
      .where("status", "=", "held")
      .execute();
  }
  if (payment.pass_id) {
    await trx
      .updateTable("pass")
      .set({ status: "cancelled", updated_at: now })
      .where("id", "=", payment.pass_id)
      .where("status", "=", "pending")
      .execute();
  }
  return { ok: true };
}

/**
 * Records money going back for a paid payment. Refused when the payment was never paid or when
 * the refunds would add up to more than it (checked with the payment's row locked, so two
 * refunds at once cannot both pass). Cash and transfer refunds stay 'pending' until staff pay
 * them back (completeRefund); a card refund passes Stripe's refund id and status 'succeeded',
 * or is recorded 'pending' first and completed when Stripe answers.
 */
export async function recordRefund(
  trx: Trx,
  paymentId: string,
  refund: {
    amountVnd: number;
    stripeRefundId?: string | null;
    status?: "pending" | "succeeded";
    reason: string;
    by: string | null;
  },
  now: Date = new Date(),
): Promise<{ ok: true; refundId: string } | { ok: false; code: LedgerRefusal }> {
  const payment = await lockPayment(trx, paymentId);
  if (!payment) return { ok: false, code: "not_found" };
  if (payment.status !== "paid" && payment.status !== "partially_refunded") return { ok: false, code: "not_paid" };
  const done = await trx
    .selectFrom("refund")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount_vnd"), eb.lit(0)).as("total"))
    .where("payment_id", "=", payment.id)
    .where("status", "<>", "failed")
    .executeTakeFirst();
  const checked = checkRefundAmount(payment.amount_vnd, Number(done?.total ?? 0), refund.amountVnd);
  if (!checked.ok) return { ok: false, code: checked.code };
  const row = await trx
    .insertInto("refund")
    .values({
      payment_id: payment.id,
      amount_vnd: refund.amountVnd,
      status: refund.status ?? "pending",
      stripe_refund_id: refund.stripeRefundId ?? null,
      reason: refund.reason,
      created_by: refund.by,
      completed_at: refund.status === "succeeded" ? now : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const status: PaymentStatus = checked.value.fullyRefunded ? "refunded" : "partially_refunded";
  await trx.updateTable("payment").set({ status, updated_at: now }).where("id", "=", payment.id).execute();
  return { ok: true, refundId: row.id };
}

/**
 * Completes a pending refund: staff paid the money back (cash, transfer), or Stripe answered
 * (pass its refund id). 'failed' gives the amount back to what may still be refunded.
 */
export async function completeRefund(
  trx: Trx,
  refundId: string,
  outcome: { status: "succeeded" | "failed"; stripeRefundId?: string | null; by?: string | null },
  now: Date = new Date(),
): Promise<boolean> {
  const updated = await trx
    .updateTable("refund")
    .set({
      status: outcome.status,
      completed_at: now,
      completed_by: outcome.by ?? null,
      ...(outcome.stripeRefundId ? { stripe_refund_id: outcome.stripeRefundId } : {}),
    })
    .where("id", "=", refundId)
    .where("status", "=", "pending")
    .returning("payment_id")
    .executeTakeFirst();
  if (!updated) return false;
  if (outcome.status === "failed") {
    const left = await trx
      .selectFrom("refund")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("payment_id", "=", updated.payment_id)
      .where("status", "<>", "failed")
      .executeTakeFirst();
    if (Number(left?.n ?? 0) === 0) {
      await trx
        .updateTable("payment")
        .set({ status: "paid", updated_at: now })
        .where("id", "=", updated.payment_id)
        .execute();
    }
  }
  return true;
}
