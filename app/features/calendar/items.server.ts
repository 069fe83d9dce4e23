import { listEventCalendarItems, type EventCalendarItem } from "~/features/events/calendar-items.server";
import { getEvent, type EventView } from "~/features/events/queries.server";
import { placeOf } from "~/features/events/rules";
import type { Kysely } from "kysely";
import type { Database, Locale, Role } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { isStaffRole } from "~/features/bookings/rules";
import { sessionSide } from "~/features/sessions/queries.server";
import { named } from "~/i18n/named";
import { translator, type MessageKey, type Translate } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import {
  bookingRows,
  getCentreForCalendar,
  sessionRows,
  type BookingCalendarRow,
  type CentreForCalendar,
  type SessionCalendarRow,
} from "./queries.server";
import type { CalendarEvent, CalendarEventStatus, CalendarInput } from "./types";

type Db = Kysely<Database>;

/** How items are written for one reader. */
export interface ItemContext {
  locale: Locale;
  t: Translate;
  /** The app's base URL, without a trailing slash (appUrl()). */
  baseUrl: string;
  /** The host in every UID ("booking-<uuid>@<host>"). */
  host: string;
  centre: CentreForCalendar;
  /** false: a resource feed of a non-staff owner, "Bận"/"Busy" with no names or titles. */
  names: boolean;
  /** Say whom a booking is for (feeds of a team, a resource or the centre; not one's own). */
  showWho: boolean;
}

export function itemContext(
  centre: CentreForCalendar,
  locale: Locale,
  options: { names?: boolean; showWho?: boolean; baseUrl?: string } = {},
): ItemContext {
  const baseUrl = (options.baseUrl ?? appUrl()).replace(/\/$/, "");
  return {
    locale,
    t: translator(locale),
    baseUrl,
    host: new URL(baseUrl).hostname,
    centre,
    names: options.names ?? true,
    showWho: options.showWho ?? false,
  };
}

const BOOKING_STATUS: Record<BookingCalendarRow["status"], CalendarEventStatus> = {
  held: "TENTATIVE",
  confirmed: "CONFIRMED",
  checked_in: "CONFIRMED",
  cancelled: "CANCELLED",
  no_show: "CANCELLED",
};

const SESSION_STATUS: Record<SessionCalendarRow["status"], CalendarEventStatus> = {
  proposed: "TENTATIVE",
  confirmed: "CONFIRMED",
  done: "CONFIRMED",
  no_show: "CONFIRMED",
  declined: "CANCELLED",
  cancelled: "CANCELLED",
};

const STATUS_KEY: Record<CalendarEventStatus, MessageKey> = {
  TENTATIVE: "calendarFeed.status.tentative",
  CONFIRMED: "calendarFeed.status.confirmed",
  CANCELLED: "calendarFeed.status.cancelled",
};

/** "<place>, <centre>, <address>" in the reader's language; the address alone without a place. */
function located(where: string | null, ctx: ItemContext): string {
  const address = ctx.locale === "vi" ? ctx.centre.address_vi : ctx.centre.address_en;
  return where ? `${where}, ${named(ctx.centre, ctx.locale)}, ${address}` : address;
}

function place(roomName: string, roomCode: string, ctx: ItemContext): string {
  return located(`${roomName} (${roomCode})`, ctx);
}

const EVENT_STATUS = { confirmed: "CONFIRMED", tentative: "TENTATIVE", cancelled: "CANCELLED" } as const;

/** An event a person registered for (issue 8); waitlisted is tentative. */
export function registrationEvent(item: EventCalendarItem, ctx: ItemContext): CalendarEvent {
  return {
    uid: `event-${item.id}@${ctx.host}`,
    sequence: item.sequence,
    start: item.start,
    end: item.end,
    summary: item.title,
    description: ctx.t("calendarFeed.detail.open", { url: item.url }),
    location: located(item.location, ctx),
    url: item.url,
    status: EVENT_STATUS[item.status],
    created: item.created,
    lastModified: item.updated,
  };
}

export function bookingEvent(row: BookingCalendarRow, ctx: ItemContext): CalendarEvent {
  const { t } = ctx;
  const status = BOOKING_STATUS[row.status];
  const resource = named({ name_vi: row.resource_name_vi, name_en: row.resource_name_en }, ctx.locale);
  const base: Omit<CalendarEvent, "summary" | "description" | "url"> = {
    uid: `booking-${row.id}@${ctx.host}`,
    sequence: row.sequence,
    start: row.starts_at,
    end: row.ends_at,
    location: place(resource, row.resource_code, ctx),
    status,
    created: row.created_at,
    lastModified: row.updated_at,
  };
  if (!ctx.names) {
    return {
      ...base,
      summary: t(row.purpose === "block" ? "calendarFeed.unavailable" : "calendarFeed.busy"),
      description: "",
      url: `${ctx.baseUrl}/spaces/rooms`,
    };
  }
  const who = ctx.showWho ? (row.team_name ?? row.person_name) : null;
  const summary =
    row.purpose === "block"
      ? t("calendarFeed.block.summary", { resource })
      : row.title
        ? t("calendarFeed.booking.summaryTitled", { title: row.title, resource })
        : who
          ? t("calendarFeed.booking.summaryFor", { resource, name: who })
          : t("calendarFeed.booking.summary", { resource });
  const url = `${ctx.baseUrl}/bookings/${row.id}`;
  const lines = [t("calendarFeed.detail.room", { code: row.resource_code, name: resource })];
  if (ctx.showWho && row.purpose === "booking" && row.person_name) {
    lines.push(t("calendarFeed.detail.bookedFor", { name: row.person_name }));
  }
  if (row.team_name) lines.push(t("calendarFeed.detail.team", { name: row.team_name }));
  lines.push(t("calendarFeed.detail.status", { status: t(STATUS_KEY[status]) }));
  lines.push(t("calendarFeed.detail.open", { url }));
  return { ...base, summary, description: lines.join("\n"), url };
}

export function sessionEvent(row: SessionCalendarRow, ctx: ItemContext): CalendarEvent {
  const { t } = ctx;
  const status = SESSION_STATUS[row.status];
  const url = `${ctx.baseUrl}/sessions/${row.id}`;
  const room =
    row.room_name_vi !== null && row.room_name_en !== null
      ? named({ name_vi: row.room_name_vi, name_en: row.room_name_en }, ctx.locale)
      : null;
  const location =
    row.mode === "online" || room === null
      ? (row.online_url ?? t("calendarFeed.session.online"))
      : place(room, row.room_code ?? "", ctx);
  const lines: string[] = [];
  if (row.topic) lines.push(t("calendarFeed.detail.topic", { topic: row.topic }));
  lines.push(t("calendarFeed.detail.mentor", { name: row.mentor_name }));
  lines.push(t("calendarFeed.detail.team", { name: row.team_name }));
  if (room !== null && row.mode === "centre") {
    lines.push(t("calendarFeed.detail.room", { code: row.room_code ?? "", name: room }));
  }
  if (row.mode === "online" && row.online_url) lines.push(t("calendarFeed.detail.link", { url: row.online_url }));
  lines.push(t("calendarFeed.detail.status", { status: t(STATUS_KEY[status]) }));
  lines.push(t("calendarFeed.detail.open", { url }));
  return {
    uid: `session-${row.id}@${ctx.host}`,
    sequence: row.sequence,
    start: row.starts_at,
    end: row.ends_at,
    summary: t("calendarFeed.session.summary", { team: row.team_name, mentor: row.mentor_name }),
    description: lines.join("\n"),
    location,
    url,
    status,
    created: row.created_at,
    lastModified: row.updated_at,
  };
}

type Reader = { id: string; centre_id: number; role: Role; locale?: Locale | null };

/**
 * One booking as a calendar event for its page's download, or null when the person may not see
 * it (the booking page's rule: their own bookings; staff see every booking of the centre).
 */
export async function readBookingForCalendar(
  db: Db,
  user: Reader,
  bookingId: string,
  locale: Locale = user.locale ?? "vi",
): Promise<CalendarEvent | null> {
  if (!isUuid(bookingId)) return null;
  const row = await bookingRows(db)
    .where("b.id", "=", bookingId)
    .where("b.centre_id", "=", user.centre_id)
    .executeTakeFirst();
  if (!row || (!isStaffRole(user.role) && row.user_id !== user.id)) return null;
  const centre = await getCentreForCalendar(db, user.centre_id);
  return bookingEvent(row, itemContext(centre, locale, { showWho: row.user_id !== user.id }));
}

/** One session as a calendar event, or null unless the person is its mentor, in its team, or staff. */
export async function readSessionForCalendar(
  db: Db,
  user: Reader,
  sessionId: string,
  locale: Locale = user.locale ?? "vi",
): Promise<CalendarEvent | null> {
  if (!isUuid(sessionId)) return null;
  const row = await sessionRows(db)
    .where("s.id", "=", sessionId)
    .where("s.centre_id", "=", user.centre_id)
    .executeTakeFirst();
  if (!row || (await sessionSide(db, user, row)) === null) return null;
  const centre = await getCentreForCalendar(db, user.centre_id);
  return sessionEvent(row, itemContext(centre, locale));
}

/** A one-event calendar (a download), named after the centre, in the centre's zone. */
export async function singleEventCalendar(
  db: Db,
  centreId: number,
  event: CalendarEvent,
  locale: Locale,
): Promise<CalendarInput> {
  const centre = await getCentreForCalendar(db, centreId);
  return {
    name: translator(locale)("calendarFeed.name.single", { centre: named(centre, locale) }),
    zone: centre.time_zone,
    events: [event],
  };
}

/** The event fields a calendar item is made from (the events feature's EventView has them). */
type CalendarEventSource = Pick<
  EventView,
  | "id"
  | "title_vi"
  | "title_en"
  | "starts_at"
  | "ends_at"
  | "venue_text"
  | "resource_name_vi"
  | "resource_name_en"
  | "status"
  | "sequence"
  | "created_at"
  | "updated_at"
>;

/**
 * One event (issue 8) as a calendar item: a registered person gets the very item their feed
 * shows (same UID, status and sequence); anyone else gets the public event.
 */
export async function eventCalendarEvent(
  db: Db,
  centre: CentreForCalendar,
  event: CalendarEventSource,
  userId: string | null,
  locale: Locale,
): Promise<CalendarEvent> {
  const ctx = itemContext(centre, locale);
  if (userId) {
    const [mine] = await listEventCalendarItems(db, userId, locale, {
      eventId: event.id,
      from: new Date(0),
      cancelledSince: new Date(0),
    });
    if (mine) return registrationEvent(mine, ctx);
  }
  return registrationEvent(
    {
      id: event.id,
      eventId: event.id,
      registrationId: "",
      title: locale === "vi" ? event.title_vi : event.title_en,
      start: event.starts_at,
      end: event.ends_at,
      location: placeOf(event, locale),
      url: `${ctx.baseUrl}/events/${event.id}`,
      status: event.status === "cancelled" ? "cancelled" : "confirmed",
      sequence: event.sequence,
      created: event.created_at,
      updated: event.updated_at,
    },
    ctx,
  );
}

/** The event of a download link as a calendar item, or null when the centre has no such event. */
export async function readEventForCalendar(
  db: Db,
  centreId: number,
  eventId: string,
  userId: string | null,
  locale: Locale,
): Promise<CalendarEvent | null> {
  const event = await getEvent(db, centreId, eventId);
  if (!event) return null;
  return eventCalendarEvent(db, await getCentreForCalendar(db, centreId), event, userId, locale);
}
