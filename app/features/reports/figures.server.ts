import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { FIRST_YEAR, emptyYear, oneDecimal, yearBounds, type ReportAudience, type YearFigures } from "./rules";

export interface ReportScope {
  centreId: number;
  zone: string;
  /** Events started and bookings ended before this instant count as held and used. */
  now: Date;
}

// What the report counts, in one place so the figures and the lists behind them agree:
// - a booking is USED when checked in, or confirmed and over (rooms need no check-in; desks
//   nobody checked in to become no-shows); blocks are not use;
// - an event is HELD when not cancelled and started, or once staff marked someone present
//   (attendance is taken on the day, and the count should move when it is);
// - a person TRAINED attended a held event that counts as training; members and guests are
//   one person by their email;
// - a team is INCUBATED in a year its incubation period overlaps, and SUPPORTED in a year it
//   was incubated, had a mentoring session done or used a booking.
export const usedBooking = (now: Date) =>
  sql<boolean>`b.purpose = 'booking' AND (b.status = 'checked_in' OR (b.status = 'confirmed' AND b.ends_at <= ${now}))`;
export const heldEvent = (now: Date) =>
  sql<boolean>`e.status = 'scheduled' AND (e.starts_at <= ${now}
    OR EXISTS (SELECT 1 FROM event_registration x WHERE x.event_id = e.id AND x.attended_at IS NOT NULL))`;

/** Desk-days of a booking `b` of resource `r`: a half day counts half. */
export const deskDaysOf = sql<number>`CASE WHEN r.kind NOT IN ('hot_desk', 'fixed_desk') THEN 0
  WHEN b.day_part IN ('morning', 'afternoon') THEN 0.5 ELSE 1 END`;
/** Room hours of a booking `b` of resource `r`. */
export const roomHoursOf = sql<number>`CASE WHEN r.kind IN ('hot_desk', 'fixed_desk') THEN 0
  ELSE extract(epoch FROM b.ends_at - b.starts_at) / 3600 END`;
/** The list-price value of a booking: day, half-day or hourly price of the resource. */
export const listValueOf = sql<number>`CASE
  WHEN r.kind IN ('hot_desk', 'fixed_desk') AND b.day_part IN ('morning', 'afternoon')
    THEN coalesce(r.price_half_day_vnd, r.price_day_vnd / 2.0, 0)
  WHEN r.kind IN ('hot_desk', 'fixed_desk') THEN coalesce(r.price_day_vnd, r.price_half_day_vnd * 2, 0)
  ELSE coalesce(r.price_hour_vnd, 0) * extract(epoch FROM b.ends_at - b.starts_at) / 3600 END`;

// The same three measures over groups `u` of used bookings (n bookings, hours in all) of one
// resource `r` and day part.
const isDesk = sql<boolean>`r.kind IN ('hot_desk', 'fixed_desk')`;
const isHalf = sql<boolean>`u.day_part IN ('morning', 'afternoon')`;
const groupDeskDays = sql<number>`CASE WHEN NOT ${isDesk} THEN 0 WHEN ${isHalf} THEN u.n / 2 ELSE u.n END`;
const groupRoomHours = sql<number>`CASE WHEN ${isDesk} THEN 0 ELSE u.hours END`;
const groupValue = sql<number>`CASE
  WHEN ${isDesk} AND ${isHalf} THEN u.n * coalesce(r.price_half_day_vnd, r.price_day_vnd / 2.0, 0)
  WHEN ${isDesk} THEN u.n * coalesce(r.price_day_vnd, r.price_half_day_vnd * 2, 0)
  ELSE u.hours * coalesce(r.price_hour_vnd, 0) END`;

/**
 * The local calendar year of an instant column, as a bucket of the centre's year boundaries
 * (FIRST_YEAR … untilYear + 1): a binary search per row, much cheaper than converting every
 * row's time zone on a year of bookings. Instants before FIRST_YEAR fall in FIRST_YEAR - 1.
 */
function yearBuckets(zone: string, untilYear: number) {
  const bounds: string[] = [];
  for (let year = FIRST_YEAR; year <= untilYear + 1; year++) bounds.push(yearBounds(year, zone).start.toISOString());
  return (column: ReturnType<typeof sql.ref>) =>
    sql<number>`(${FIRST_YEAR - 1} + width_bucket(${column}, ${bounds}::timestamptz[]))::int`;
}

/**
 * Every year's figures from the first year with any data up to `untilYear`, in one pass
 * per kind of data (grouped by year in the database): the chosen year is the last entry,
 * and the comparison table is the whole list.
 */
async function yearlyFigures(db: Kysely<Database>, scope: ReportScope, untilYear: number): Promise<YearFigures[]> {
  const { centreId, zone, now } = scope;
  const until = yearBounds(untilYear, zone).end;
  const yearOf = yearBuckets(zone, untilYear);
  const yb = yearOf(sql.ref("b.starts_at"));
  const ys = yearOf(sql.ref("s.starts_at"));
  const ye = yearOf(sql.ref("e.starts_at"));
  const today = sql`(${now}::timestamptz AT TIME ZONE ${zone})::date`;

  const [bookings, sessions, events, audiences, registrations, trained, teams, competitions] = await Promise.all([
    // Grouped per year, resource and day part first; the few groups are then priced.
    sql<{ year: number; desk_days: number; room_hours: number; value: number }>`
      WITH used AS (
        SELECT ${yb} AS year, b.resource_id, b.day_part, count(*)::float8 AS n,
               sum(extract(epoch FROM b.ends_at - b.starts_at)::float8) / 3600 AS hours
          FROM booking b
         WHERE b.centre_id = ${centreId} AND b.starts_at < ${until} AND ${usedBooking(now)}
         GROUP BY 1, 2, 3
      )
      SELECT u.year, sum(${groupDeskDays})::float8 AS desk_days, sum(${groupRoomHours})::float8 AS room_hours,
             round(sum(${groupValue}))::float8 AS value
        FROM used u JOIN resource r ON r.id = u.resource_id
       GROUP BY 1`.execute(db),
    sql<{ year: number; sessions: number; hours: number }>`
      SELECT ${ys} AS year, count(*)::int AS sessions,
             sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600)::float8 AS hours
        FROM mentoring_session s
       WHERE s.centre_id = ${centreId} AND s.status = 'done' AND s.starts_at < ${until}
       GROUP BY 1`.execute(db),
    sql<{ year: number; events: number }>`
      SELECT ${ye} AS year, count(*)::int AS events
        FROM event e
       WHERE e.centre_id = ${centreId} AND e.starts_at < ${until} AND ${heldEvent(now)}
       GROUP BY 1`.execute(db),
    sql<{ year: number; audience: ReportAudience; events: number }>`
      SELECT ${ye} AS year, a.audience, count(*)::int AS events
        FROM event e CROSS JOIN LATERAL unnest(e.audiences) AS a(audience)
       WHERE e.centre_id = ${centreId} AND e.starts_at < ${until} AND ${heldEvent(now)}
       GROUP BY 1, 2`.execute(db),
    sql<{ year: number; audience: ReportAudience; registered: number; attended: number }>`
      SELECT ${ye} AS year, g.audience, count(*)::int AS registered,
             count(g.attended_at)::int AS attended
        FROM event e JOIN event_registration g ON g.event_id = e.id
       WHERE e.centre_id = ${centreId} AND e.starts_at < ${until} AND ${heldEvent(now)}
         AND g.status = 'registered'
       GROUP BY 1, 2`.execute(db),
    sql<{ year: number; people: number }>`
      SELECT ${ye} AS year, count(DISTINCT lower(coalesce(u.email, g.guest_email)))::int AS people
        FROM event e JOIN event_registration g ON g.event_id = e.id
        LEFT JOIN app_user u ON u.id = g.user_id
       WHERE e.centre_id = ${centreId} AND e.starts_at < ${until} AND ${heldEvent(now)}
         AND e.counts_as_training AND g.status = 'registered' AND g.attended_at IS NOT NULL
       GROUP BY 1`.execute(db),
    sql<{ year: number; incubated: number; supported: number; jobs: number }>`
      WITH incubated AS (
        SELECT t.id AS team_id, y AS year, t.jobs_created
          FROM team t
          CROSS JOIN LATERAL generate_series(
            extract(year FROM t.incubation_starts_on)::int,
            LEAST(${untilYear}::int, extract(year FROM coalesce(t.incubation_ends_on, ${today}))::int)) AS y
         WHERE t.centre_id = ${centreId}
      ), supported AS (
        SELECT team_id, year FROM incubated
        UNION
        SELECT s.team_id, ${ys} FROM mentoring_session s
         WHERE s.centre_id = ${centreId} AND s.status = 'done' AND s.starts_at < ${until}
        UNION
        SELECT b.team_id, ${yb} FROM booking b
         WHERE b.centre_id = ${centreId} AND b.team_id IS NOT NULL AND b.starts_at < ${until} AND ${usedBooking(now)}
      )
      SELECT y.year,
             (SELECT count(*) FROM incubated i WHERE i.year = y.year)::int AS incubated,
             (SELECT count(*) FROM supported s WHERE s.year = y.year)::int AS supported,
             (SELECT coalesce(sum(i.jobs_created), 0) FROM incubated i WHERE i.year = y.year)::int AS jobs
        FROM (SELECT DISTINCT year FROM supported) AS y`.execute(db),
    sql<{ year: number; competitions: number }>`
      SELECT y AS year, count(*)::int AS competitions
        FROM programme p
        CROSS JOIN LATERAL generate_series(extract(year FROM p.starts_on)::int, extract(year FROM p.ends_on)::int) AS y
       WHERE p.centre_id = ${centreId} AND p.kind = 'competition' AND y <= ${untilYear}::int
       GROUP BY 1`.execute(db),
  ]);

  const years = [
    ...bookings.rows,
    ...sessions.rows,
    ...events.rows,
    ...trained.rows,
    ...teams.rows,
    ...competitions.rows,
  ]
    .map((row) => Number(row.year))
    .filter((year) => year >= FIRST_YEAR);
  const first = Math.min(untilYear, ...years);
  const byYear = new Map<number, YearFigures>();
  for (let year = first; year <= untilYear; year++) byYear.set(year, emptyYear(year));
  const at = (year: number) => byYear.get(Number(year));

  for (const row of bookings.rows) {
    const f = at(row.year);
    if (!f) continue;
    f.deskDays = oneDecimal(Number(row.desk_days));
    f.roomHours = oneDecimal(Number(row.room_hours));
    f.inKindValueVnd = Math.round(Number(row.value));
  }
  for (const row of sessions.rows) {
    const f = at(row.year);
    if (!f) continue;
    f.mentoringSessions = row.sessions;
    f.mentoringHours = oneDecimal(Number(row.hours));
  }
  for (const row of events.rows) {
    const f = at(row.year);
    if (f) f.eventsHeld = row.events;
  }
  for (const row of audiences.rows) {
    const entry = at(row.year)?.byAudience.find((a) => a.audience === row.audience);
    if (entry) entry.events = row.events;
  }
  for (const row of registrations.rows) {
    const f = at(row.year);
    const entry = f?.byAudience.find((a) => a.audience === row.audience);
    if (!f || !entry) continue;
    entry.registered = row.registered;
    entry.attended = row.attended;
    f.participants += row.attended;
  }
  for (const row of trained.rows) {
    const f = at(row.year);
    if (f) f.foundersTrained = row.people;
  }
  for (const row of teams.rows) {
    const f = at(row.year);
    if (!f) continue;
    f.teamsIncubated = row.incubated;
    f.teamsSupported = row.supported;
    f.jobsCreated = row.jobs;
  }
  for (const row of competitions.rows) {
    const f = at(row.year);
    if (f) f.competitions = row.competitions;
  }
  return [...byYear.values()];
}

/** The figures of one year (the last of `yearlyFigures`) and every year before it. */
export async function annualReport(db: Kysely<Database>, scope: ReportScope, year: number) {
  const years = await yearlyFigures(db, scope, year);
  return { figures: years[years.length - 1]!, years };
}
