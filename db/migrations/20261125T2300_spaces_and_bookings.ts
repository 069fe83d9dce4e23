import { sql, type Kysely } from "kysely";

// Spaces (floors, bookable resources, closures, public holidays) and bookings.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("floor")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    // The floor plan's drawing area in plan units (a resource's x/y/width/height use them).
    .addColumn("plan_width", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1000)
        .check(sql`plan_width > 0`),
    )
    .addColumn("plan_height", "integer", (c) =>
      c
        .notNull()
        .defaultTo(600)
        .check(sql`plan_height > 0`),
    )
    .addUniqueConstraint("floor_centre_code_key", ["centre_id", "code"])
    .execute();

  await db.schema
    .createTable("resource")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("floor_id", "uuid", (c) => c.notNull().references("floor.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind IN ('hot_desk', 'fixed_desk', 'meeting_room', 'event_hall', 'phone_booth')`),
    )
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn("amenities", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // Who may book: 'everyone' (any signed-in account), 'members' (founders, mentors, staff),
    // 'incubated_teams' (founders of an incubating team, and staff), 'staff' (staff only).
    .addColumn("audience", "text", (c) =>
      c
        .notNull()
        .defaultTo("members")
        .check(sql`audience IN ('everyone', 'members', 'incubated_teams', 'staff')`),
    )
    // Prices in đồng; 0 is free; NULL means not sold that way.
    .addColumn("price_hour_vnd", "integer", (c) => c.check(sql`price_hour_vnd >= 0`))
    .addColumn("price_half_day_vnd", "integer", (c) => c.check(sql`price_half_day_vnd >= 0`))
    .addColumn("price_day_vnd", "integer", (c) => c.check(sql`price_day_vnd >= 0`))
    // Place and shape on the floor plan (a rectangle, in the floor's plan units).
    .addColumn("plan_x", "integer", (c) => c.notNull())
    .addColumn("plan_y", "integer", (c) => c.notNull())
    .addColumn("plan_width", "integer", (c) => c.notNull().check(sql`plan_width > 0`))
    .addColumn("plan_height", "integer", (c) => c.notNull().check(sql`plan_height > 0`))
    .addColumn("is_active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("resource_centre_code_key", ["centre_id", "code"])
    .execute();
  await db.schema.createIndex("resource_floor_idx").on("resource").column("floor_id").execute();

  // A fixed desk belongs to one team for a period; two teams never hold one desk at once.
  await db.schema
    .createTable("fixed_desk_assignment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("resource_id", "uuid", (c) => c.notNull().references("resource.id").onDelete("cascade"))
    .addColumn("team_id", "uuid", (c) => c.notNull().references("team.id").onDelete("cascade"))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addCheckConstraint("fixed_desk_assignment_period", sql`ends_on >= starts_on`)
    .execute();
  await sql`ALTER TABLE fixed_desk_assignment ADD CONSTRAINT fixed_desk_assignment_no_overlap
    EXCLUDE USING gist (resource_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)`.execute(db);

  // A closure covers the whole centre (resource_id NULL) or one resource.
  await db.schema
    .createTable("closure")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("resource_id", "uuid", (c) => c.references("resource.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('holiday', 'maintenance', 'event', 'other')`))
    .addColumn("reason_vi", "text", (c) => c.notNull())
    .addColumn("reason_en", "text", (c) => c.notNull())
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("closure_period", sql`ends_at > starts_at`)
    .execute();
  await sql`CREATE INDEX closure_period_idx ON closure USING gist (centre_id, tstzrange(starts_at, ends_at, '[)'))`.execute(
    db,
  );

  // Booking rules staff configure, one row per centre.
  await db.schema
    .createTable("booking_policy")
    .addColumn("centre_id", "integer", (c) => c.primaryKey().references("centre.id").onDelete("cascade"))
    .addColumn("max_days_ahead", "integer", (c) =>
      c
        .notNull()
        .defaultTo(30)
        .check(sql`max_days_ahead > 0`),
    )
    .addColumn("max_room_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(240)
        .check(sql`max_room_minutes >= 30`),
    )
    .addColumn("max_desk_days", "integer", (c) =>
      c
        .notNull()
        .defaultTo(5)
        .check(sql`max_desk_days >= 1`),
    )
    .addColumn("free_desk_days_per_person_week", "integer", (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`free_desk_days_per_person_week >= 0`),
    )
    .addColumn("free_desk_days_per_team_week", "integer", (c) =>
      c
        .notNull()
        .defaultTo(10)
        .check(sql`free_desk_days_per_team_week >= 0`),
    )
    .addColumn("cancel_deadline_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(60)
        .check(sql`cancel_deadline_minutes >= 0`),
    )
    .addColumn("check_in_opens_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(15)
        .check(sql`check_in_opens_minutes >= 0`),
    )
    .addColumn("check_in_closes_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(30)
        .check(sql`check_in_closes_minutes > 0`),
    )
    // Desk half days: the morning ends and the afternoon starts at this local time.
    .addColumn("midday", "time", (c) => c.notNull().defaultTo("12:00"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("booking_series")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("resource_id", "uuid", (c) => c.notNull().references("resource.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("weekdays", sql`smallint[]`, (c) => c.notNull())
    .addColumn("until_on", "date")
    .addColumn("occurrences", "integer", (c) => c.check(sql`occurrences > 0`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("booking_series_end", sql`until_on IS NOT NULL OR occurrences IS NOT NULL`)
    .execute();

  await db.schema
    .createTable("booking")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("resource_id", "uuid", (c) => c.notNull().references("resource.id"))
    // Whom the booking is for; booked_by differs when staff book for someone.
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("team_id", "uuid", (c) => c.references("team.id").onDelete("set null"))
    .addColumn("booked_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("series_id", "uuid", (c) => c.references("booking_series.id").onDelete("set null"))
    // 'booking' for a person; 'block' when staff take a resource out of use.
    .addColumn("purpose", "text", (c) =>
      c
        .notNull()
        .defaultTo("booking")
        .check(sql`purpose IN ('booking', 'block')`),
    )
    // held: slot taken while payment is pending; confirmed; checked_in; cancelled; no_show.
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status IN ('held', 'confirmed', 'checked_in', 'cancelled', 'no_show')`),
    )
    // Desks: 'morning', 'afternoon' or 'day'; rooms: NULL (30-minute slots).
    .addColumn("day_part", "text", (c) => c.check(sql`day_part IN ('morning', 'afternoon', 'day')`))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("attendees", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`attendees > 0`),
    )
    .addColumn("title", "text")
    .addColumn("price_vnd", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`price_vnd >= 0`),
    )
    .addColumn("checked_in_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancelled_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("cancel_reason", "text")
    // iCal SEQUENCE: grows with every change a calendar should see.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("booking_period", sql`ends_at > starts_at`)
    .execute();
  // The guard: two active bookings of one resource never overlap, whatever the number of
  // app instances. Half-open ranges, so 12:00–13:00 and 13:00–14:00 do not collide.
  await sql`ALTER TABLE booking ADD CONSTRAINT booking_no_overlap
    EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status IN ('held', 'confirmed', 'checked_in'))`.execute(db);
  // Availability of all resources for a day reads by time first (see issue 3's benchmark).
  await sql`CREATE INDEX booking_active_period_idx ON booking USING gist (tstzrange(starts_at, ends_at, '[)'))
    WHERE status IN ('held', 'confirmed', 'checked_in')`.execute(db);
  await db.schema.createIndex("booking_user_idx").on("booking").columns(["user_id", "starts_at"]).execute();
  await db.schema.createIndex("booking_team_idx").on("booking").columns(["team_id", "starts_at"]).execute();
  await db.schema.createIndex("booking_series_idx").on("booking").column("series_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "booking",
    "booking_series",
    "booking_policy",
    "closure",
    "fixed_desk_assignment",
    "resource",
    "floor",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
