import { sql, type Kysely } from "kysely";

// The booking write in one round trip (docs/decisions/011-one-round-trip-booking.md).
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Desk-days a person (p_user) or a team (p_team; pass one of the two) holds in the local
  // week starting at p_week_start: desks only, half days count 0.5, a team's own fixed desk
  // during its assignment excepted (decision 007), the booking being moved (p_except) left
  // out. PL/pgSQL so its plan is kept between calls; the OR is two index scans
  // (booking_user_idx, booking_team_idx).
  await sql`
    CREATE FUNCTION desk_days_held(p_user uuid, p_team uuid, p_week_start timestamptz, p_zone text, p_except uuid)
    RETURNS numeric LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN (SELECT coalesce(sum(CASE WHEN b.day_part = 'day' THEN 1 ELSE 0.5 END), 0)
        FROM booking AS b JOIN resource AS r ON r.id = b.resource_id
       WHERE (b.user_id = p_user OR b.team_id = p_team)
         AND b.starts_at >= p_week_start AND b.starts_at < p_week_start + interval '7 days'
         AND r.kind IN ('hot_desk', 'fixed_desk') AND b.purpose = 'booking'
         AND b.status IN ('held', 'confirmed', 'checked_in') AND b.id IS DISTINCT FROM p_except
         AND NOT EXISTS (SELECT 1 FROM fixed_desk_assignment AS fa
               WHERE fa.resource_id = b.resource_id AND fa.team_id = b.team_id
                 AND (b.starts_at AT TIME ZONE p_zone)::date BETWEEN fa.starts_on AND fa.ends_on));
    END
    $fn$`.execute(db);

  // Writes a booking the app has already planned by every rule, after taking what keeps the
  // rules true under concurrent requests, as one statement. In order: the centre's closures
  // lock shared (see holdClosuresSteady in app/features/bookings/queries.server.ts), the
  // person's and their teams' rows (their weekly desk-days), then with those held it checks
  // again what another request could have changed since the plan was read (a closure, the
  // desk-days) and inserts the booking and its confirmation message. Each statement of a
  // PL/pgSQL function sees what was committed before it started, so the checks see every
  // booking committed by a request that held the locks first. Returns 'ok', 'closed',
  // 'quota_person' or 'quota_team'; a taken slot raises the exclusion constraint's 23P01.
  await sql`
    CREATE FUNCTION book_resource(
      p_id uuid, p_centre_id integer, p_resource_id uuid, p_user_id uuid, p_team_id uuid,
      p_booked_by uuid, p_series_id uuid, p_day_part text, p_starts_at timestamptz,
      p_ends_at timestamptz, p_attendees integer, p_price_vnd integer,
      p_desk_days numeric, p_person_max numeric, p_team_max numeric,
      p_message_kind text, p_message_to text, p_message_subject text, p_message_text text)
    RETURNS text LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      zone text;
      week_start timestamptz;
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(30311, p_centre_id);
      PERFORM 1 FROM app_user WHERE id = p_user_id FOR UPDATE;
      PERFORM 1 FROM team WHERE id IN (SELECT team_id FROM team_member WHERE user_id = p_user_id)
        ORDER BY id FOR UPDATE;
      IF EXISTS (SELECT 1 FROM closure
                  WHERE centre_id = p_centre_id AND (resource_id IS NULL OR resource_id = p_resource_id)
                    AND starts_at < p_ends_at AND ends_at > p_starts_at) THEN
        RETURN 'closed';
      END IF;
      IF p_person_max IS NOT NULL OR p_team_max IS NOT NULL THEN
        SELECT time_zone INTO zone FROM centre WHERE id = p_centre_id;
        week_start := date_trunc('week', p_starts_at AT TIME ZONE zone) AT TIME ZONE zone;
        IF p_person_max IS NOT NULL
           AND desk_days_held(p_user_id, NULL, week_start, zone, NULL) + p_desk_days > p_person_max THEN
          RETURN 'quota_person';
        END IF;
        IF p_team_max IS NOT NULL AND p_team_id IS NOT NULL
           AND desk_days_held(NULL, p_team_id, week_start, zone, NULL) + p_desk_days > p_team_max THEN
          RETURN 'quota_team';
        END IF;
      END IF;
      INSERT INTO booking (id, centre_id, resource_id, user_id, team_id, booked_by, series_id, status,
                           day_part, starts_at, ends_at, attendees, price_vnd)
      VALUES (p_id, p_centre_id, p_resource_id, p_user_id, p_team_id, p_booked_by, p_series_id, 'confirmed',
              p_day_part, p_starts_at, p_ends_at, p_attendees, p_price_vnd);
      IF p_message_to IS NOT NULL THEN
        INSERT INTO outbox (centre_id, kind, to_address, subject, text_body)
        VALUES (p_centre_id, p_message_kind, p_message_to, p_message_subject, p_message_text);
      END IF;
      RETURN 'ok';
    END
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS book_resource(uuid, integer, uuid, uuid, uuid, uuid, uuid, text, timestamptz,
    timestamptz, integer, integer, numeric, numeric, numeric, text, text, text, text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS desk_days_held(uuid, uuid, timestamptz, text, uuid)`.execute(db);
}
