// Test data for card payments: a booking held for a person with its pending payment, as the
// bookings core writes it, and webhook requests signed the way Stripe signs them.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import Stripe from "stripe";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { newReference } from "~/features/payments/ledger.server";
import { db } from "~/utils/database.server";
import { createResource, ZONE } from "./bookings";

export const TEST_STRIPE_KEY = "sk_test_integration";
export const TEST_WEBHOOK_SECRET = "whsec_integration";

/** Card payments on for this test file (call at the top, before useTestDatabase). */
export function withStripeKeys() {
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
}

let dayOffset = 0;

/**
 * A meeting room booked for an hour by the user, held until `holdMinutes` from now with a
 * pending payment of `amount` đồng and its item. Each call takes another day, so holds never
 * overlap.
 */
export async function heldBooking(userId: string, { amount = 150_000, holdMinutes = 15 } = {}) {
  const centre = await requireCurrentCentre();
  const room = await createResource("meeting_room", { price_hour_vnd: amount });
  dayOffset += 1;
  const start = DateTime.now()
    .setZone(ZONE)
    .startOf("day")
    .plus({ days: 30 + dayOffset, hours: 9 });
  const holdUntil = new Date(Date.now() + holdMinutes * 60_000);
  const paymentId = randomUUID();
  const bookingId = randomUUID();
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto("booking")
        .values({
          id: bookingId,
          centre_id: centre.id,
          resource_id: room.id,
          user_id: userId,
          booked_by: userId,
          team_id: null,
          series_id: null,
          title: null,
          checked_in_at: null,
          cancelled_at: null,
          cancelled_by: null,
          cancel_reason: null,
          status: "held",
          day_part: null,
          starts_at: start.toJSDate(),
          ends_at: start.plus({ hours: 1 }).toJSDate(),
          price_vnd: amount,
          hold_expires_at: holdUntil,
        })
        .execute();
      await trx
        .insertInto("payment")
        .values({
          id: paymentId,
          centre_id: centre.id,
          user_id: userId,
          purpose: "booking",
          booking_id: bookingId,
          amount_vnd: amount,
          reference: newReference(),
          due_at: holdUntil,
        })
        .execute();
      await trx.updateTable("booking").set({ payment_id: paymentId }).where("id", "=", bookingId).execute();
      await trx
        .insertInto("payment_item")
        .values({
          payment_id: paymentId,
          description_vi: `Thuê ${room.name_vi}`,
          description_en: `Hire of ${room.name_en}`,
          quantity: 1,
          unit_price_vnd: amount,
          amount_vnd: amount,
        })
        .execute();
    });
  return { bookingId, paymentId, room, amount };
}

export async function paymentRow(id: string) {
  return db().selectFrom("payment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function bookingRow(id: string) {
  return db().selectFrom("booking").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** A POST to the webhook endpoint with the body as given and, unless null, this signature header. */
export function webhookRequest(body: string, signature: string | null): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  return new Request("http://localhost:3000/payments/stripe/webhook", { method: "POST", headers, body });
}

/** Stripe's signature of the body, with the given secret (the app's unless told). */
export function sign(body: string, secret = TEST_WEBHOOK_SECRET): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
}
