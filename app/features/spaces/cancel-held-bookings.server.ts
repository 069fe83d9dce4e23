import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import type { AuditActor } from "~/features/audit/record-audit.server";
import { lockEvent } from "~/features/events/queries.server";
import { cancelLockedEvent } from "~/features/events/save-event.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { refundOnCancel } from "~/features/payments/refund-on-cancel.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import { DEFAULT_LOCALE, isLocale, translate } from "~/i18n/translate";
import type { HeldBooking } from "./queries.server";

/** Why bookings in the way are cancelled: the centre (or a resource) closes, or staff block a resource. */
export type CancelCause = "closure" | "block";

const MESSAGES = {
  closure: {
    reason: "spacesAdmin.closure.cancelReason",
    subject: "spacesAdmin.closure.email.subject",
    body: "spacesAdmin.closure.email.body",
  },
  block: {
    reason: "spacesAdmin.block.cancelReason",
    subject: "spacesAdmin.closure.email.subject",
    body: "spacesAdmin.block.email.body",
  },
} as const;

/**
 * Whether staff must (again) see the bookings in the way before anything is saved: they
 * have not decided to cancel them, or a booking was made after they saw the list (it is
 * shown rather than cancelled unseen).
 */
export function mustConfirm(held: readonly Pick<HeldBooking, "id">[], decision: string | undefined, shown: string[]) {
  const seen = new Set(shown);
  return held.length > 0 && (decision !== "cancel" || held.some((b) => !seen.has(b.id)));
}

/**
 * Cancels the bookings staff saw and chose to cancel, inside the caller's transaction, and
 * queues a message to each person in their language. Staff blocks have no person to tell.
 * A booking that is a scheduled event's room cancels the event: the room is released, and
 * everyone registered or waiting is told, with the closure's or block's reason.
 */
export async function cancelHeldBookings(
  trx: Kysely<Database>,
  input: {
    centreId: number;
    zone: string;
    /** Who cancels: recorded as the canceller, and in the audit log for the events cancelled. */
    actor: AuditActor;
    held: readonly HeldBooking[];
    reason: { vi: string; en: string };
    cause: CancelCause;
  },
): Promise<void> {
  const { reason, zone, actor } = input;
  const now = new Date();
  for (const booking of input.held) {
    if (!booking.event_id) continue;
    const event = await lockEvent(trx, input.centreId, booking.event_id);
    if (event?.status === "scheduled") await cancelLockedEvent(trx, actor, event, reason, now);
  }
  const held = input.held.filter((b) => !b.event_id);
  if (held.length === 0) return;
  const keys = MESSAGES[input.cause];
  await trx
    .updateTable("booking")
    .set((eb) => ({
      status: "cancelled",
      cancelled_at: now,
      cancelled_by: actor.id,
      cancel_reason: translate(DEFAULT_LOCALE, keys.reason, { reason: reason.vi }),
      sequence: eb("sequence", "+", 1),
      updated_at: now,
    }))
    .where(
      "id",
      "in",
      held.map((b) => b.id),
    )
    .execute();
  // The centre cancelled: pass uses back, pending payments ended, paid ones refunded (decision 015).
  for (const booking of held) await refundOnCancel(trx, booking.id, actor.id, now);
  for (const booking of held) {
    if (!booking.person_email) continue;
    const locale: Locale = isLocale(booking.person_locale) ? booking.person_locale : DEFAULT_LOCALE;
    const params = {
      name: booking.person_name ?? "",
      resource: locale === "vi" ? booking.resource_name_vi : booking.resource_name_en,
      code: booking.resource_code,
      starts: formatDateTime(booking.starts_at, zone),
      ends: formatTime(booking.ends_at, zone),
      reason: reason[locale],
    };
    await enqueueMessage(trx, {
      centreId: input.centreId,
      kind: `booking-cancelled-${input.cause}`,
      to: booking.person_email,
      subject: translate(locale, keys.subject, params),
      text: translate(locale, keys.body, params),
    });
  }
}
