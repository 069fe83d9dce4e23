import { sql, type Kysely } from "kysely";
import {
  ACTIVE_BOOKING_STATUSES,
  type BookingPolicy,
  type Database,
  type Locale,
  type Resource,
  type ResourceKind,
} from "#db/schema";
import type { UsablePass } from "~/features/payments/rules";
import { getOpeningHours as centreOpeningHours } from "~/features/centre/queries.server";
import {
  DEFAULT_POLICY,
  type ClosureSpan,
  type FixedDeskHold,
  type OpeningDay,
  type Period,
  type Policy,
} from "./rules";

type Db = Kysely<Database>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id would make PostgreSQL throw (22P02); it simply matches nothing. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}

/**
 * PostgreSQL's exclusion_violation (SQLSTATE 23P01), from pg or PGlite alike: this write
 * lost the slot. Also its deadlock_detected (40P01), which PostgreSQL reports instead when
 * two writes of one slot at the same instant each find the other's row and wait for it
 * (see its execIndexing.c): one of them is aborted, and it too lost the slot. (Running it
 * again instead was tried under load and made the writers queue behind each other.)
 */
export function isExclusionViolation(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "23P01" || code === "40P01";
}

export async function getCentreZone(db: Db, centreId: number): Promise<string> {
  const row = await db.selectFrom("centre").select("time_zone").where("id", "=", centreId).executeTakeFirstOrThrow();
  return row.time_zone;
}

export async function getPolicy(db: Db, centreId: number): Promise<Policy> {
  const row = await db.selectFrom("booking_policy").selectAll().where("centre_id", "=", centreId).executeTakeFirst();
  return row ? policyOf(row) : DEFAULT_POLICY;
}

export function policyOf(row: BookingPolicy): Policy {
  return {
    maxDaysAhead: row.max_days_ahead,
    maxRoomMinutes: row.max_room_minutes,
    maxDeskDays: row.max_desk_days,
    freeDeskDaysPerPersonWeek: row.free_desk_days_per_person_week,
    freeDeskDaysPerTeamWeek: row.free_desk_days_per_team_week,
    cancelDeadlineMinutes: row.cancel_deadline_minutes,
    checkInOpensMinutes: row.check_in_opens_minutes,
    checkInClosesMinutes: row.check_in_closes_minutes,
    midday: row.midday,
  };
}

/** The centre's opening hours, in the shape the booking rules take. */
export async function getOpeningHours(db: Db, centreId: number): Promise<OpeningDay[]> {
  const rows = await centreOpeningHours(db, centreId);
  return rows.map((r) => ({ weekday: r.weekday, opensAt: r.opens_at, closesAt: r.closes_at }));
}

function resourcesOf(db: Db, centreId: number) {
  return db.selectFrom("resource").selectAll().where("centre_id", "=", centreId);
}

export async function getResource(db: Db, centreId: number, resourceId: string) {
  if (!isUuid(resourceId)) return undefined;
  return resourcesOf(db, centreId).where("id", "=", resourceId).executeTakeFirst();
}

export async function getResourceByCode(db: Db, centreId: number, code: string) {
  return resourcesOf(db, centreId).where("code", "=", code).executeTakeFirst();
}

export async function closuresOverlapping(db: Db, centreId: number, period: Period): Promise<ClosureSpan[]> {
  const rows = await db
    .selectFrom("closure")
    .select(["resource_id", "starts_at", "ends_at"])
    .where("centre_id", "=", centreId)
    .where("starts_at", "<", period.end)
    .where("ends_at", ">", period.start)
    .execute();
  return rows.map((r) => ({ resourceId: r.resource_id, startsAt: r.starts_at, endsAt: r.ends_at }));
}

// Closures and bookings of one centre serialise on one advisory lock (both PGlite and
// PostgreSQL have them): a transaction that writes a booking holds it shared, from its start
// until it commits, and reads the closures only after taking it; closing time (or blocking a
// resource) holds it exclusively while it reads the bookings in the way and saves. So
// either the booking commits first and the closure sees it (and shows it to staff), or the
// closure commits first and the booking's own check sees the closure. Bookings never wait
// for each other on it. Take it first in the transaction, before any row lock, so that it
// cannot deadlock with the closure's cancellations.
// The book_resource() database function takes it too, by the same number.
const CLOSURES_LOCK = 30_311;

/** Shared: no closure or block of the centre can be saved until this transaction ends. */
export async function holdClosuresSteady(db: Db, centreId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${CLOSURES_LOCK}::int, ${centreId}::int)`.execute(db);
}

/** Exclusive: waits for the bookings being written, and holds new ones until this transaction ends. */
export async function lockClosures(db: Db, centreId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CLOSURES_LOCK}::int, ${centreId}::int)`.execute(db);
}

/** Fixed-desk holds of the centre covering any local date from `from` to `to` (included). */
export async function fixedDeskHolds(db: Db, centreId: number, from: string, to: string): Promise<FixedDeskHold[]> {
  return db
    .selectFrom("fixed_desk_assignment")
    .innerJoin("resource", "resource.id", "fixed_desk_assignment.resource_id")
    .select([
      "fixed_desk_assignment.resource_id",
      "fixed_desk_assignment.team_id",
      "fixed_desk_assignment.starts_on",
      "fixed_desk_assignment.ends_on",
    ])
    .where("resource.centre_id", "=", centreId)
    .where("fixed_desk_assignment.starts_on", "<=", to)
    .where("fixed_desk_assignment.ends_on", ">=", from)
    .execute();
}

/** Every team the person belongs to, whatever its status. */
export async function teamsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("team_member").select("team_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.team_id);
}

/** The person's incubating team (the first by name), or null. */
export async function incubatingTeamOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("team_member")
    .innerJoin("team", "team.id", "team_member.team_id")
    .select("team.id")
    .where("team_member.user_id", "=", userId)
    .where("team.status", "=", "incubating")
    .orderBy("team.name")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Resources (of the given ids) holding an active booking that overlaps the period. */
export async function busyResourceIds(db: Db, resourceIds: string[], period: Period): Promise<Set<string>> {
  if (resourceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("booking")
    .select("resource_id")
    .where("resource_id", "in", resourceIds)
    .where("status", "in", ACTIVE_BOOKING_STATUSES)
    .where("starts_at", "<", period.end)
    .where("ends_at", ">", period.start)
    .execute();
  return new Set(rows.map((r) => r.resource_id));
}

/** The periods of a resource's active bookings that overlap the span. */
export async function bookedPeriods(db: Db, resourceId: string, span: Period): Promise<Period[]> {
  const rows = await db
    .selectFrom("booking")
    .select(["starts_at", "ends_at"])
    .where("resource_id", "=", resourceId)
    .where("status", "in", ACTIVE_BOOKING_STATUSES)
    .where("starts_at", "<", span.end)
    .where("ends_at", ">", span.start)
    .execute();
  return rows.map((r) => ({ start: r.starts_at, end: r.ends_at }));
}

export async function activeResourcesOfKind(db: Db, centreId: number, kind: ResourceKind) {
  return resourcesOf(db, centreId).where("kind", "=", kind).where("is_active", "=", true).orderBy("code").execute();
}

const bookingColumns = [
  "booking.id",
  "booking.centre_id",
  "booking.resource_id",
  "booking.user_id",
  "booking.team_id",
  "booking.status",
  "booking.day_part",
  "booking.starts_at",
  "booking.ends_at",
  "booking.attendees",
  "booking.price_vnd",
  "booking.checked_in_at",
  "booking.sequence",
  "booking.series_id",
  "resource.code as resource_code",
  "resource.kind as resource_kind",
  "resource.name_vi as resource_name_vi",
  "resource.name_en as resource_name_en",
] as const;

export async function getBooking(db: Db, centreId: number, bookingId: string) {
  if (!isUuid(bookingId)) return undefined;
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select(bookingColumns)
    .where("booking.id", "=", bookingId)
    .where("booking.centre_id", "=", centreId)
    .executeTakeFirst();
}

/** Locks the booking row for a change in this transaction; says which payment it has, if any. */
export async function lockBooking(db: Db, bookingId: string): Promise<{ payment_id: string | null } | undefined> {
  return db.selectFrom("booking").select("payment_id").where("id", "=", bookingId).forUpdate().executeTakeFirst();
}

/**
 * The scheduled event whose hall or room this booking is (decision 017): such a booking is
 * changed or cancelled through its event, never on its own, or the event would keep pointing
 * at a cancelled or moved room.
 */
export async function eventHoldingBooking(db: Db, bookingId: string) {
  return db
    .selectFrom("event")
    .select("id")
    .where("booking_id", "=", bookingId)
    .where("status", "=", "scheduled")
    .executeTakeFirst();
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof getBooking>>>;

export async function listBookingsOf(db: Db, centreId: number, userId: string) {
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select(bookingColumns)
    .where("booking.centre_id", "=", centreId)
    .where("booking.user_id", "=", userId)
    .where("booking.purpose", "=", "booking")
    .orderBy("booking.starts_at", "desc")
    .limit(200)
    .execute();
}

/** The person's confirmed booking of a resource whose check-in window holds `now`. */
export async function bookingToCheckIn(
  db: Db,
  centreId: number,
  userId: string,
  resourceId: string,
  now: Date,
  policy: Policy,
) {
  const from = new Date(now.getTime() - policy.checkInClosesMinutes * 60_000);
  const to = new Date(now.getTime() + policy.checkInOpensMinutes * 60_000);
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select(bookingColumns)
    .where("booking.centre_id", "=", centreId)
    .where("booking.user_id", "=", userId)
    .where("booking.resource_id", "=", resourceId)
    .where("booking.status", "in", ["confirmed", "checked_in"])
    .where("booking.starts_at", ">=", from)
    .where("booking.starts_at", "<=", to)
    .orderBy("booking.starts_at")
    .executeTakeFirst();
}

/** The account a booking is for, as the booking rules need it (whether active or not). */
export async function getBooker(db: Db, userId: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "centre_id", "role"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function getRecipient(db: Db, userId: string | null) {
  if (!userId) return undefined;
  return db
    .selectFrom("app_user")
    .select(["id", "email", "name", "locale"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** Staff blocks of the centre still in force or to come, soonest first. */
export async function listBlocks(db: Db, centreId: number, from: Date) {
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select([
      "booking.id",
      "booking.title",
      "booking.starts_at",
      "booking.ends_at",
      "resource.code as resource_code",
      "resource.name_vi as resource_name_vi",
      "resource.name_en as resource_name_en",
    ])
    .where("booking.centre_id", "=", centreId)
    .where("booking.purpose", "=", "block")
    .where("booking.status", "in", ACTIVE_BOOKING_STATUSES)
    .where("booking.ends_at", ">", from)
    .orderBy("booking.starts_at")
    .orderBy("resource.code")
    .limit(200)
    .execute();
}

/** The centre's active people staff may book for (not staff), by name. */
export async function listPeopleToBookFor(db: Db, centreId: number) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email"])
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .where("role", "in", ["founder", "mentor"])
    .orderBy("name")
    .orderBy("email")
    .execute();
}

/** The centre's teams, by name. */
export async function listTeamsToBookFor(db: Db, centreId: number) {
  return db.selectFrom("team").select(["id", "name"]).where("centre_id", "=", centreId).orderBy("name").execute();
}

/** The team's longest-standing active member: who holds a booking made for the team alone. */
export async function firstMemberOf(db: Db, teamId: string) {
  return db
    .selectFrom("team_member")
    .innerJoin("app_user", "app_user.id", "team_member.user_id")
    .select(["app_user.id", "app_user.centre_id", "app_user.role"])
    .where("team_member.team_id", "=", teamId)
    .where("app_user.is_active", "=", true)
    .orderBy("team_member.joined_at")
    .orderBy("app_user.name")
    .executeTakeFirst();
}

/** An active account of the centre, by id or email, to book for (staff). */
export async function findPersonToBookFor(db: Db, centreId: number, who: { id: string } | { email: string }) {
  if ("id" in who && !isUuid(who.id)) return undefined;
  let query = db
    .selectFrom("app_user")
    .select(["id", "centre_id", "role"])
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true);
  query = "id" in who ? query.where("id", "=", who.id) : query.where("email", "=", who.email.trim().toLowerCase());
  return query.executeTakeFirst();
}

/**
 * Locks the person's row and their teams' rows, so their weekly free desk-days hold under
 * concurrent requests (after holdClosuresSteady and any booking's row lock; book_resource()
 * takes the same locks in the same order).
 */
export async function lockBookerRows(db: Db, userId: string): Promise<void> {
  await sql`SELECT (SELECT count(*) FROM (SELECT 1 FROM app_user WHERE id = ${userId} FOR UPDATE) AS u),
    (SELECT count(*) FROM (SELECT 1 FROM team WHERE id IN
       (SELECT team_id FROM team_member WHERE user_id = ${userId}) ORDER BY id FOR UPDATE) AS t)`.execute(db);
}

/** A team the person belongs to, with the desk-days it holds in the week of the date asked. */
export interface ContextTeam {
  id: string;
  name: string;
  status: string;
  /** The team's programme's free desk-days a week, when it sets its own. */
  quota: number | null;
  held: number;
}

/** What planning one booking reads, fetched in one round trip (see readBookingContext). */
export interface BookingContext {
  zone: string;
  policy: Policy;
  hours: OpeningDay[];
  resource: Resource | null;
  recipient: { email: string; name: string; locale: Locale | null } | null;
  /** Ordered by name. */
  teams: ContextTeam[];
  /** Desk-days the person holds in the week of the date asked. */
  held: number;
  /** Closures of the centre overlapping the local day asked. */
  closures: ClosureSpan[];
  /** Fixed-desk holds covering the day asked. */
  holds: FixedDeskHold[];
  /** The person's active passes still valid on the day asked (issue 7). */
  passes: UsablePass[];
  /** How long a booking that costs money is held while it is paid. */
  holdMinutes: number;
}

/**
 * The centre's zone, policy and opening hours, the resource, the person and their teams,
 * and for the local day asked (yyyy-MM-dd, or null when the choice has none) the closures,
 * fixed-desk holds and the desk-days already held that week: one statement instead of a
 * dozen, because a booking's cost is its round trips to the database.
 */
export async function readBookingContext(
  db: Db,
  centreId: number,
  userId: string,
  resourceId: string,
  date: string | null,
  exceptBookingId: string | null = null,
): Promise<BookingContext> {
  const resource = isUuid(resourceId) ? resourceId : null;
  const result = await sql<{
    zone: string;
    policy: Record<string, unknown> | null;
    hours: [number, string, string][];
    resource: Record<string, unknown> | null;
    recipient: BookingContext["recipient"];
    teams: ContextTeam[];
    held: string | number;
    closures: { resource_id: string | null; starts_at: string; ends_at: string }[];
    holds: FixedDeskHold[];
    passes: UsablePass[];
    hold_minutes: number;
  }>`/* prepare:booking_context */
    WITH w AS (
      SELECT c.id AS centre_id, c.time_zone AS zone, c.hold_minutes, ${date}::date AS day,
             (date_trunc('week', ${date}::date)::timestamp AT TIME ZONE c.time_zone) AS week_start,
             (${date}::date::timestamp AT TIME ZONE c.time_zone) AS day_start,
             ((${date}::date + 1)::timestamp AT TIME ZONE c.time_zone) AS day_end
        FROM centre AS c WHERE c.id = ${centreId}
    )
    SELECT w.zone, w.hold_minutes,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', ps.id, 'userId', ps.user_id, 'kind', ps.kind,
           'status', ps.status, 'usesLeft', ps.uses_left, 'validFrom', ps.valid_from, 'validUntil', ps.valid_until)), '[]')
         FROM pass AS ps WHERE ps.user_id = ${userId} AND ps.status = 'active' AND ps.valid_until >= w.day) AS passes,
      (SELECT to_jsonb(p) FROM booking_policy AS p WHERE p.centre_id = w.centre_id) AS policy,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(h.weekday, h.opens_at, h.closes_at) ORDER BY h.weekday), '[]')
         FROM opening_hours AS h WHERE h.centre_id = w.centre_id) AS hours,
      (SELECT to_jsonb(r) FROM resource AS r WHERE r.centre_id = w.centre_id AND r.id = ${resource}::uuid) AS resource,
      (SELECT jsonb_build_object('email', u.email, 'name', u.name, 'locale', u.locale)
         FROM app_user AS u WHERE u.id = ${userId}) AS recipient,
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', t.id, 'name', t.name, 'status', t.status, 'quota', pr.free_desk_days_per_team_week,
           'held', CASE WHEN w.day IS NULL THEN 0
             ELSE desk_days_held(NULL, t.id, w.week_start, w.zone, ${exceptBookingId}::uuid) END
         ) ORDER BY t.name, t.id), '[]')
         FROM team_member AS m JOIN team AS t ON t.id = m.team_id
         LEFT JOIN programme AS pr ON pr.id = t.programme_id
        WHERE m.user_id = ${userId}) AS teams,
      CASE WHEN w.day IS NULL THEN 0
        ELSE desk_days_held(${userId}::uuid, NULL, w.week_start, w.zone, ${exceptBookingId}::uuid) END AS held,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('resource_id', cl.resource_id, 'starts_at', cl.starts_at, 'ends_at', cl.ends_at)), '[]')
         FROM closure AS cl
        WHERE cl.centre_id = w.centre_id AND cl.starts_at < w.day_end AND cl.ends_at > w.day_start) AS closures,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('resource_id', fa.resource_id, 'team_id', fa.team_id,
           'starts_on', fa.starts_on, 'ends_on', fa.ends_on)), '[]')
         FROM fixed_desk_assignment AS fa JOIN resource AS r ON r.id = fa.resource_id
        WHERE r.centre_id = w.centre_id AND fa.starts_on <= w.day AND fa.ends_on >= w.day) AS holds
    FROM w`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error(`No centre ${centreId}`);
  return {
    zone: row.zone,
    policy: row.policy ? policyOf(row.policy as unknown as BookingPolicy) : DEFAULT_POLICY,
    hours: row.hours.map(([weekday, opensAt, closesAt]) => ({ weekday, opensAt, closesAt })),
    resource: row.resource
      ? ({
          ...row.resource,
          created_at: new Date(row.resource.created_at as string),
          updated_at: new Date(row.resource.updated_at as string),
        } as Resource)
      : null,
    recipient: row.recipient,
    teams: row.teams.map((t) => ({ ...t, held: Number(t.held) })),
    held: Number(row.held),
    closures: row.closures.map((c) => ({
      resourceId: c.resource_id,
      startsAt: new Date(c.starts_at),
      endsAt: new Date(c.ends_at),
    })),
    holds: row.holds,
    passes: row.passes,
    holdMinutes: row.hold_minutes,
  };
}
