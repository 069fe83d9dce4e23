import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUuid } from "~/features/bookings/queries.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { completeRefund, markPaid, type LedgerResult } from "./ledger.server";

type Db = Kysely<Database>;

/**
 * Staff record money received for a pending payment: a bank transfer they saw arrive, or cash
 * at the desk. The amount they received must be the amount due (else refused, nothing changes);
 * a payment already recorded is refused too, so "received" twice records it once. The payment
 * before and after is recorded in the audit log.
 */
export async function recordReceived(
  db: Db,
  staff: AuditActor,
  paymentId: string,
  received: { method: "bank_transfer" | "cash"; amountVnd: number },
  now: Date = new Date(),
): Promise<LedgerResult> {
  if (!isUuid(paymentId)) return { ok: false, code: "not_found" };
  const result = await db.transaction().execute(async (trx): Promise<LedgerResult> => {
    const payment = () =>
      trx.selectFrom("payment").selectAll().where("id", "=", paymentId).where("centre_id", "=", staff.centre_id);
    const before = await payment().executeTakeFirst();
    if (!before) return { ok: false, code: "not_found" };
    const marked = await markPaid(
      trx,
      paymentId,
      { method: received.method, amountVnd: received.amountVnd, currency: "VND", recordedBy: staff.id },
      now,
    );
    if (marked.ok) {
      await recordAudit(trx, staff, {
        action: "payment.mark_paid",
        entityType: "payment",
        entityId: paymentId,
        before,
        after: await payment().executeTakeFirst(),
      });
    }
    return marked;
  });
  // The booking's confirmation goes out now rather than at the worker's next round.
  if (result.ok) void runOutboxOnce();
  return result;
}

/** Staff paid a pending refund back by hand (cash, transfer, or a card refund Stripe refused); audited. */
export async function markRefundPaidBack(
  db: Db,
  staff: AuditActor,
  refundId: string,
  now: Date = new Date(),
): Promise<boolean> {
  if (!isUuid(refundId)) return false;
  return db.transaction().execute(async (trx) => {
    const refund = () =>
      trx
        .selectFrom("refund")
        .innerJoin("payment", "payment.id", "refund.payment_id")
        .selectAll("refund")
        .where("refund.id", "=", refundId)
        .where("payment.centre_id", "=", staff.centre_id);
    const before = await refund().executeTakeFirst();
    if (!before) return false;
    const done = await completeRefund(trx, refundId, { status: "succeeded", by: staff.id }, now);
    if (done) {
      await recordAudit(trx, staff, {
        action: "refund.paid_back",
        entityType: "refund",
        entityId: refundId,
        before,
        after: await refund().executeTakeFirst(),
      });
    }
    return done;
  });
}
