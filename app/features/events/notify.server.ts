import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { formatDate, formatTime } from "~/i18n/format";
import { translator } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import { placeOf } from "./rules";

export type RegistrationMessage =
  "registered" | "waitlisted" | "promoted" | "cancelled" | "changed" | "event_cancelled";

export interface DescribedEvent {
  id: string;
  centre_id: number;
  title_vi: string;
  title_en: string;
  starts_at: Date;
  ends_at: Date;
  venue_text: string;
  resource_name_vi?: string | null;
  resource_name_en?: string | null;
}

export interface Registrant {
  user_id: string | null;
  token: string;
  person_name: string;
  person_email: string;
  person_locale: Locale;
}

/**
 * Where a registrant sees their registration and its QR code: a member's event page (signed
 * in), a guest's own page reached by the token in the link.
 */
function registrationUrl(eventId: string, registrant: Pick<Registrant, "user_id" | "token">): string {
  return registrant.user_id
    ? `${appUrl()}/events/${eventId}`
    : `${appUrl()}/events/${eventId}/registration/${encodeURIComponent(registrant.token)}`;
}

/** Queues one message to a registrant, in their language, inside the caller's transaction. */
export async function tellRegistrant(
  db: Kysely<Database>,
  kind: RegistrationMessage,
  event: DescribedEvent,
  registrant: Registrant,
  zone: string,
  extra: { position?: number; reason?: string } = {},
): Promise<void> {
  const locale = registrant.person_locale;
  const t = translator(locale);
  const params = {
    name: registrant.person_name,
    title: locale === "vi" ? event.title_vi : event.title_en,
    when: `${formatDate(event.starts_at, zone)}, ${formatTime(event.starts_at, zone)}–${formatTime(event.ends_at, zone)}`,
    place: placeOf(event, locale),
    url: registrationUrl(event.id, registrant),
    position: extra.position ?? 0,
    reason: extra.reason ?? "",
  };
  await enqueueMessage(db, {
    centreId: event.centre_id,
    kind: `event.${kind}`,
    to: registrant.person_email,
    subject: t(`events.email.${kind}.subject`, params),
    text: t(`events.email.${kind}.text`, params),
  });
}
