import { sql, type Kysely } from "kysely";
import * as bookResourceFunction from "./20261126T0510_book_resource_function";

// Payments (issue 7): the centre's bank account and payment deadlines, pass products and the
// passes people buy, payments with their items and refunds, Stripe's webhook events, and the
// bookings core taught to hold a slot while it is paid (docs/decisions/015-payments.md).
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // The account bank transfers go to (VietQR), and how long unpaid things stay held.
    sql`ALTER TABLE centre
      ADD COLUMN bank_bin text CHECK (bank_bin ~ '^[0-9]{6}$'),
      ADD COLUMN bank_name text,
      ADD COLUMN bank_account_number text CHECK (bank_account_number ~ '^[0-9A-Za-z]{1,19}$'),
      ADD COLUMN bank_account_name text,
      ADD COLUMN transfer_deadline_hours integer NOT NULL DEFAULT 24
        CHECK (transfer_deadline_hours BETWEEN 1 AND 168),
      ADD COLUMN hold_minutes integer NOT NULL DEFAULT 15 CHECK (hold_minutes BETWEEN 5 AND 120)`,

    // What the centre sells besides bookings: a day pass, a pack of 10 and a monthly hot desk.
    sql`CREATE TABLE pass_product (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('day_pass', 'pack_10', 'monthly_hot_desk')),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      price_vnd integer NOT NULL CHECK (price_vnd > 0),
      -- Desk-days it covers; NULL = unlimited within its validity (the monthly membership).
      uses integer CHECK (uses > 0),
      -- Days it stays valid from the day it is paid (both ends included).
      valid_days integer NOT NULL CHECK (valid_days > 0),
      is_active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pass_product_centre_kind_key UNIQUE (centre_id, kind)
    )`,

    // A pass a person bought: pending until paid, then active from valid_from to valid_until.
    sql`CREATE TABLE pass (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      product_id uuid NOT NULL REFERENCES pass_product(id),
      kind text NOT NULL CHECK (kind IN ('day_pass', 'pack_10', 'monthly_hot_desk')),
      uses_total integer CHECK (uses_total > 0),
      uses_left integer CHECK (uses_left >= 0),
      valid_from date,
      valid_until date,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pass_uses CHECK ((uses_total IS NULL) = (uses_left IS NULL) AND uses_left <= uses_total),
      CONSTRAINT pass_active_dates CHECK (status <> 'active' OR (valid_from IS NOT NULL AND valid_until >= valid_from))
    )`,
    sql`CREATE INDEX pass_user_idx ON pass (user_id, status, valid_until)`,

    // A payment: for one held booking or one pass. Amounts in whole đồng (VND has no minor unit).
    sql`CREATE TABLE payment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
      user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
      purpose text NOT NULL CHECK (purpose IN ('booking', 'pass')),
      booking_id uuid REFERENCES booking(id) ON DELETE SET NULL,
      pass_id uuid REFERENCES pass(id) ON DELETE SET NULL,
      amount_vnd integer NOT NULL CHECK (amount_vnd > 0),
      currency text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
      -- NULL while the person has not chosen how to pay.
      method text CHECK (method IN ('card', 'bank_transfer', 'cash')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN
        ('pending', 'paid', 'failed', 'expired', 'cancelled', 'refunded', 'partially_refunded')),
      -- The transfer reference the person writes in the transfer's message.
      reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9]{6,20}$'),
      stripe_checkout_session_id text UNIQUE,
      stripe_payment_intent_id text,
      -- Until when the booking or pass waits for the money.
      due_at timestamptz NOT NULL,
      paid_at timestamptz,
      recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      -- Numbered per centre when paid.
      receipt_number integer,
      cancel_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payment_purpose_target CHECK (
        (purpose = 'booking' AND booking_id IS NOT NULL OR purpose <> 'booking')
        AND (purpose = 'pass' AND pass_id IS NOT NULL OR purpose <> 'pass')),
      CONSTRAINT payment_paid CHECK (status NOT IN ('paid', 'refunded', 'partially_refunded')
        OR (paid_at IS NOT NULL AND method IS NOT NULL AND receipt_number IS NOT NULL)),
      CONSTRAINT payment_receipt_key UNIQUE (centre_id, receipt_number)
    )`,
    sql`CREATE INDEX payment_centre_status_idx ON payment (centre_id, status, created_at)`,
    sql`CREATE INDEX payment_user_idx ON payment (user_id, created_at)`,
    sql`CREATE INDEX payment_booking_idx ON payment (booking_id)`,
    sql`CREATE INDEX payment_pass_idx ON payment (pass_id)`,
    sql`CREATE INDEX payment_due_idx ON payment (due_at) WHERE status = 'pending'`,

    // What a receipt lists.
    sql`CREATE TABLE payment_item (
      id serial PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES payment(id) ON DELETE CASCADE,
      description_vi text NOT NULL,
      description_en text NOT NULL,
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
      unit_price_vnd integer NOT NULL CHECK (unit_price_vnd >= 0),
      amount_vnd integer NOT NULL CHECK (amount_vnd >= 0)
    )`,
    sql`CREATE INDEX payment_item_payment_idx ON payment_item (payment_id)`,

    // Money going back. For cash and transfers staff pay it back (pending until they do);
    // for cards Stripe's refund id is kept. The total never exceeds the payment (recordRefund).
    sql`CREATE TABLE refund (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      payment_id uuid NOT NULL REFERENCES payment(id) ON DELETE CASCADE,
      amount_vnd integer NOT NULL CHECK (amount_vnd > 0),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
      stripe_refund_id text UNIQUE,
      reason text NOT NULL,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      completed_by uuid REFERENCES app_user(id) ON DELETE SET NULL
    )`,
    sql`CREATE INDEX refund_payment_idx ON refund (payment_id)`,

    // Stripe's webhook events, recorded by id so each is processed once.
    sql`CREATE TABLE stripe_event (
      id text PRIMARY KEY,
      type text NOT NULL,
      payment_id uuid REFERENCES payment(id) ON DELETE SET NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      outcome text
    )`,

    // A booking that waits for money: held until hold_expires_at, paid by payment_id.
    sql`ALTER TABLE booking
      ADD COLUMN hold_expires_at timestamptz,
      ADD COLUMN payment_id uuid REFERENCES payment(id) ON DELETE SET NULL,
      ADD CONSTRAINT booking_held_expires CHECK (status <> 'held' OR hold_expires_at IS NOT NULL)`,
    sql`CREATE INDEX booking_hold_idx ON booking (hold_expires_at) WHERE status = 'held'`,

    // A desk-day a pass paid for; returned when its booking is cancelled within the policy.
    sql`CREATE TABLE pass_use (
      pass_id uuid NOT NULL REFERENCES pass(id) ON DELETE CASCADE,
      booking_id uuid NOT NULL UNIQUE REFERENCES booking(id) ON DELETE CASCADE,
      uses integer NOT NULL DEFAULT 1 CHECK (uses >= 0),
      returned_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX pass_use_pass_idx ON pass_use (pass_id)`,

    // The free allowance counts free desk-days only: a booking paid for, or covered by a pass,
    // is not taken from it.
    sql`CREATE OR REPLACE FUNCTION desk_days_held(p_user uuid, p_team uuid, p_week_start timestamptz, p_zone text, p_except uuid)
    RETURNS numeric LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN (SELECT coalesce(sum(CASE WHEN b.day_part = 'day' THEN 1 ELSE 0.5 END), 0)
        FROM booking AS b JOIN resource AS r ON r.id = b.resource_id
       WHERE (b.user_id = p_user OR b.team_id = p_team)
         AND b.starts_at >= p_week_start AND b.starts_at < p_week_start + interval '7 days'
         AND r.kind IN ('hot_desk', 'fixed_desk') AND b.purpose = 'booking'
         AND b.status IN ('held', 'confirmed', 'checked_in') AND b.id IS DISTINCT FROM p_except
         AND b.payment_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM pass_use AS pu WHERE pu.booking_id = b.id)
         AND NOT EXISTS (SELECT 1 FROM fixed_desk_assignment AS fa
               WHERE fa.resource_id = b.resource_id AND fa.team_id = b.team_id
                 AND (b.starts_at AT TIME ZONE p_zone)::date BETWEEN fa.starts_on AND fa.ends_on));
    END
    $fn$`,

    sql`DROP FUNCTION book_resource(uuid, integer, uuid, uuid, uuid, uuid, uuid, text, timestamptz,
      timestamptz, integer, integer, numeric, numeric, numeric, text, text, text, text)`,

    // book_resource() of decision 011, with how the booking is covered (015): free (within the
    // allowance p_person_max/p_team_max, or a free resource), by a pass (p_pass_id: one use is
    // taken, refused with 'pass_unusable' when the pass cannot cover it any more), or by money
    // (p_payment_id: the booking is written 'held' until p_hold_expires_at with a pending
    // payment and its item; no confirmation message until paid). Before inserting it releases
    // the expired holds that overlap the slot, so an abandoned hold never refuses a booking.
    // Returns 'ok', 'closed', 'quota_person', 'quota_team' or 'pass_unusable'; a taken slot
    // raises the exclusion constraint's 23P01.
    sql`CREATE FUNCTION book_resource(
      p_id uuid, p_centre_id integer, p_resource_id uuid, p_user_id uuid, p_team_id uuid,
      p_booked_by uuid, p_series_id uuid, p_day_part text, p_starts_at timestamptz,
      p_ends_at timestamptz, p_attendees integer, p_price_vnd integer,
      p_desk_days numeric, p_person_max numeric, p_team_max numeric,
      p_message_kind text, p_message_to text, p_message_subject text, p_message_text text,
      p_now timestamptz, p_pass_id uuid, p_pass_date date,
      p_payment_id uuid, p_hold_expires_at timestamptz, p_reference text,
      p_item_vi text, p_item_en text)
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
      IF p_pass_id IS NOT NULL THEN
        UPDATE pass SET uses_left = CASE WHEN uses_left IS NULL THEN NULL ELSE uses_left - 1 END,
                        updated_at = p_now
         WHERE id = p_pass_id AND user_id = p_user_id AND centre_id = p_centre_id AND status = 'active'
           AND p_pass_date BETWEEN valid_from AND valid_until AND (uses_left IS NULL OR uses_left > 0);
        IF NOT FOUND THEN
          RETURN 'pass_unusable';
        END IF;
      END IF;
      -- Expired holds overlapping the slot give way (the jobs release the others every minute).
      WITH released AS (
        UPDATE booking SET status = 'cancelled', cancelled_at = p_now, cancel_reason = 'hold_expired',
                           sequence = sequence + 1, updated_at = p_now
         WHERE resource_id = p_resource_id AND status = 'held' AND hold_expires_at <= p_now
           AND tstzrange(starts_at, ends_at, '[)') && tstzrange(p_starts_at, p_ends_at, '[)')
        RETURNING payment_id)
      UPDATE payment SET status = 'expired', updated_at = p_now
       WHERE id IN (SELECT payment_id FROM released) AND status = 'pending';
      INSERT INTO booking (id, centre_id, resource_id, user_id, team_id, booked_by, series_id, status,
                           day_part, starts_at, ends_at, attendees, price_vnd, hold_expires_at, payment_id)
      VALUES (p_id, p_centre_id, p_resource_id, p_user_id, p_team_id, p_booked_by, p_series_id,
              CASE WHEN p_payment_id IS NULL THEN 'confirmed' ELSE 'held' END,
              p_day_part, p_starts_at, p_ends_at, p_attendees, p_price_vnd,
              CASE WHEN p_payment_id IS NULL THEN NULL ELSE p_hold_expires_at END, NULL);
      IF p_payment_id IS NOT NULL THEN
        INSERT INTO payment (id, centre_id, user_id, purpose, booking_id, amount_vnd, reference, due_at)
        VALUES (p_payment_id, p_centre_id, p_user_id, 'booking', p_id, p_price_vnd, p_reference, p_hold_expires_at);
        UPDATE booking SET payment_id = p_payment_id WHERE id = p_id;
        INSERT INTO payment_item (payment_id, description_vi, description_en, quantity, unit_price_vnd, amount_vnd)
        VALUES (p_payment_id, p_item_vi, p_item_en, 1, p_price_vnd, p_price_vnd);
      END IF;
      IF p_pass_id IS NOT NULL THEN
        INSERT INTO pass_use (pass_id, booking_id, uses) VALUES (p_pass_id, p_id, 1);
      END IF;
      IF p_message_to IS NOT NULL THEN
        INSERT INTO outbox (centre_id, kind, to_address, subject, text_body)
        VALUES (p_centre_id, p_message_kind, p_message_to, p_message_subject, p_message_text);
      END IF;
      RETURN 'ok';
    END
    $fn$`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS book_resource(uuid, integer, uuid, uuid, uuid, uuid, uuid, text, timestamptz,
    timestamptz, integer, integer, numeric, numeric, numeric, text, text, text, text, timestamptz, uuid, date,
    uuid, timestamptz, text, text, text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS desk_days_held(uuid, uuid, timestamptz, text, uuid)`.execute(db);
  await sql`ALTER TABLE booking DROP CONSTRAINT IF EXISTS booking_held_expires,
    DROP COLUMN IF EXISTS payment_id, DROP COLUMN IF EXISTS hold_expires_at`.execute(db);
  for (const table of ["pass_use", "stripe_event", "refund", "payment_item", "payment", "pass", "pass_product"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE centre DROP COLUMN IF EXISTS bank_bin, DROP COLUMN IF EXISTS bank_name,
    DROP COLUMN IF EXISTS bank_account_number, DROP COLUMN IF EXISTS bank_account_name,
    DROP COLUMN IF EXISTS transfer_deadline_hours, DROP COLUMN IF EXISTS hold_minutes`.execute(db);
  // Back to decision 011's functions.
  await bookResourceFunction.up(db);
}
