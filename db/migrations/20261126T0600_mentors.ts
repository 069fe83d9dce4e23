import { sql, type Kysely } from "kysely";

// Mentors (issue 5): the mentor network (profiles, expertise tags, weekly office hours and days
// away), assignments of mentors to teams, teams' requests for a mentor, and mentoring sessions,
// which the database keeps from overlapping for a mentor and for a team.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Expertise tags: the centre's list, curated by staff, in both languages.
    sql`CREATE TABLE expertise_tag (
      id serial PRIMARY KEY,
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true,
      CONSTRAINT expertise_tag_centre_code_key UNIQUE (centre_id, code)
    )`,
    // One profile per mentor account (role 'mentor'); deactivating the account hides it.
    sql`CREATE TABLE mentor_profile (
      user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
      organisation text NOT NULL DEFAULT '',
      title text NOT NULL DEFAULT '',
      bio text NOT NULL DEFAULT '',
      -- ISO 639-1 codes: 'vi', 'en', 'th' (Thai), ...
      languages text[] NOT NULL DEFAULT '{vi}'::text[],
      meeting_mode text NOT NULL DEFAULT 'both' CHECK (meeting_mode IN ('centre', 'online', 'both')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE mentor_expertise (
      user_id uuid NOT NULL REFERENCES mentor_profile(user_id) ON DELETE CASCADE,
      tag_id integer NOT NULL REFERENCES expertise_tag(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, tag_id)
    )`,
    sql`CREATE INDEX mentor_expertise_tag_idx ON mentor_expertise (tag_id)`,
    // Weekly office hours: local wall-clock windows in the centre's zone (ISO weekday 1–7).
    sql`CREATE TABLE office_hours (
      id serial PRIMARY KEY,
      mentor_id uuid NOT NULL REFERENCES mentor_profile(user_id) ON DELETE CASCADE,
      weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      starts_at time NOT NULL,
      ends_at time NOT NULL,
      CONSTRAINT office_hours_order CHECK (starts_at < ends_at)
    )`,
    sql`CREATE INDEX office_hours_mentor_idx ON office_hours (mentor_id, weekday)`,
    // Days away: no office hours from starts_on to ends_on (local dates, both included).
    sql`CREATE TABLE mentor_away (
      id serial PRIMARY KEY,
      mentor_id uuid NOT NULL REFERENCES mentor_profile(user_id) ON DELETE CASCADE,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      note text NOT NULL DEFAULT '',
      CONSTRAINT mentor_away_order CHECK (starts_on <= ends_on)
    )`,
    sql`CREATE INDEX mentor_away_mentor_idx ON mentor_away (mentor_id, starts_on)`,

    // A mentor coaching a team for a period, with a focus and planned hours.
    sql`CREATE TABLE mentor_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      mentor_id uuid NOT NULL REFERENCES app_user(id),
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      focus text NOT NULL DEFAULT '',
      planned_hours numeric(6, 1) NOT NULL CHECK (planned_hours > 0),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mentor_assignment_order CHECK (starts_on <= ends_on)
    )`,
    sql`CREATE INDEX mentor_assignment_mentor_idx ON mentor_assignment (mentor_id, status)`,
    sql`CREATE INDEX mentor_assignment_team_idx ON mentor_assignment (team_id, status)`,
    // A team asking for a mentor with an expertise; staff answer it (with an assignment or a reply).
    sql`CREATE TABLE mentor_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      tag_id integer REFERENCES expertise_tag(id),
      note text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'declined')),
      answer text NOT NULL DEFAULT '',
      assignment_id uuid REFERENCES mentor_assignment(id) ON DELETE SET NULL,
      answered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      answered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX mentor_request_status_idx ON mentor_request (centre_id, status)`,

    // A mentoring session of an assignment, in a room of the centre (its booking) or online.
    // Proposed, confirmed, done and no-show sessions hold their time: a mentor and a team are
    // never in two at once (the exclusion constraints), whoever writes them.
    sql`CREATE TABLE mentoring_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      assignment_id uuid NOT NULL REFERENCES mentor_assignment(id) ON DELETE CASCADE,
      mentor_id uuid NOT NULL REFERENCES app_user(id),
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      mode text NOT NULL CHECK (mode IN ('centre', 'online')),
      resource_id uuid REFERENCES resource(id),
      booking_id uuid REFERENCES booking(id) ON DELETE SET NULL,
      online_url text,
      topic text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'confirmed', 'declined', 'cancelled', 'done', 'no_show')),
      proposed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      proposed_side text NOT NULL CHECK (proposed_side IN ('mentor', 'team', 'staff')),
      answered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      answered_at timestamptz,
      cancelled_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      cancel_reason text,
      -- Visible to the mentor, the team and staff only.
      notes text NOT NULL DEFAULT '',
      action_items text NOT NULL DEFAULT '',
      recorded_at timestamptz,
      sequence integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mentoring_session_order CHECK (starts_at < ends_at),
      CONSTRAINT mentoring_session_place CHECK (
        (mode = 'centre' AND resource_id IS NOT NULL) OR (mode = 'online' AND online_url IS NOT NULL)),
      CONSTRAINT mentoring_session_mentor_free EXCLUDE USING gist
        (mentor_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status IN ('proposed', 'confirmed', 'done', 'no_show')),
      CONSTRAINT mentoring_session_team_free EXCLUDE USING gist
        (team_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status IN ('proposed', 'confirmed', 'done', 'no_show'))
    )`,
    sql`CREATE INDEX mentoring_session_assignment_idx ON mentoring_session (assignment_id, starts_at)`,
    sql`CREATE INDEX mentoring_session_booking_idx ON mentoring_session (booking_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS mentoring_session, mentor_request, mentor_assignment, mentor_away, office_hours,
    mentor_expertise, mentor_profile, expertise_tag CASCADE`.execute(db);
}
