import { sql, type Kysely } from "kysely";
import type { ClosureKind, Database, Locale } from "#db/schema";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import { DEFAULT_LOCALE, isLocale, translate } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";
import type { ClosureForm } from "./forms";
import { findResource, listActiveBookingsDuring, type HeldBooking } from "./queries.server";
import { isValidPeriod, localDateTimeToInstant } from "./rules";

export type CloseTimeResult =
  | { outcome: "invalid"; errors: FieldErrors }
  | { outcome: "confirm"; bookings: HeldBooking[] }
  | { outcome: "stopped" }
  | { outcome: "closed"; closureId: string; cancelled: number };

interface CloseTimeInput {
  centreId: number;
  zone: string;
  staffUserId: string;
  form: ClosureForm;
}

function cancellationMessage(booking: HeldBooking, locale: Locale, reason: { vi: string; en: string }, zone: string) {
  const params = {
    name: booking.person_name ?? "",
    resource: locale === "vi" ? booking.resource_name_vi : booking.resource_name_en,
    code: booking.resource_code,
    starts: formatDateTime(booking.starts_at, zone),
    ends: formatTime(booking.ends_at, zone),
    reason: reason[locale],
  };
  return {
    subject: translate(locale, "spacesAdmin.closure.email.subject", params),
    text: translate(locale, "spacesAdmin.closure.email.body", params),
  };
}

/**
 * Closes the centre or one resource for a period. Active bookings in that period are first
 * shown to staff (outcome "confirm"); only the "cancel" decision, for the very bookings that
 * were shown, cancels them — each person gets a message in their language, in the same
 * transaction as the closure. "stop" saves nothing. Null when the resource is not the centre's.
 */
export async function closeTime(db: Kysely<Database>, input: CloseTimeInput): Promise<CloseTimeResult | null> {
  const { form, zone, centreId } = input;
  const startsAt = localDateTimeToInstant(form.startsAt, zone);
  const endsAt = localDateTimeToInstant(form.endsAt, zone);
  const errors: FieldErrors = {};
  if (!startsAt) errors.startsAt = "spacesAdmin.error.dateTime";
  if (!endsAt) errors.endsAt = "spacesAdmin.error.dateTime";
  if (startsAt && endsAt && !isValidPeriod(startsAt, endsAt)) errors.endsAt = "spacesAdmin.error.endBeforeStart";
  if (!startsAt || !endsAt || Object.keys(errors).length > 0) return { outcome: "invalid", errors };

  const resourceId = form.scope === "centre" ? null : form.scope;
  if (resourceId && !(await findResource(db, centreId, resourceId))) return null;
  if (form.decision === "stop") return { outcome: "stopped" };

  return db.transaction().execute(async (trx) => {
    // No booking may commit between reading the bookings in the way and saving the closure,
    // or it would be neither shown nor cancelled. Closures are rare; bookings wait a moment.
    await sql`LOCK TABLE booking IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const held = await listActiveBookingsDuring(trx, { centreId, resourceId }, startsAt, endsAt);
    const shown = new Set(form.shown);
    // A booking made after staff saw the list is shown again rather than cancelled unseen.
    if (held.length > 0 && (form.decision !== "cancel" || held.some((b) => !shown.has(b.id)))) {
      return { outcome: "confirm", bookings: held } as const;
    }

    const kind: ClosureKind = form.kind;
    const closure = await trx
      .insertInto("closure")
      .values({
        centre_id: centreId,
        resource_id: resourceId,
        kind,
        reason_vi: form.reasonVi,
        reason_en: form.reasonEn,
        starts_at: startsAt,
        ends_at: endsAt,
        created_by: input.staffUserId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    if (held.length > 0) {
      const now = new Date();
      await trx
        .updateTable("booking")
        .set((eb) => ({
          status: "cancelled",
          cancelled_at: now,
          cancelled_by: input.staffUserId,
          cancel_reason: translate(DEFAULT_LOCALE, "spacesAdmin.closure.cancelReason", { reason: form.reasonVi }),
          sequence: eb("sequence", "+", 1),
          updated_at: now,
        }))
        .where(
          "id",
          "in",
          held.map((b) => b.id),
        )
        .execute();
      const reason = { vi: form.reasonVi, en: form.reasonEn };
      for (const booking of held) {
        // Staff blocks have no person to tell.
        if (!booking.person_email) continue;
        const locale = isLocale(booking.person_locale) ? booking.person_locale : DEFAULT_LOCALE;
        const message = cancellationMessage(booking, locale, reason, zone);
        await enqueueMessage(trx, {
          centreId,
          kind: "booking-cancelled-closure",
          to: booking.person_email,
          subject: message.subject,
          text: message.text,
        });
      }
    }
    return { outcome: "closed", closureId: closure.id, cancelled: held.length } as const;
  });
}
