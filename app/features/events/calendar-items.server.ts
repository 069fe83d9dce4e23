import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { appUrl } from "~/utils/env.server";
import { placeOf } from "./rules";

/** One event in a person's calendar feed (issue 6 turns these into VEVENTs). */
export interface EventCalendarItem {
  /** Stable for the person and the event, across cancelling and registering again: a fine UID base. */
  id: string;
  eventId: string;
  /** The registration listed: the live one, else the latest. */
  registrationId: string;
  title: string;
  start: Date;
  end: Date;
  location: string;
  url: string;
  /** 'cancelled' when the event or the person's registration is; 'tentative' while waitlisted. */
  status: "confirmed" | "tentative" | "cancelled";
  /**
   * Grows whenever the event or the person's registration changes, registering again included:
   * the event's sequence, plus every one of the person's registrations' sequences for it, plus
   * one for each registration after the first.
   */
  sequence: number;
  created: Date;
  updated: Date;
}

/**
 * A person's event registrations for their calendar feed, in a language: one item per event,
 * for events ending from `from` on (default: 90 days ago). Live ones are listed, and those
 * cancelled (by the person or with the event) since `cancelledSince` (default: 30 days ago),
 * so a feed shows them cancelled instead of letting them vanish at once. `eventId` lists one
 * event only.
 */
export async function listEventCalendarItems(
  db: Kysely<Database>,
  userId: string,
  locale: Locale,
  options: { from?: Date; cancelledSince?: Date; eventId?: string } = {},
): Promise<EventCalendarItem[]> {
  const from = options.from ?? new Date(Date.now() - 90 * 24 * 60 * 60_000);
  const cancelledSince = options.cancelledSince ?? new Date(Date.now() - 30 * 24 * 60 * 60_000);
  const rows = await db
    .selectFrom("event_registration as g")
    .innerJoin("event as e", "e.id", "g.event_id")
    .leftJoin("resource as r", "r.id", "e.resource_id")
    .select([
      "g.id",
      "g.event_id",
      "g.status as registration_status",
      "g.sequence as registration_sequence",
      "g.created_at",
      "g.updated_at as registration_updated_at",
      "e.title_vi",
      "e.title_en",
      "e.starts_at",
      "e.ends_at",
      "e.venue_text",
      "e.status as event_status",
      "e.sequence as event_sequence",
      "e.updated_at as event_updated_at",
      "r.name_vi as resource_name_vi",
      "r.name_en as resource_name_en",
    ])
    .where("g.user_id", "=", userId)
    .where("e.ends_at", ">=", from)
    .$if(options.eventId !== undefined, (q) => q.where("e.id", "=", options.eventId!))
    .orderBy("g.created_at")
    .execute();

  const byEvent = new Map<string, typeof rows>();
  for (const row of rows) {
    const same = byEvent.get(row.event_id);
    if (same) same.push(row);
    else byEvent.set(row.event_id, [row]);
  }
  const items: EventCalendarItem[] = [];
  for (const [eventId, registrations] of byEvent) {
    const row = registrations.find((r) => r.registration_status !== "cancelled") ?? registrations.at(-1)!;
    const status =
      row.event_status === "cancelled" || row.registration_status === "cancelled"
        ? ("cancelled" as const)
        : row.registration_status === "waitlisted"
          ? ("tentative" as const)
          : ("confirmed" as const);
    const updated = new Date(Math.max(row.registration_updated_at.getTime(), row.event_updated_at.getTime()));
    if (status === "cancelled" && updated < cancelledSince) continue;
    items.push({
      id: `${eventId}.${userId}`,
      eventId,
      registrationId: row.id,
      title: locale === "vi" ? row.title_vi : row.title_en,
      start: row.starts_at,
      end: row.ends_at,
      location: placeOf(row, locale),
      url: `${appUrl()}/events/${eventId}`,
      status,
      sequence:
        row.event_sequence +
        registrations.reduce((sum, r) => sum + r.registration_sequence, 0) +
        registrations.length -
        1,
      created: registrations[0]!.created_at,
      updated,
    });
  }
  return items.sort((a, b) => a.start.getTime() - b.start.getTime());
}
