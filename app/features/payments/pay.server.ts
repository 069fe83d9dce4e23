import type { Kysely } from "kysely";
import type { Database, PaymentMethod, Role } from "#db/schema";
import { can } from "~/features/auth/permissions";
import { isUuid } from "~/features/bookings/queries.server";
import { releasePayment, type LedgerResult } from "./ledger.server";
import { listPaymentItems, paymentColumns } from "./queries.server";
import { vietQrPayload } from "./vietqr";

// The person's side of a pending payment: what the pay page shows, choosing to pay by bank
// transfer or at the desk (which keeps the hold until the centre's transfer deadline), and
// giving up.

type Db = Kysely<Database>;
export interface Payer {
  id: string;
  centre_id: number;
  role: Role;
}

/** A payment is its payer's and staff's business; to anyone else it does not exist. */
const mayHandle = (payer: Payer, userId: string | null) => userId === payer.id || can(payer.role, "payments:manage");

/** The payment of a booking, if it has one. */
export async function paymentOfBooking(db: Db, centreId: number, bookingId: string): Promise<string | null> {
  if (!isUuid(bookingId)) return null;
  const row = await db
    .selectFrom("booking")
    .select("payment_id")
    .where("id", "=", bookingId)
    .where("centre_id", "=", centreId)
    .executeTakeFirst();
  return row?.payment_id ?? null;
}

/** The page the person pays one of their payments from: the booking's pay page, or the payment's own. */
export async function payPageOf(db: Db, userId: string, paymentId: string): Promise<string | null> {
  if (!isUuid(paymentId)) return null;
  const payment = await db
    .selectFrom("payment")
    .select(["purpose", "booking_id"])
    .where("id", "=", paymentId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!payment) return null;
  if (payment.purpose === "booking" && payment.booking_id) return `/bookings/${payment.booking_id}/pay`;
  return `/account/payments/${paymentId}`;
}

/**
 * A payment as its payer (or staff) sees it: amount, items, deadline, what it is for, and for a
 * pending one the bank-transfer details and VietQR payload. Someone else's payment is unknown.
 */
export async function readPayView(db: Db, viewer: Payer, paymentId: string) {
  if (!isUuid(paymentId)) return undefined;
  const payment = await db
    .selectFrom("payment")
    .innerJoin("centre", "centre.id", "payment.centre_id")
    .leftJoin("app_user", "app_user.id", "payment.user_id")
    .leftJoin("booking", "booking.id", "payment.booking_id")
    .select([
      ...paymentColumns,
      "payment.user_id",
      "payment.pass_id",
      "booking.status as booking_status",
      "booking.hold_expires_at",
      "centre.bank_bin",
      "centre.bank_name",
      "centre.bank_account_number",
      "centre.bank_account_name",
      "centre.time_zone",
    ])
    .where("payment.id", "=", paymentId)
    .where("payment.centre_id", "=", viewer.centre_id)
    .executeTakeFirst();
  if (!payment || !mayHandle(viewer, payment.user_id)) return undefined;
  const staff = can(viewer.role, "payments:manage");
  const [items, refunds] = await Promise.all([
    listPaymentItems(db, paymentId),
    db
      .selectFrom("refund")
      .select(["amount_vnd", "status", "created_at"])
      .where("payment_id", "=", paymentId)
      .orderBy("created_at")
      .execute(),
  ]);
  const bank =
    payment.bank_bin && payment.bank_account_number
      ? {
          bin: payment.bank_bin,
          name: payment.bank_name ?? payment.bank_bin,
          account: payment.bank_account_number,
          holder: payment.bank_account_name ?? "",
        }
      : null;
  const qr =
    payment.status === "pending" && bank
      ? vietQrPayload({
          bin: bank.bin,
          accountNumber: bank.account,
          amountVnd: payment.amount_vnd,
          reference: payment.reference,
        })
      : null;
  return { ...payment, items, refunds, bank, qr, staff };
}

export type PayView = NonNullable<Awaited<ReturnType<typeof readPayView>>>;

/** The deadline a pending payment really has: its booking's hold when sooner. */
export function payDeadline(view: Pick<PayView, "due_at" | "hold_expires_at">): Date {
  return view.hold_expires_at && view.hold_expires_at < view.due_at ? view.hold_expires_at : view.due_at;
}

/**
 * The person will pay by bank transfer or at the desk: the hold lasts until the centre's
 * transfer deadline (never past the booking's start) so the money has time to arrive.
 * Refused when the payment is not theirs, not pending, or its hold has already lapsed.
 */
export async function choosePayMethod(
  db: Db,
  payer: Payer,
  paymentId: string,
  method: Exclude<PaymentMethod, "card">,
  now: Date = new Date(),
): Promise<LedgerResult> {
  if (!isUuid(paymentId)) return { ok: false, code: "not_found" };
  return db.transaction().execute(async (trx): Promise<LedgerResult> => {
    const payment = await trx
      .selectFrom("payment")
      .innerJoin("centre", "centre.id", "payment.centre_id")
      .select(["payment.id", "payment.user_id", "payment.status", "payment.due_at", "payment.booking_id"])
      .select("centre.transfer_deadline_hours")
      .where("payment.id", "=", paymentId)
      .where("payment.centre_id", "=", payer.centre_id)
      .forUpdate("payment")
      .executeTakeFirst();
    if (!payment || !mayHandle(payer, payment.user_id)) return { ok: false, code: "not_found" };
    if (payment.status !== "pending") return { ok: false, code: "not_pending" };
    if (now.getTime() > payment.due_at.getTime()) return { ok: false, code: "expired" };
    let due = new Date(now.getTime() + payment.transfer_deadline_hours * 3_600_000);
    if (payment.booking_id) {
      const booking = await trx
        .selectFrom("booking")
        .select(["status", "starts_at", "hold_expires_at"])
        .where("id", "=", payment.booking_id)
        .forUpdate()
        .executeTakeFirst();
      if (!booking || booking.status !== "held") return { ok: false, code: "expired" };
      if (booking.hold_expires_at && now.getTime() > booking.hold_expires_at.getTime()) {
        return { ok: false, code: "expired" };
      }
      if (booking.starts_at < due) due = booking.starts_at;
      // Never shorten a hold already longer (a second choice after the first).
      if (payment.due_at > due) due = payment.due_at;
      await trx
        .updateTable("booking")
        .set({ hold_expires_at: due, updated_at: now })
        .where("id", "=", payment.booking_id)
        .execute();
    } else if (payment.due_at > due) {
      due = payment.due_at;
    }
    await trx
      .updateTable("payment")
      .set({ method, due_at: due, updated_at: now })
      .where("id", "=", payment.id)
      .execute();
    return { ok: true };
  });
}

/** The payer (or staff) gives up a pending payment: the held booking or pending pass is released. */
export async function cancelPayment(
  db: Db,
  payer: Payer,
  paymentId: string,
  now: Date = new Date(),
): Promise<LedgerResult> {
  if (!isUuid(paymentId)) return { ok: false, code: "not_found" };
  return db.transaction().execute(async (trx): Promise<LedgerResult> => {
    const payment = await trx
      .selectFrom("payment")
      .select(["user_id"])
      .where("id", "=", paymentId)
      .where("centre_id", "=", payer.centre_id)
      .executeTakeFirst();
    if (!payment || !mayHandle(payer, payment.user_id)) return { ok: false, code: "not_found" };
    return releasePayment(trx, paymentId, "cancelled", now);
  });
}
