import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

type Db = Kysely<Database>;

/** What every list and page shows of a payment (payment left-joined to its payer, app_user). */
export const paymentColumns = [
  "payment.id",
  "payment.purpose",
  "payment.booking_id",
  "payment.amount_vnd",
  "payment.method",
  "payment.status",
  "payment.reference",
  "payment.due_at",
  "payment.paid_at",
  "payment.receipt_number",
  "payment.created_at",
  "app_user.name as payer_name",
  "app_user.email as payer_email",
] as const;

/** A payment's items, in the order they were added. */
export async function listPaymentItems(db: Db, paymentId: string) {
  return db
    .selectFrom("payment_item")
    .select(["description_vi", "description_en", "quantity", "unit_price_vnd", "amount_vnd"])
    .where("payment_id", "=", paymentId)
    .orderBy("id")
    .execute();
}

/** What a payment is for, in both languages: its first item. */
function withFirstItem(db: Db) {
  return db
    .selectFrom("payment")
    .leftJoin("app_user", "app_user.id", "payment.user_id")
    .select((eb) => [
      ...paymentColumns,
      eb
        .selectFrom("payment_item")
        .select("description_vi")
        .whereRef("payment_item.payment_id", "=", "payment.id")
        .orderBy("payment_item.id")
        .limit(1)
        .as("item_vi"),
      eb
        .selectFrom("payment_item")
        .select("description_en")
        .whereRef("payment_item.payment_id", "=", "payment.id")
        .orderBy("payment_item.id")
        .limit(1)
        .as("item_en"),
    ]);
}

export async function listPaymentsOf(db: Db, centreId: number, userId: string, limit = 100) {
  return withFirstItem(db)
    .where("payment.centre_id", "=", centreId)
    .where("payment.user_id", "=", userId)
    .orderBy("payment.created_at", "desc")
    .limit(limit)
    .execute();
}

/** Pending payments, soonest deadline first (staff confirm transfers and take cash). */
export async function listPendingPayments(db: Db, centreId: number) {
  return withFirstItem(db)
    .where("payment.centre_id", "=", centreId)
    .where("payment.status", "=", "pending")
    .orderBy("payment.due_at")
    .limit(200)
    .execute();
}

export async function listRecentPayments(db: Db, centreId: number, limit = 50) {
  return withFirstItem(db)
    .where("payment.centre_id", "=", centreId)
    .where("payment.status", "<>", "pending")
    .orderBy("payment.updated_at", "desc")
    .limit(limit)
    .execute();
}

/**
 * Refunds staff still have to pay back by hand: cash and bank transfers, and a card refund
 * Stripe refused (card refunds Stripe made are recorded 'succeeded').
 */
export async function listRefundsToPay(db: Db, centreId: number) {
  return db
    .selectFrom("refund")
    .innerJoin("payment", "payment.id", "refund.payment_id")
    .leftJoin("app_user", "app_user.id", "payment.user_id")
    .select([
      "refund.id",
      "refund.amount_vnd",
      "refund.created_at",
      "payment.reference",
      "payment.method",
      "app_user.name as payer_name",
      "app_user.email as payer_email",
    ])
    .where("payment.centre_id", "=", centreId)
    .where("refund.status", "=", "pending")
    .orderBy("refund.created_at")
    .execute();
}
