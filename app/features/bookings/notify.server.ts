import type { Kysely } from "kysely";
import type { Database, DayPart, Locale } from "#db/schema";
import { enqueueMessage, type OutgoingMessage } from "~/features/outbox/enqueue.server";
import { formatDate, formatMoney, formatTime } from "~/i18n/format";
import { translator, type Translate } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import type { Plan } from "./plan-booking.server";
import { getRecipient } from "./queries.server";

export type BookingMessageKind = "confirmed" | "changed" | "cancelled" | "released" | "reminder";

export interface DescribedBooking {
  id: string;
  centre_id: number;
  user_id: string | null;
  day_part: DayPart | null;
  starts_at: Date;
  ends_at: Date;
  price_vnd: number;
  resource_code: string;
  resource_name_vi: string;
  resource_name_en: string;
}

/** "Buổi sáng 01/12/2026, 07:30–12:00" or "01/12/2026, 14:00–16:00", in the centre's zone. */
export function describeWhen(
  t: Translate,
  booking: Pick<DescribedBooking, "day_part" | "starts_at" | "ends_at">,
  zone: string,
) {
  const span = `${formatDate(booking.starts_at, zone)}, ${formatTime(booking.starts_at, zone)}–${formatTime(booking.ends_at, zone)}`;
  return booking.day_part ? `${t(`bookings.part.${booking.day_part}`)} ${span}` : span;
}

type Recipient = { email: string; name: string; locale: Locale | null };

/** The message about a booking change for the person it is for, in their language (Vietnamese by default). */
export function bookingMessage(
  kind: BookingMessageKind,
  booking: DescribedBooking,
  zone: string,
  person: Recipient,
): OutgoingMessage {
  const locale = person.locale ?? "vi";
  const t = translator(locale);
  const url = kind === "cancelled" ? `${appUrl()}/spaces` : `${appUrl()}/bookings/${booking.id}`;
  const params = {
    name: person.name,
    code: booking.resource_code,
    resource: locale === "vi" ? booking.resource_name_vi : booking.resource_name_en,
    date: formatDate(booking.starts_at, zone),
    when: describeWhen(t, booking, zone),
    price: booking.price_vnd === 0 ? t("bookings.price.free") : formatMoney(booking.price_vnd, locale),
    url,
  };
  return {
    centreId: booking.centre_id,
    kind: `booking.${kind}`,
    to: person.email,
    subject: t(`bookings.email.${kind}.subject`, params),
    text: t(`bookings.email.${kind}.text`, params),
  };
}

/** Queues the message about a booking change inside the caller's transaction. */
export async function enqueueBookingMessage(
  db: Kysely<Database>,
  kind: BookingMessageKind,
  booking: DescribedBooking,
  zone: string,
): Promise<void> {
  const person = await getRecipient(db, booking.user_id);
  if (person) await enqueueMessage(db, bookingMessage(kind, booking, zone, person));
}

/** The message about a booking written from a plan, which names its resource, zone and recipient. */
export function plannedBookingMessage(
  kind: BookingMessageKind,
  row: Omit<DescribedBooking, "resource_code" | "resource_name_vi" | "resource_name_en">,
  plan: Pick<Plan, "resource" | "zone" | "recipient">,
): OutgoingMessage | null {
  if (!plan.recipient) return null;
  const { resource } = plan;
  const booking = {
    ...row,
    resource_code: resource.code,
    resource_name_vi: resource.name_vi,
    resource_name_en: resource.name_en,
  };
  return bookingMessage(kind, booking, plan.zone, plan.recipient);
}
