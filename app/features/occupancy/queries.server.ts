import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database, ResourceKind } from "#db/schema";
import { isDesk } from "~/features/bookings/rules";
import { share, type HeatmapCell, type OccupancyPeriod, type ResourceUse } from "./rules";

// Occupancy is computed in the database: the period's open hours are generated with
// generate_series over local timestamps (never timestamptz: the session's zone would shift
// them) and placed in the centre's zone, and each booking is cut into the open hours it
// covers, so a year of bookings never travels to the app.
//
// What counts: bookings (purpose 'booking'; staff blocks are not use) whose status is
// confirmed, checked_in or no_show. A no-show held the resource away from everyone else, so
// it counts as booked; the no-show rate says how much of the booked time went unused.
// Capacity: the centre's active resources over its opening hours, less the hours a
// centre-wide closure touches.

const COUNTED = sql`('confirmed', 'checked_in', 'no_show')`;

/**
 * Runs a period statement with JIT compilation off. PostgreSQL guesses 1,000 rows for each
 * booking's series of hours, so its cost estimate crosses jit_above_cost and it spends
 * ~60 ms compiling a query that runs in less. SET LOCAL needs a transaction; PGlite has no
 * JIT and accepts the setting.
 */
async function withoutJit<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return run(trx);
  });
}

/**
 * The common part of every period figure:
 * - slots: each open hour of the period (local day, weekday, hour, its instant, open minutes);
 * - pieces: the counted bookings cut into the open slots they cover (minutes in each).
 * Figures that need no resource first fold bookings with the same start and end into one
 * row with a count (a day's desk bookings mostly share their times), so far fewer rows are
 * cut into hours: this is what keeps a year's heatmap fast.
 */
function periodPieces(
  centreId: number,
  period: OccupancyPeriod,
  { byResource }: { byResource: boolean },
): RawBuilder<unknown> {
  const resource = byResource ? sql`b.resource_id` : sql`NULL::uuid`;
  return sql`
    zone AS (SELECT time_zone AS name FROM centre WHERE id = ${centreId}),
    open_hours AS MATERIALIZED (
      SELECT d::date AS day, extract(isodow FROM d)::int AS weekday, h AS hour,
             (d + make_interval(hours => h)) AT TIME ZONE zone.name AS slot_start,
             (d + make_interval(hours => h + 1)) AT TIME ZONE zone.name AS slot_end,
             greatest(0, least((h + 1) * 60, extract(epoch FROM oh.closes_at) / 60)
                         - greatest(h * 60, extract(epoch FROM oh.opens_at) / 60))::int AS open_minutes
      FROM zone
      CROSS JOIN generate_series(${period.from}::timestamp, ${period.to}::timestamp, interval '1 day') AS d
      JOIN opening_hours oh ON oh.centre_id = ${centreId} AND oh.weekday = extract(isodow FROM d)
      CROSS JOIN generate_series(0, 23) AS h
      WHERE h * 60 < extract(epoch FROM oh.closes_at) / 60
        AND (h + 1) * 60 > extract(epoch FROM oh.opens_at) / 60
    ),
    slots AS (
      SELECT o.day, o.weekday, o.hour, o.slot_start, o.open_minutes
      FROM open_hours o
      WHERE NOT EXISTS (
        SELECT 1 FROM closure c
        WHERE c.centre_id = ${centreId} AND c.resource_id IS NULL
          AND c.starts_at < o.slot_end AND c.ends_at > o.slot_start)
    ),
    counted AS MATERIALIZED (
      SELECT g.*, date_trunc('hour', g.starts_at, zone.name) AS first_hour,
             ceil(extract(epoch FROM g.ends_at - date_trunc('hour', g.starts_at, zone.name)) / 3600)::int AS hours
      FROM (
        SELECT ${resource} AS resource_id, b.starts_at, b.ends_at, count(*) AS n
        FROM booking b
        JOIN resource r ON r.id = b.resource_id AND r.is_active
        CROSS JOIN zone
        WHERE b.centre_id = ${centreId} AND b.purpose = 'booking' AND b.status IN ${COUNTED}
          AND b.starts_at < (${period.to}::timestamp + interval '1 day') AT TIME ZONE zone.name
          AND b.ends_at > ${period.from}::timestamp AT TIME ZONE zone.name
        GROUP BY 1, 2, 3
      ) g
      CROSS JOIN zone
    ),
    pieces AS (
      SELECT c.resource_id, s.day, s.weekday, s.hour,
             c.n * extract(epoch FROM least(c.ends_at, s.slot_start + interval '1 hour')
                                    - greatest(c.starts_at, s.slot_start)) / 60 AS minutes
      FROM counted c
      CROSS JOIN LATERAL generate_series(0, c.hours - 1) AS k
      JOIN slots s ON s.slot_start = c.first_hour + k * interval '1 hour'
    ),
    resources AS (SELECT count(*)::int AS n FROM resource WHERE centre_id = ${centreId} AND is_active)`;
}

/**
 * Use by weekday × hour: the share of bookable resource-hours booked in each cell, within
 * opening hours. Cells the centre is never open are left out. One statement.
 */
export async function occupancyHeatmap(
  db: Kysely<Database>,
  centreId: number,
  period: OccupancyPeriod,
): Promise<HeatmapCell[]> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{ weekday: number; hour: number; capacity: string; booked: string }>`
    WITH ${periodPieces(centreId, period, { byResource: false })},
    open_cells AS (
      SELECT weekday, hour, sum(open_minutes) * (SELECT n FROM resources) AS capacity
      FROM slots GROUP BY weekday, hour
    ),
    booked_cells AS (SELECT weekday, hour, sum(minutes) AS booked FROM pieces GROUP BY weekday, hour)
    SELECT o.weekday, o.hour, o.capacity::text AS capacity, coalesce(b.booked, 0)::text AS booked
    FROM open_cells o LEFT JOIN booked_cells b USING (weekday, hour)
    ORDER BY o.weekday, o.hour`.execute(trx),
  );
  return rows.map((row) => {
    const capacityMinutes = Number(row.capacity);
    const bookedMinutes = Math.round(Number(row.booked));
    return {
      weekday: Number(row.weekday),
      hour: Number(row.hour),
      capacityMinutes,
      bookedMinutes,
      share: share(bookedMinutes, capacityMinutes),
    };
  });
}

/**
 * Use per active resource: bookings starting in the period, desk-days (half a day is 0.5),
 * hours booked, and the share of the resource's open minutes booked.
 */
export async function occupancyByResource(
  db: Kysely<Database>,
  centreId: number,
  period: OccupancyPeriod,
): Promise<ResourceUse[]> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{
      id: string;
      code: string;
      name_vi: string;
      name_en: string;
      kind: ResourceKind;
      floor_code: string;
      bookings: number;
      desk_days: string;
      minutes: string;
      booked: string;
      open_minutes: string;
    }>`
    WITH ${periodPieces(centreId, period, { byResource: true })},
    starting AS (
      SELECT b.resource_id, count(*)::int AS bookings,
             sum(CASE b.day_part WHEN 'day' THEN 1 WHEN 'morning' THEN 0.5 WHEN 'afternoon' THEN 0.5 ELSE 0 END) AS desk_days,
             sum(extract(epoch FROM b.ends_at - b.starts_at) / 60) AS minutes
      FROM booking b
      WHERE b.centre_id = ${centreId} AND b.purpose = 'booking' AND b.status IN ${COUNTED}
        AND (b.starts_at AT TIME ZONE (SELECT name FROM zone))::date BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY b.resource_id
    ),
    booked AS (SELECT resource_id, sum(minutes) AS booked FROM pieces GROUP BY resource_id)
    SELECT r.id, r.code, r.name_vi, r.name_en, r.kind, f.code AS floor_code,
           coalesce(s.bookings, 0) AS bookings,
           coalesce(s.desk_days, 0)::text AS desk_days,
           coalesce(s.minutes, 0)::text AS minutes,
           coalesce(bk.booked, 0)::text AS booked,
           (SELECT coalesce(sum(open_minutes), 0) FROM slots)::text AS open_minutes
    FROM resource r
    JOIN floor f ON f.id = r.floor_id
    LEFT JOIN starting s ON s.resource_id = r.id
    LEFT JOIN booked bk ON bk.resource_id = r.id
    WHERE r.centre_id = ${centreId} AND r.is_active
    ORDER BY f.sort_order, r.kind, r.code`.execute(trx),
  );
  return rows.map((row) => {
    const bookedMinutes = Math.round(Number(row.booked));
    const capacityMinutes = Number(row.open_minutes);
    const desk = isDesk(row.kind);
    return {
      resourceId: row.id,
      code: row.code,
      nameVi: row.name_vi,
      nameEn: row.name_en,
      kind: row.kind,
      floorCode: row.floor_code,
      bookings: Number(row.bookings),
      deskDays: desk ? Number(row.desk_days) : 0,
      hours: desk ? 0 : Math.round((Number(row.minutes) / 60) * 100) / 100,
      bookedMinutes,
      capacityMinutes,
      share: share(bookedMinutes, capacityMinutes),
    };
  });
}

export interface MonthUse {
  /** "yyyy-MM" */
  month: string;
  capacityMinutes: number;
  bookedMinutes: number;
  share: number | null;
}

/** Month by month: the share of bookable resource-hours booked in each month of the period. */
export async function occupancyByMonth(
  db: Kysely<Database>,
  centreId: number,
  period: OccupancyPeriod,
): Promise<MonthUse[]> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{ month: string; capacity: string; booked: string }>`
    WITH ${periodPieces(centreId, period, { byResource: false })},
    months AS (
      SELECT to_char(m, 'YYYY-MM') AS month
      FROM generate_series(date_trunc('month', ${period.from}::timestamp), ${period.to}::timestamp, interval '1 month') AS m
    ),
    open_months AS (
      SELECT to_char(day, 'YYYY-MM') AS month, sum(open_minutes) * (SELECT n FROM resources) AS capacity
      FROM slots GROUP BY 1
    ),
    booked_months AS (SELECT to_char(day, 'YYYY-MM') AS month, sum(minutes) AS booked FROM pieces GROUP BY 1)
    SELECT months.month, coalesce(o.capacity, 0)::text AS capacity, coalesce(b.booked, 0)::text AS booked
    FROM months LEFT JOIN open_months o USING (month) LEFT JOIN booked_months b USING (month)
    ORDER BY months.month`.execute(trx),
  );
  return rows.map((row) => {
    const capacityMinutes = Number(row.capacity);
    const bookedMinutes = Math.round(Number(row.booked));
    return { month: row.month, capacityMinutes, bookedMinutes, share: share(bookedMinutes, capacityMinutes) };
  });
}

/** Bookings that started in the period and are over, by status (for the no-show rate). */
export async function pastBookingCounts(
  db: Kysely<Database>,
  centreId: number,
  range: { start: Date; end: Date },
  now: Date,
): Promise<{ confirmed: number; checkedIn: number; noShow: number }> {
  const row = await db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select([
      sql<number>`count(*) FILTER (WHERE booking.status = 'confirmed')::int`.as("confirmed"),
      sql<number>`count(*) FILTER (WHERE booking.status = 'checked_in')::int`.as("checked_in"),
      sql<number>`count(*) FILTER (WHERE booking.status = 'no_show')::int`.as("no_show"),
    ])
    .where("booking.centre_id", "=", centreId)
    .where("resource.is_active", "=", true)
    .where("booking.purpose", "=", "booking")
    .where("booking.starts_at", ">=", range.start)
    .where("booking.starts_at", "<", range.end)
    .where("booking.ends_at", "<=", now)
    .executeTakeFirstOrThrow();
  return { confirmed: Number(row.confirmed), checkedIn: Number(row.checked_in), noShow: Number(row.no_show) };
}

/** Active desks and rooms with what holds each one now (a booking or a block), for "today". */
export async function resourcesNow(db: Kysely<Database>, centreId: number, now: Date) {
  return db
    .selectFrom("resource")
    .innerJoin("floor", "floor.id", "resource.floor_id")
    .leftJoin("booking", (join) =>
      join
        .onRef("booking.resource_id", "=", "resource.id")
        .on("booking.status", "in", ["held", "confirmed", "checked_in"])
        .on("booking.starts_at", "<=", now)
        .on("booking.ends_at", ">", now),
    )
    .select([
      "resource.id",
      "resource.code",
      "resource.name_vi",
      "resource.name_en",
      "resource.kind",
      "floor.id as floor_id",
      "floor.code as floor_code",
      "floor.name_vi as floor_name_vi",
      "floor.name_en as floor_name_en",
      "booking.purpose as now_purpose",
      "booking.status as now_status",
      "booking.ends_at as now_ends_at",
      "booking.title as now_title",
      (eb) =>
        eb
          .selectFrom("booking as next")
          .select("next.starts_at")
          .whereRef("next.resource_id", "=", "resource.id")
          .where("next.purpose", "=", "booking")
          .where("next.status", "in", ["held", "confirmed", "checked_in"])
          .where("next.starts_at", ">", now)
          .orderBy("next.starts_at")
          .limit(1)
          .as("next_starts_at"),
    ])
    .where("resource.centre_id", "=", centreId)
    .where("resource.is_active", "=", true)
    .orderBy("floor.sort_order")
    .orderBy("resource.code")
    .execute();
}

/** Bookings of people on one local day (confirmed, checked in, or marked no-show), by start. */
export async function bookingsOfDay(db: Kysely<Database>, centreId: number, range: { start: Date; end: Date }) {
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .leftJoin("app_user", "app_user.id", "booking.user_id")
    .leftJoin("team", "team.id", "booking.team_id")
    .select([
      "booking.id",
      "booking.starts_at",
      "booking.ends_at",
      "booking.status",
      "booking.day_part",
      "resource.code as resource_code",
      "resource.name_vi as resource_name_vi",
      "resource.name_en as resource_name_en",
      "app_user.name as person",
      "team.name as team",
    ])
    .where("booking.centre_id", "=", centreId)
    .where("booking.purpose", "=", "booking")
    .where("booking.status", "in", ["confirmed", "checked_in", "no_show"])
    .where("booking.starts_at", "<", range.end)
    .where("booking.ends_at", ">", range.start)
    .orderBy("booking.starts_at")
    .orderBy("resource.code")
    .execute();
}
