import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { deskDaysOf, heldEvent, listValueOf, roomHoursOf, usedBooking, type ReportScope } from "./figures.server";
import { oneDecimal, yearBounds, type ReportAudience, type ReportEventKind } from "./rules";

// The lists behind the report's figures: each counts the same rows as its figure
// (figures.server.ts), so a figure can be checked person by person, event by event.

function bounds(scope: ReportScope, year: number) {
  return yearBounds(year, scope.zone);
}

/** People who attended at least one held training of the year, once each (by email). */
export async function foundersTrainedList(db: Kysely<Database>, scope: ReportScope, year: number) {
  const { start, end } = bounds(scope, year);
  const { rows } = await sql<{
    email: string;
    name: string;
    organisation: string;
    member: boolean;
    trainings: number;
    titles_vi: string[];
    titles_en: string[];
  }>`
    SELECT lower(coalesce(u.email, g.guest_email)) AS email,
           (array_agg(coalesce(u.name, g.guest_name) ORDER BY g.user_id IS NULL, e.starts_at))[1] AS name,
           max(g.guest_organisation) AS organisation,
           bool_or(g.user_id IS NOT NULL) AS member,
           count(DISTINCT e.id)::int AS trainings,
           array_agg(DISTINCT e.title_vi) AS titles_vi,
           array_agg(DISTINCT e.title_en) AS titles_en
      FROM event e JOIN event_registration g ON g.event_id = e.id
      LEFT JOIN app_user u ON u.id = g.user_id
     WHERE e.centre_id = ${scope.centreId} AND e.starts_at >= ${start} AND e.starts_at < ${end}
       AND ${heldEvent(scope.now)} AND e.counts_as_training
       AND g.status = 'registered' AND g.attended_at IS NOT NULL
     GROUP BY 1
     ORDER BY 2, 1`.execute(db);
  return rows;
}

/** Teams incubated or supported in the year, with what they received. */
export async function teamsList(db: Kysely<Database>, scope: ReportScope, year: number) {
  const { start, end } = bounds(scope, year);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const { rows } = await sql<{
    id: string;
    name: string;
    status: string;
    incubated: boolean;
    sessions: number;
    bookings: number;
    jobs_created: number;
  }>`
    WITH t AS (
      SELECT t.id, t.name, t.status, t.jobs_created,
             (t.incubation_starts_on <= ${yearEnd}::date
               AND coalesce(t.incubation_ends_on, (${scope.now}::timestamptz AT TIME ZONE ${scope.zone})::date) >= ${yearStart}::date
             ) AS incubated,
             (SELECT count(*) FROM mentoring_session s
               WHERE s.team_id = t.id AND s.status = 'done' AND s.starts_at >= ${start} AND s.starts_at < ${end})::int AS sessions,
             (SELECT count(*) FROM booking b
               WHERE b.team_id = t.id AND b.starts_at >= ${start} AND b.starts_at < ${end} AND ${usedBooking(scope.now)})::int AS bookings
        FROM team t WHERE t.centre_id = ${scope.centreId}
    )
    SELECT * FROM t WHERE incubated OR sessions > 0 OR bookings > 0 ORDER BY name`.execute(db);
  return rows;
}

/** Events held in the year, optionally of one kind and for one audience, with their numbers. */
export async function eventsList(
  db: Kysely<Database>,
  scope: ReportScope,
  year: number,
  filter: { kind?: ReportEventKind | null; audience?: ReportAudience | null; group?: ReportAudience | null } = {},
) {
  const { start, end } = bounds(scope, year);
  // `group`: events with registrants of that group, counting only them (the report's
  // participants by audience); `audience`: events meant for that audience.
  const inGroup = filter.group ? sql`AND g.audience = ${filter.group}` : sql``;
  const { rows } = await sql<{
    id: string;
    kind: ReportEventKind;
    title_vi: string;
    title_en: string;
    starts_at: Date;
    audiences: ReportAudience[];
    counts_as_training: boolean;
    registered: number;
    attended: number;
  }>`
    SELECT e.id, e.kind, e.title_vi, e.title_en, e.starts_at, e.audiences, e.counts_as_training,
           count(g.id) FILTER (WHERE g.status = 'registered' ${inGroup})::int AS registered,
           count(g.attended_at) FILTER (WHERE g.status = 'registered' ${inGroup})::int AS attended
      FROM event e LEFT JOIN event_registration g ON g.event_id = e.id
     WHERE e.centre_id = ${scope.centreId} AND e.starts_at >= ${start} AND e.starts_at < ${end}
       AND ${heldEvent(scope.now)}
       ${filter.kind ? sql`AND e.kind = ${filter.kind}` : sql``}
       ${filter.audience ? sql`AND ${filter.audience} = ANY (e.audiences)` : sql``}
       ${
         filter.group
           ? sql`AND EXISTS (SELECT 1 FROM event_registration x
                  WHERE x.event_id = e.id AND x.audience = ${filter.group} AND x.status = 'registered')`
           : sql``
       }
     GROUP BY e.id
     ORDER BY e.starts_at`.execute(db);
  return rows.map((row) => ({ ...row, starts_at: new Date(row.starts_at) }));
}

/** Mentoring sessions done in the year. */
export async function sessionsList(db: Kysely<Database>, scope: ReportScope, year: number) {
  const { start, end } = bounds(scope, year);
  const { rows } = await sql<{
    id: string;
    starts_at: Date;
    hours: number;
    mentor: string;
    team: string;
    topic: string;
  }>`
    SELECT s.id, s.starts_at, (extract(epoch FROM s.ends_at - s.starts_at) / 3600)::float8 AS hours,
           m.name AS mentor, t.name AS team, s.topic
      FROM mentoring_session s
      JOIN app_user m ON m.id = s.mentor_id
      JOIN team t ON t.id = s.team_id
     WHERE s.centre_id = ${scope.centreId} AND s.status = 'done' AND s.starts_at >= ${start} AND s.starts_at < ${end}
     ORDER BY s.starts_at`.execute(db);
  return rows.map((row) => ({ ...row, starts_at: new Date(row.starts_at), hours: oneDecimal(Number(row.hours)) }));
}

/** Used bookings of the year per resource: desk-days, room hours and their list-price value. */
export async function bookingsList(db: Kysely<Database>, scope: ReportScope, year: number) {
  const { start, end } = bounds(scope, year);
  const { rows } = await sql<{
    id: string;
    code: string;
    kind: string;
    name_vi: string;
    name_en: string;
    bookings: number;
    desk_days: number;
    room_hours: number;
    value: number;
  }>`
    SELECT r.id, r.code, r.kind, r.name_vi, r.name_en, count(*)::int AS bookings,
           sum(${deskDaysOf})::float8 AS desk_days, sum(${roomHoursOf})::float8 AS room_hours,
           round(sum(${listValueOf}))::float8 AS value
      FROM booking b JOIN resource r ON r.id = b.resource_id
     WHERE b.centre_id = ${scope.centreId} AND b.starts_at >= ${start} AND b.starts_at < ${end}
       AND ${usedBooking(scope.now)}
     GROUP BY r.id
     ORDER BY r.code`.execute(db);
  return rows.map((row) => ({
    ...row,
    desk_days: oneDecimal(Number(row.desk_days)),
    room_hours: oneDecimal(Number(row.room_hours)),
    value: Math.round(Number(row.value)),
  }));
}
