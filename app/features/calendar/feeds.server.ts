import { listEventCalendarItems } from "~/features/events/calendar-items.server";
import { createHash } from "node:crypto";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { DateTime } from "luxon";
import type { CalendarFeedKind, Database, Locale, Role } from "#db/schema";
import { isStaffRole } from "~/features/bookings/rules";
import { named } from "~/i18n/named";
import { isLocale, translator } from "~/i18n/translate";
import { renderCalendar } from "./ics.server";
import { bookingEvent, itemContext, registrationEvent, sessionEvent, type ItemContext } from "./items.server";
import { bookingRows, getCentreForCalendar, sessionRows } from "./queries.server";
import type { CalendarEvent } from "./types";

// A feed's contents, its version and its cached body (decision 014).

type Db = Kysely<Database>;

/** A live feed whose owner may still see it. */
export interface Feed {
  id: string;
  kind: CalendarFeedKind;
  centreId: number;
  ownerId: string;
  ownerName: string;
  ownerRole: Role;
  teamId: string | null;
  teamName: string | null;
  resourceId: string | null;
  resourceName: { name_vi: string; name_en: string } | null;
  /** The reader's language: the owner's. */
  locale: Locale;
  /** Names and titles (everything but a non-staff owner's resource feed). */
  names: boolean;
  createdAt: Date;
  /** The centre's time zone. */
  zone: string;
}

/**
 * The live feed of a token, or null when the token is unknown or revoked, or the owner may no
 * longer see what it shows (deactivated, left the team, no longer staff). Re-checked every fetch.
 */
export async function findFeed(db: Db, token: string): Promise<Feed | null> {
  const row = await db
    .selectFrom("calendar_feed as f")
    .innerJoin("app_user as u", "u.id", "f.owner_id")
    .innerJoin("centre as c", "c.id", "f.centre_id")
    .leftJoin("team as t", "t.id", "f.team_id")
    .leftJoin("resource as r", "r.id", "f.resource_id")
    .select((eb) => [
      "f.id",
      "f.kind",
      "f.centre_id",
      "f.owner_id",
      "f.team_id",
      "f.resource_id",
      "f.created_at",
      "c.time_zone",
      "u.name as owner_name",
      "u.role as owner_role",
      "u.locale as owner_locale",
      "u.is_active as owner_active",
      "u.centre_id as owner_centre_id",
      "t.name as team_name",
      "r.name_vi as resource_name_vi",
      "r.name_en as resource_name_en",
      eb
        .exists(
          eb
            .selectFrom("team_member as tm")
            .select("tm.user_id")
            .whereRef("tm.team_id", "=", "f.team_id")
            .whereRef("tm.user_id", "=", "f.owner_id"),
        )
        .as("is_member"),
    ])
    .where("f.token", "=", token)
    .where("f.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || !row.owner_active || row.owner_centre_id !== row.centre_id) return null;
  const staff = isStaffRole(row.owner_role);
  if (row.kind === "centre" && !staff) return null;
  if (row.kind === "team" && (row.team_name === null || !(row.is_member || staff))) return null;
  if (row.kind === "resource" && (row.resource_name_vi === null || row.resource_name_en === null)) return null;
  return {
    id: row.id,
    kind: row.kind,
    centreId: row.centre_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    ownerRole: row.owner_role,
    teamId: row.team_id,
    teamName: row.team_name,
    resourceId: row.resource_id,
    resourceName:
      row.resource_name_vi !== null && row.resource_name_en !== null
        ? { name_vi: row.resource_name_vi, name_en: row.resource_name_en }
        : null,
    locale: isLocale(row.owner_locale) ? row.owner_locale : "vi",
    names: row.kind !== "resource" || staff,
    createdAt: row.created_at,
    zone: row.time_zone,
  };
}

/** The period a feed shows, fixed for a whole local day so its version stays stable all day. */
export interface FeedWindow {
  day: string;
  dayStart: Date;
  from: Date;
  to: Date;
  /** Cancelled items stay this long after their cancellation (30 days). */
  cancelledSince: Date;
}

export function feedWindow(now: Date, zone: string): FeedWindow {
  const day = DateTime.fromJSDate(now, { zone }).startOf("day");
  return {
    day: day.toISODate()!,
    dayStart: day.toJSDate(),
    from: day.minus({ days: 90 }).toJSDate(),
    to: day.plus({ days: 366 }).toJSDate(),
    cancelledSince: day.minus({ days: 30 }).toJSDate(),
  };
}

/**
 * A kind of item a feed can show. Issue 8's events add a source here: a filter on its table
 * for a feed (null when the kind of feed never shows it) and the rows as CalendarEvents.
 */
interface FeedSource {
  /** SQL of the item rows' (updated_at, sequence) for the feed, or null. */
  versionRows(feed: Feed, window: FeedWindow): RawBuilder<unknown> | null;
  events(db: Db, feed: Feed, window: FeedWindow, ctx: ItemContext): Promise<CalendarEvent[]>;
}

/** Bookings of the feed (a session's room booking shows as the session, except on a room's feed). */
function bookingFilter(feed: Feed, w: FeedWindow): RawBuilder<boolean> | null {
  const period = sql<boolean>`b.centre_id = ${feed.centreId} AND b.starts_at < ${w.to} AND b.ends_at > ${w.from}
    AND (b.status NOT IN ('cancelled', 'no_show') OR coalesce(b.cancelled_at, b.updated_at) >= ${w.cancelledSince})`;
  const notSession = sql`NOT EXISTS (SELECT 1 FROM mentoring_session ms WHERE ms.booking_id = b.id)`;
  switch (feed.kind) {
    case "person":
      return sql<boolean>`${period} AND b.user_id = ${feed.ownerId} AND b.purpose = 'booking' AND ${notSession}`;
    case "team":
      return sql<boolean>`${period} AND b.team_id = ${feed.teamId} AND b.purpose = 'booking' AND ${notSession}`;
    case "resource":
      return sql<boolean>`${period} AND b.resource_id = ${feed.resourceId}`;
    case "centre":
      return sql<boolean>`${period} AND ${notSession}`;
  }
}

function sessionFilter(feed: Feed, w: FeedWindow): RawBuilder<boolean> | null {
  const period = sql<boolean>`s.centre_id = ${feed.centreId} AND s.starts_at < ${w.to} AND s.ends_at > ${w.from}
    AND (s.status NOT IN ('cancelled', 'declined') OR s.updated_at >= ${w.cancelledSince})`;
  switch (feed.kind) {
    case "person":
      return sql<boolean>`${period} AND (s.mentor_id = ${feed.ownerId}
        OR s.team_id IN (SELECT tm.team_id FROM team_member tm WHERE tm.user_id = ${feed.ownerId}))`;
    case "team":
      return sql<boolean>`${period} AND s.team_id = ${feed.teamId}`;
    case "resource":
      // A session in a room holds a booking of it: the room's feed shows that booking.
      return null;
    case "centre":
      return period;
  }
}

const bookingSource: FeedSource = {
  versionRows(feed, window) {
    const filter = bookingFilter(feed, window);
    return filter && sql`SELECT b.updated_at, b.sequence FROM booking b WHERE ${filter}`;
  },
  async events(db, feed, window, ctx) {
    const filter = bookingFilter(feed, window);
    if (!filter) return [];
    const rows = await bookingRows(db).where(filter).orderBy("b.starts_at").orderBy("b.id").execute();
    return rows.map((row) => bookingEvent(row, ctx));
  },
};

const sessionSource: FeedSource = {
  versionRows(feed, window) {
    const filter = sessionFilter(feed, window);
    return filter && sql`SELECT s.updated_at, s.sequence FROM mentoring_session s WHERE ${filter}`;
  },
  async events(db, feed, window, ctx) {
    const filter = sessionFilter(feed, window);
    if (!filter) return [];
    const rows = await sessionRows(db).where(filter).orderBy("s.starts_at").orderBy("s.id").execute();
    return rows.map((row) => sessionEvent(row, ctx));
  },
};

/** A person's event registrations (issue 8): their own feed only. */
function registrationFilter(feed: Feed, w: FeedWindow): RawBuilder<boolean> | null {
  if (feed.kind !== "person") return null;
  return sql<boolean>`e.centre_id = ${feed.centreId} AND g.user_id = ${feed.ownerId} AND e.ends_at >= ${w.from}
    AND e.starts_at < ${w.to}`;
}

const eventSource: FeedSource = {
  versionRows(feed, window) {
    const filter = registrationFilter(feed, window);
    return (
      filter &&
      sql`SELECT greatest(g.updated_at, e.updated_at) AS updated_at, g.sequence + e.sequence AS sequence
        FROM event_registration g JOIN event e ON e.id = g.event_id WHERE ${filter}`
    );
  },
  async events(db, feed, window, ctx) {
    if (feed.kind !== "person") return [];
    const items = await listEventCalendarItems(db, feed.ownerId, feed.locale, {
      from: window.from,
      cancelledSince: window.cancelledSince,
    });
    return items.filter((item) => item.start < window.to).map((item) => registrationEvent(item, ctx));
  },
};

const SOURCES: readonly FeedSource[] = [bookingSource, sessionSource, eventSource];

export interface FeedVersion {
  /** Strong ETag, quoted. */
  etag: string;
  lastModified: Date;
}

/**
 * The feed's version without reading its items: how many there are, their latest change and
 * the sum of their sequences, for this window day, owner language and naming. One query.
 */
async function feedVersion(db: Db, feed: Feed, window: FeedWindow): Promise<FeedVersion | null> {
  const parts = SOURCES.map((source) => source.versionRows(feed, window)).filter((p) => p !== null);
  // The feed's owner and link are read again in the same query: a revoked link, a deactivated
  // owner or a member who left is seen at once, even when the feed itself came from memory.
  const { rows } = await sql<{
    n: number;
    last: Date | null;
    seq: number;
    live: boolean | null;
    is_active: boolean | null;
    role: Role | null;
    locale: string | null;
    name: string | null;
    is_member: boolean | null;
  }>`
    SELECT v.n, v.last, v.seq, c.live, c.is_active, c.role, c.locale, c.name, c.is_member
    FROM (SELECT count(*)::int AS n, max(updated_at) AS last, coalesce(sum(sequence), 0)::int AS seq
          FROM (${sql.join(parts, sql` UNION ALL `)}) AS items) AS v
    LEFT JOIN LATERAL (
      SELECT f.revoked_at IS NULL AS live, u.is_active, u.role, u.locale, u.name,
        EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = f.team_id AND tm.user_id = f.owner_id) AS is_member
      FROM calendar_feed f JOIN app_user u ON u.id = f.owner_id
      WHERE f.id = ${feed.id}) AS c ON true`.execute(db);
  const row = rows[0];
  if (
    !row ||
    !row.live ||
    !row.is_active ||
    row.role !== feed.ownerRole ||
    row.name !== feed.ownerName ||
    (isLocale(row.locale) ? row.locale : "vi") !== feed.locale ||
    (feed.kind === "team" && !row.is_member && !isStaffRole(row.role))
  ) {
    return null;
  }
  const lastMs = row.last ? new Date(row.last).getTime() : 0;
  const key = [feed.id, window.day, row.n, lastMs, row.seq, feed.locale, feed.names ? 1 : 0, feed.ownerName].join("|");
  const etag = `"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
  // The window moves each day, so a new day is a change too (for If-Modified-Since readers).
  const lastModified = new Date(Math.max(lastMs, window.dayStart.getTime(), feed.createdAt.getTime()));
  return { etag, lastModified };
}

/** Feeds by token, so a poll costs one query (feedVersion re-checks the link and owner). */
const feedsByToken = new Map<string, Feed>();
const MAX_FEEDS = 10_000;

/**
 * The feed of a token with its version, or null (404). A feed kept in memory whose link or
 * owner changed in any way is read afresh once, through findFeed's full check.
 */
export async function resolveFeed(
  db: Db,
  token: string,
  now: Date,
): Promise<{ feed: Feed; window: FeedWindow; version: FeedVersion } | null> {
  const known = feedsByToken.get(token);
  if (known) {
    const window = feedWindow(now, known.zone);
    const version = await feedVersion(db, known, window);
    if (version) return { feed: known, window, version };
    feedsByToken.delete(token);
  }
  const feed = await findFeed(db, token);
  if (!feed) return null;
  const window = feedWindow(now, feed.zone);
  const version = await feedVersion(db, feed, window);
  if (!version) return null;
  if (feedsByToken.size >= MAX_FEEDS) feedsByToken.delete(feedsByToken.keys().next().value as string);
  feedsByToken.set(token, feed);
  return { feed, window, version };
}

/** The feed's name in the reader's language. */
function feedName(
  feed: Feed,
  centre: { name_vi: string; name_en: string; short_name_vi: string; short_name_en: string },
) {
  const t = translator(feed.locale);
  const centreName = feed.locale === "vi" ? centre.short_name_vi : centre.short_name_en;
  switch (feed.kind) {
    case "person":
      return t("calendarFeed.name.person", { name: feed.ownerName, centre: centreName });
    case "team":
      return t("calendarFeed.name.team", { team: feed.teamName ?? "", centre: centreName });
    case "resource":
      return t("calendarFeed.name.resource", {
        resource: feed.resourceName ? named(feed.resourceName, feed.locale) : "",
        centre: centreName,
      });
    case "centre":
      return t("calendarFeed.name.centre", { centre: centreName });
  }
}

/** Every item of the feed as calendar events, in the owner's language. */
export async function feedEvents(db: Db, feed: Feed, window: FeedWindow, baseUrl?: string) {
  const centre = await getCentreForCalendar(db, feed.centreId);
  const ctx = itemContext(centre, feed.locale, {
    names: feed.names,
    showWho: feed.kind !== "person",
    baseUrl,
  });
  const lists = await Promise.all(SOURCES.map((source) => source.events(db, feed, window, ctx)));
  return { centre, events: lists.flat() };
}

/** The feed serialised (no cache). */
async function renderFeed(db: Db, feed: Feed, window: FeedWindow, baseUrl?: string): Promise<string> {
  const { centre, events } = await feedEvents(db, feed, window, baseUrl);
  return renderCalendar({ name: feedName(feed, centre), zone: centre.time_zone, events });
}

// ------------------------------------------------------------------------------ the cache

/** Serialised feeds by ETag (feed id + version + language), least recently used first. */
const cache = new Map<string, string>();
const MAX_ENTRIES = 500;
const MAX_CHARS = 32 * 1024 * 1024;
let cachedChars = 0;

function remember(etag: string, body: string) {
  if (body.length > MAX_CHARS / 4 || cache.has(etag)) return;
  cache.set(etag, body);
  cachedChars += body.length;
  while (cache.size > MAX_ENTRIES || cachedChars > MAX_CHARS) {
    const oldest = cache.keys().next().value as string;
    cachedChars -= cache.get(oldest)!.length;
    cache.delete(oldest);
  }
}

/**
 * The serialised feed of this version: from the cache, or rendered and kept. A render reads the
 * version again in the same snapshot (REPEATABLE READ), so the body is kept under, and sent
 * with, exactly the version it shows even when a change lands meanwhile.
 */
export async function feedBody(
  db: Db,
  feed: Feed,
  window: FeedWindow,
  version: FeedVersion,
): Promise<{ body: string; version: FeedVersion }> {
  const hit = cache.get(version.etag);
  if (hit !== undefined) {
    // Most recently used goes last.
    cache.delete(version.etag);
    cache.set(version.etag, hit);
    return { body: hit, version };
  }
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const current = (await feedVersion(trx, feed, window)) ?? version;
      const body = await renderFeed(trx, feed, window);
      remember(current.etag, body);
      return { body, version: current };
    });
}
