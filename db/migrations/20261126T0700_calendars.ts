import { sql, type Kysely } from "kysely";

// Calendars (issue 6): iCal feed links, and a SEQUENCE that grows with every change a calendar
// shows, on bookings and mentoring sessions, whoever writes the row.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // A feed link. The token is the whole secret (256 random bits, base64url); it is stored as
    // it is because the feed page shows the link again (decision 014).
    sql`CREATE TABLE calendar_feed (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('person', 'team', 'resource', 'centre')),
      -- Who holds the link; the feed shows only what this account may see in the app.
      owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      team_id uuid REFERENCES team(id) ON DELETE CASCADE,
      resource_id uuid REFERENCES resource(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE CHECK (length(token) >= 22),
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      CONSTRAINT calendar_feed_target CHECK (
        (kind = 'team' AND team_id IS NOT NULL AND resource_id IS NULL)
        OR (kind = 'resource' AND resource_id IS NOT NULL AND team_id IS NULL)
        OR (kind IN ('person', 'centre') AND team_id IS NULL AND resource_id IS NULL))
    )`,
    // One live link per owner and target; regenerating revokes the old one in the same transaction.
    sql`CREATE UNIQUE INDEX calendar_feed_live_key ON calendar_feed
      (owner_id, kind, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid),
       coalesce(resource_id, '00000000-0000-0000-0000-000000000000'::uuid))
      WHERE revoked_at IS NULL`,

    // Feed reads go by owner, team, resource or centre and time (booking_user_idx and
    // booking_team_idx exist; the resource's exclusion index only covers active bookings).
    sql`CREATE INDEX booking_resource_time_idx ON booking (resource_id, starts_at)`,
    sql`CREATE INDEX booking_centre_time_idx ON booking (centre_id, starts_at)`,
    sql`CREATE INDEX mentoring_session_mentor_time_idx ON mentoring_session (mentor_id, starts_at)`,
    sql`CREATE INDEX mentoring_session_team_time_idx ON mentoring_session (team_id, starts_at)`,
    sql`CREATE INDEX mentoring_session_centre_time_idx ON mentoring_session (centre_id, starts_at)`,

    // SEQUENCE and updated_at follow every visible change. The app's writers already add one
    // (moves, cancellations, answers); the trigger adds it only when a writer did not, so a
    // change counts once. Checking in, recording a session and reminders are not visible. A row
    // created in the same transaction (created_at = now()) has not been published yet: a
    // follow-up write there (a session's room booking gets its title) counts nothing.
    sql`CREATE FUNCTION booking_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.created_at IS DISTINCT FROM now() AND (NEW.starts_at IS DISTINCT FROM OLD.starts_at
          OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
          OR NEW.resource_id IS DISTINCT FROM OLD.resource_id
          OR NEW.title IS DISTINCT FROM OLD.title
          OR NEW.purpose IS DISTINCT FROM OLD.purpose
          OR NEW.user_id IS DISTINCT FROM OLD.user_id
          OR NEW.team_id IS DISTINCT FROM OLD.team_id
          OR (CASE NEW.status WHEN 'held' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'checked_in' THEN 2 ELSE 3 END)
             <> (CASE OLD.status WHEN 'held' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'checked_in' THEN 2 ELSE 3 END))
        THEN
          IF NEW.sequence = OLD.sequence THEN NEW.sequence := OLD.sequence + 1; END IF;
          IF NEW.updated_at = OLD.updated_at THEN NEW.updated_at := now(); END IF;
        END IF;
        RETURN NEW;
      END $$`,
    sql`CREATE TRIGGER booking_calendar_sequence BEFORE UPDATE ON booking
      FOR EACH ROW EXECUTE FUNCTION booking_calendar_sequence()`,
    sql`CREATE FUNCTION mentoring_session_calendar_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.created_at IS DISTINCT FROM now() AND (NEW.starts_at IS DISTINCT FROM OLD.starts_at
          OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
          OR NEW.mode IS DISTINCT FROM OLD.mode
          OR NEW.resource_id IS DISTINCT FROM OLD.resource_id
          OR NEW.online_url IS DISTINCT FROM OLD.online_url
          OR NEW.topic IS DISTINCT FROM OLD.topic
          OR NEW.mentor_id IS DISTINCT FROM OLD.mentor_id
          OR NEW.team_id IS DISTINCT FROM OLD.team_id
          OR (CASE NEW.status WHEN 'proposed' THEN 1 WHEN 'declined' THEN 3 WHEN 'cancelled' THEN 3 ELSE 2 END)
             <> (CASE OLD.status WHEN 'proposed' THEN 1 WHEN 'declined' THEN 3 WHEN 'cancelled' THEN 3 ELSE 2 END))
        THEN
          IF NEW.sequence = OLD.sequence THEN NEW.sequence := OLD.sequence + 1; END IF;
          IF NEW.updated_at = OLD.updated_at THEN NEW.updated_at := now(); END IF;
        END IF;
        RETURN NEW;
      END $$`,
    sql`CREATE TRIGGER mentoring_session_calendar_sequence BEFORE UPDATE ON mentoring_session
      FOR EACH ROW EXECUTE FUNCTION mentoring_session_calendar_sequence()`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS mentoring_session_calendar_sequence ON mentoring_session`.execute(db);
  await sql`DROP TRIGGER IF EXISTS booking_calendar_sequence ON booking`.execute(db);
  await sql`DROP FUNCTION IF EXISTS mentoring_session_calendar_sequence(), booking_calendar_sequence()`.execute(db);
  await sql`DROP INDEX IF EXISTS booking_resource_time_idx, booking_centre_time_idx,
    mentoring_session_mentor_time_idx, mentoring_session_team_time_idx, mentoring_session_centre_time_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS calendar_feed`.execute(db);
}
