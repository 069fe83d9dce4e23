import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { completeRefund, markPaid, type LedgerResult } from "./ledger.server";

type Db = Kysely<Database>;

/**
 * Staff record money received for a pending payment: a bank transfer they saw arrive, or cash
 * at the desk. The amount they received must be the amount due (else refused, nothing changes);
 * a payment already recorded is refused too, so "received" twice records it once.
 */
export async function recordReceived(
  db: Db,
  staff: { id: string; centre_id: number },
  paymentId: string,
  received: { method: "bank_transfer" | "cash"; amountVnd: number },
  now: Date = new Date(),
): Promise<LedgerResult> {
  if (!isUuid(paymentId)) return { ok: false, code: "not_found" };
  const result = await db.transaction().execute(async (trx): Promise<LedgerResult> => {
    const payment = await trx
      .selectFrom("payment")
      .select("id")
      .where("id", "=", paymentId)
      .where("centre_id", "=", staff.centre_id)
      .executeTakeFirst();
    if (!payment) return { ok: false, code: "not_found" };
    return markPaid(
      trx,
      paymentId,
      { method: received.method, amountVnd: received.amountVnd, currency: "VND", recordedBy: staff.id },
      now,
    );
  });
  // The booking's confirmation goes out now rather than at the worker's next round.
  if (result.ok) void runOutboxOnce();
  return result;
}

/** Staff paid a pending refund back by hand (cash, transfer, or a card refund Stripe refused). */
export async function markRefundPaidBack(
  db: Db,
  staff: { id: string; centre_id: number },
  refundId: string,
  now: Date = new Date(),
): Promise<boolean> {
  if (!isUuid(refundId)) return false;
  return db.transaction().execute(async (trx) => {
    const refund = await trx
      .selectFrom("refund")
      .innerJoin("payment", "payment.id", "refund.payment_id")
      .select("refund.id")
      .where("refund.id", "=", refundId)
      .where("payment.centre_id", "=", staff.centre_id)
      .executeTakeFirst();
    if (!refund) return false;
    return completeRefund(trx, refundId, { status: "succeeded", by: staff.id }, now);
  });
}
