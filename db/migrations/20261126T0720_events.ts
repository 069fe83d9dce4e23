import { sql, type Kysely } from "kysely";

// Training and events (issue 8): events the centre runs (trainings, workshops, conferences,
// competition rounds, networking), each in a room booked through the bookings core or at an
// outside venue, and registrations by members and guests with a waitlist and attendance.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      kind text NOT NULL
        CHECK (kind IN ('training', 'workshop', 'conference', 'competition_round', 'networking')),
      title_vi text NOT NULL,
      title_en text NOT NULL,
      description_vi text NOT NULL DEFAULT '',
      description_en text NOT NULL DEFAULT '',
      organiser text NOT NULL DEFAULT '',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      -- The centre's hall or room, booked through the bookings core (booking_id) ...
      resource_id uuid REFERENCES resource(id),
      booking_id uuid REFERENCES booking(id) ON DELETE SET NULL,
      -- ... or a place outside the centre.
      venue_text text NOT NULL DEFAULT '',
      capacity integer NOT NULL CHECK (capacity > 0),
      -- Who the event is for; each registration also records which group the person is in.
      audiences text[] NOT NULL,
      -- Counts towards the plan's "founders trained" target when attended by a founder.
      counts_as_training boolean NOT NULL DEFAULT false,
      programme_id uuid REFERENCES programme(id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
      cancelled_at timestamptz,
      -- Calendar SEQUENCE: grows on every change people would notice.
      sequence integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT event_order CHECK (starts_at < ends_at),
      CONSTRAINT event_audiences CHECK (
        cardinality(audiences) > 0
        AND audiences <@ ARRAY['founders', 'tourism_cooperatives', 'mentors', 'public']::text[]),
      CONSTRAINT event_place CHECK (resource_id IS NOT NULL OR venue_text <> '')
    )`,
    sql`CREATE INDEX event_centre_starts_idx ON event (centre_id, starts_at)`,
    sql`CREATE INDEX event_booking_idx ON event (booking_id)`,

    sql`CREATE TABLE event_registration (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
      -- A member's registration; NULL for a guest without an account.
      user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
      guest_name text NOT NULL DEFAULT '',
      guest_organisation text NOT NULL DEFAULT '',
      guest_email text NOT NULL DEFAULT '',
      guest_phone text NOT NULL DEFAULT '',
      -- The guest's language for messages (members use their account's).
      guest_locale text NOT NULL DEFAULT 'vi' CHECK (guest_locale IN ('vi', 'en')),
      audience text NOT NULL CHECK (audience IN ('founders', 'tourism_cooperatives', 'mentors', 'public')),
      status text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
      -- Waitlist order: taken at insert, after the event row is locked, so it follows arrival.
      queue_order bigint GENERATED ALWAYS AS IDENTITY,
      -- Shown again as the QR code (staff check-in) and in a guest's cancel link, so it is kept
      -- as is, not hashed: it grants only checking in and cancelling this one registration.
      token text NOT NULL UNIQUE,
      attended_at timestamptz,
      attendance_marked_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      promoted_at timestamptz,
      sequence integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at timestamptz,
      CONSTRAINT event_registration_guest CHECK (
        user_id IS NOT NULL OR (guest_name <> '' AND guest_email <> '' AND guest_phone <> '')),
      CONSTRAINT event_registration_attended CHECK (attended_at IS NULL OR status = 'registered')
    )`,
    sql`CREATE UNIQUE INDEX event_registration_member_key ON event_registration (event_id, user_id)
      WHERE status <> 'cancelled' AND user_id IS NOT NULL`,
    sql`CREATE UNIQUE INDEX event_registration_guest_key ON event_registration (event_id, lower(guest_email))
      WHERE status <> 'cancelled' AND user_id IS NULL`,
    sql`CREATE INDEX event_registration_event_idx ON event_registration (event_id, status, queue_order)`,
    sql`CREATE INDEX event_registration_user_idx ON event_registration (user_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS event_registration, event CASCADE`.execute(db);
}
