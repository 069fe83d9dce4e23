import { sql, type Kysely } from "kysely";

// The plan's targets (issue 8): what a year's plan asks of the centre, set by staff per year.
// Each target names how the app measures it (a measure code the app knows, with an optional
// event kind and audience); the progress is computed from the app's own data, never stored.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE plan_target (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      key text NOT NULL CHECK (key ~ '^[a-z0-9_]{1,60}$'),
      label_vi text NOT NULL CHECK (length(label_vi) BETWEEN 1 AND 300),
      label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 300),
      -- A measure code from the app's list (app/features/targets/measures.ts).
      measure text NOT NULL,
      event_kind text,
      event_audience text,
      target numeric(14, 2) NOT NULL CHECK (target >= 0),
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT plan_target_key UNIQUE (centre_id, year, key)
    )`,
    sql`CREATE INDEX plan_target_year_idx ON plan_target (centre_id, year, position)`,
    // The annual report groups a centre's bookings by year; this index serves the scan.
    sql`CREATE INDEX booking_centre_starts_idx ON booking (centre_id, starts_at) WHERE purpose = 'booking'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS booking_centre_starts_idx`.execute(db);
  await sql`DROP TABLE IF EXISTS plan_target`.execute(db);
}
