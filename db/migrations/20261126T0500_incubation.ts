import { sql, type Kysely } from "kysely";

// Incubation (issue 4): programmes (competition editions and incubation cohorts), the
// public applications to them and every stage move, judging rounds with their rubric,
// judges' assignments and scores, team profiles, milestones and the public directory.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Sectors are the centre's own list (staff add "others"); applications and teams name one.
    sql`CREATE TABLE sector (
      id serial PRIMARY KEY,
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true,
      CONSTRAINT sector_centre_code_key UNIQUE (centre_id, code)
    )`,
    sql`CREATE TABLE programme (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('competition', 'cohort')),
      slug text NOT NULL,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      -- Public applications are taken between these instants (NULL: not open to the public).
      applications_open_at timestamptz,
      applications_close_at timestamptz,
      rules_vi text NOT NULL DEFAULT '',
      rules_en text NOT NULL DEFAULT '',
      -- The free desk-days a week each of its teams gets; NULL: the centre's booking policy.
      free_desk_days_per_team_week integer CHECK (free_desk_days_per_team_week >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT programme_centre_slug_key UNIQUE (centre_id, slug),
      CONSTRAINT programme_dates_check CHECK (ends_on >= starts_on),
      CONSTRAINT programme_window_check CHECK (applications_close_at IS NULL OR applications_open_at IS NULL OR applications_close_at > applications_open_at)
    )`,
    sql`CREATE TABLE application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
      team_name text NOT NULL,
      idea text NOT NULL,
      problem text NOT NULL,
      sector_id integer NOT NULL REFERENCES sector(id),
      place text NOT NULL,
      stage text NOT NULL CHECK (stage IN ('idea', 'prototype', 'early_revenue', 'growth')),
      jobs_expected integer NOT NULL CHECK (jobs_expected >= 0),
      links text[] NOT NULL DEFAULT '{}'::text[],
      -- The first founder's email, lower-cased: one application per email per programme.
      contact_email text NOT NULL,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN
        ('submitted', 'under_review', 'shortlisted', 'finalist', 'winner', 'not_selected', 'incubated')),
      -- The pitch document, stored by the app (see app/features/uploads).
      pitch_file_key text,
      pitch_file_name text,
      pitch_file_bytes integer CHECK (pitch_file_bytes > 0),
      -- Only the SHA-256 of the applicant's follow-and-edit link token is kept.
      edit_token_hash text NOT NULL UNIQUE,
      team_id uuid REFERENCES team(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT application_programme_email_key UNIQUE (programme_id, contact_email)
    )`,
    sql`CREATE INDEX application_programme_status_idx ON application (programme_id, status)`,
    sql`CREATE TABLE application_founder (
      application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      name text NOT NULL,
      email text NOT NULL,
      phone text NOT NULL,
      PRIMARY KEY (application_id, position)
    )`,
    // Every stage move: who and when (NULL by_user_id: the applicant or the system).
    sql`CREATE TABLE application_event (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
      note text,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX application_event_application_idx ON application_event (application_id, at)`,

    // Judging: rounds of a programme, each with its rubric and its judges' assignments.
    sql`CREATE TABLE judging_round (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      scoring_closes_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE rubric_criterion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES judging_round(id) ON DELETE CASCADE,
      name_vi text NOT NULL,
      name_en text NOT NULL,
      weight numeric(6, 2) NOT NULL CHECK (weight > 0),
      min_score integer NOT NULL DEFAULT 0,
      max_score integer NOT NULL DEFAULT 10,
      sort_order integer NOT NULL DEFAULT 0,
      CONSTRAINT rubric_criterion_range_check CHECK (max_score > min_score)
    )`,
    // One judge's duty for one application in one round; a declared conflict excludes
    // that judge's scores from the ranking.
    sql`CREATE TABLE judge_assignment (
      round_id uuid NOT NULL REFERENCES judging_round(id) ON DELETE CASCADE,
      judge_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
      comment text NOT NULL DEFAULT '',
      conflict_declared_at timestamptz,
      conflict_note text,
      scored_at timestamptz,
      PRIMARY KEY (round_id, judge_id, application_id)
    )`,
    sql`CREATE INDEX judge_assignment_judge_idx ON judge_assignment (judge_id, round_id)`,
    sql`CREATE INDEX judge_assignment_application_idx ON judge_assignment (application_id)`,
    sql`CREATE TABLE judge_score (
      round_id uuid NOT NULL,
      judge_id uuid NOT NULL,
      application_id uuid NOT NULL,
      criterion_id uuid NOT NULL REFERENCES rubric_criterion(id) ON DELETE CASCADE,
      score integer NOT NULL,
      PRIMARY KEY (round_id, judge_id, application_id, criterion_id),
      FOREIGN KEY (round_id, judge_id, application_id)
        REFERENCES judge_assignment (round_id, judge_id, application_id) ON DELETE CASCADE
    )`,

    // Team profiles.
    sql`ALTER TABLE team
      ADD COLUMN programme_id uuid REFERENCES programme(id) ON DELETE SET NULL,
      ADD COLUMN description text NOT NULL DEFAULT '',
      ADD COLUMN sector_id integer REFERENCES sector(id),
      ADD COLUMN place text NOT NULL DEFAULT '',
      ADD COLUMN stage text NOT NULL DEFAULT 'idea' CHECK (stage IN ('idea', 'prototype', 'early_revenue', 'growth')),
      ADD COLUMN website text,
      ADD COLUMN social_links text[] NOT NULL DEFAULT '{}'::text[],
      ADD COLUMN jobs_created integer NOT NULL DEFAULT 0 CHECK (jobs_created >= 0),
      -- Private to the team and staff.
      ADD COLUMN revenue_band text CHECK (revenue_band IN ('none', 'under_100m', '100m_500m', '500m_1b', '1b_5b', 'over_5b')),
      -- The public directory: off until the team opts in, then only the fields it lists.
      ADD COLUMN directory_listed boolean NOT NULL DEFAULT false,
      ADD COLUMN directory_fields text[] NOT NULL DEFAULT '{}'::text[]`,
    sql`CREATE TABLE milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      title text NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
      evidence text NOT NULL DEFAULT '',
      done_on date,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX milestone_team_idx ON milestone (team_id, due_on)`,
    // A founder invited when their team is incubated joins that team on accepting.
    sql`ALTER TABLE invitation ADD COLUMN team_id uuid REFERENCES team(id) ON DELETE CASCADE`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invitation DROP COLUMN IF EXISTS team_id`.execute(db);
  await sql`DROP TABLE IF EXISTS milestone, judge_score, judge_assignment, rubric_criterion, judging_round,
    application_event, application_founder, application, programme, sector CASCADE`.execute(db);
  await sql`ALTER TABLE team DROP COLUMN IF EXISTS programme_id, DROP COLUMN IF EXISTS description,
    DROP COLUMN IF EXISTS sector_id, DROP COLUMN IF EXISTS place, DROP COLUMN IF EXISTS stage,
    DROP COLUMN IF EXISTS website, DROP COLUMN IF EXISTS social_links, DROP COLUMN IF EXISTS jobs_created,
    DROP COLUMN IF EXISTS revenue_band, DROP COLUMN IF EXISTS directory_listed,
    DROP COLUMN IF EXISTS directory_fields`.execute(db);
}
