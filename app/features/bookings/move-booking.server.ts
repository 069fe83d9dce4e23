import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit } from "~/features/audit/record-audit.server";
import { findAlternatives } from "./find-alternatives.server";
import { plannedBookingMessage } from "./notify.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import {
  eventHoldingBooking,
  getBooker,
  getBooking,
  getPolicy,
  holdClosuresSteady,
  isExclusionViolation,
  lockBookerRows,
  lockBooking,
} from "./queries.server";
import { checkCancel, isStaffRole } from "./rules";

export type MoveResult = { ok: true } | Refusal;

/**
 * Moves a booking to another time and/or resource in one UPDATE inside one transaction:
 * it fully succeeds or changes nothing. Moving is allowed until the cancel deadline.
 */
export async function moveBooking(
  db: Kysely<Database>,
  actor: Booker,
  bookingId: string,
  choice: BookingChoice,
  now: Date = new Date(),
): Promise<MoveResult> {
  let owner: Booker | null = null;
  try {
    return await db.transaction().execute(async (trx): Promise<MoveResult> => {
      // Before the booking's row lock: see holdClosuresSteady.
      await holdClosuresSteady(trx, actor.centre_id);
      const found = await getBooking(trx, actor.centre_id, bookingId);
      const staff = isStaffRole(actor.role);
      if (!found || !found.user_id || (!staff && found.user_id !== actor.id)) return refuse("not_found");
      const paymentId = (await lockBooking(trx, found.id))?.payment_id ?? null;
      const booking = (await getBooking(trx, actor.centre_id, bookingId))!;
      if (booking.status !== "confirmed") return refuse("not_active");
      const event = await eventHoldingBooking(trx, booking.id);
      if (event) return refuse("held_by_event", { eventId: event.id });
      const policy = await getPolicy(trx, actor.centre_id);
      const allowed = checkCancel(booking.starts_at, now, policy, staff);
      if (!allowed.ok) return refuse(allowed.code, { minutes: policy.cancelDeadlineMinutes });

      // The rules (audience, quota) are those of the person the booking is for.
      const person = await getBooker(trx, booking.user_id!);
      owner = person;
      await lockBookerRows(trx, person.id);
      const planned = await planBooking(trx, person, choice, now, { exceptBookingId: booking.id });
      if (!planned.ok) return planned;
      const { plan } = planned;
      // A move never changes what was paid (decision 015): a paid booking keeps its payment
      // and price; a free one moves only where it stays free (else cancel and book anew).
      if (!paymentId && plan.coverage.kind !== "free" && plan.coverage.kind !== "quota") {
        return refuse("move_costs_money");
      }
      const row = await trx
        .updateTable("booking")
        .set((eb) => ({
          resource_id: plan.resource.id,
          day_part: plan.dayPart,
          starts_at: plan.period.start,
          ends_at: plan.period.end,
          attendees: plan.attendees,
          ...(paymentId ? {} : { price_vnd: plan.price }),
          reminder_sent_at: null,
          sequence: eb("sequence", "+", 1),
          updated_at: now,
        }))
        .where("id", "=", booking.id)
        .returning([
          "id",
          "centre_id",
          "user_id",
          "resource_id",
          "day_part",
          "starts_at",
          "ends_at",
          "attendees",
          "price_vnd",
        ])
        .executeTakeFirstOrThrow();
      if (staff && booking.user_id !== actor.id) {
        await recordAudit(trx, actor, {
          action: "booking.move",
          entityType: "booking",
          entityId: booking.id,
          before: booking,
          after: row,
        });
      }
      const message = plannedBookingMessage("changed", row, plan);
      if (message) await enqueueMessage(trx, message);
      return { ok: true };
    });
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    return { ...refuse("taken"), alternatives: await findAlternatives(db, owner ?? actor, choice, now) };
  }
}
