import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await db.schema
    .createTable("centre")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("short_name_vi", "text", (c) => c.notNull())
    .addColumn("short_name_en", "text", (c) => c.notNull())
    .addColumn("legal_name", "text", (c) => c.notNull())
    .addColumn("tax_code", "text")
    .addColumn("address_vi", "text", (c) => c.notNull())
    .addColumn("address_en", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("website", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Asia/Ho_Chi_Minh"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("opening_hours")
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id").onDelete("cascade"))
    .addColumn("weekday", "smallint", (c) => c.notNull().check(sql`weekday BETWEEN 1 AND 7`))
    .addColumn("opens_at", "time", (c) => c.notNull())
    .addColumn("closes_at", "time", (c) => c.notNull())
    .addPrimaryKeyConstraint("opening_hours_pk", ["centre_id", "weekday"])
    .addCheckConstraint("opening_hours_order", sql`opens_at < closes_at`)
    .execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id"))
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email) AND email LIKE '%_@_%'`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn("phone", "text")
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('founder', 'mentor', 'staff', 'admin')`))
    .addColumn("password_hash", "text")
    .addColumn("locale", "text", (c) => c.check(sql`locale IN ('vi', 'en')`))
    .addColumn("is_active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("app_user_email_key").on("app_user").column("email").unique().execute();

  await db.schema
    .createTable("team")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id"))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("incubating")
        .check(sql`status IN ('incubating', 'graduated', 'left')`),
    )
    .addColumn("incubation_starts_on", "date", (c) => c.notNull())
    .addColumn("incubation_ends_on", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "team_incubation_period",
      sql`incubation_ends_on IS NULL OR incubation_ends_on >= incubation_starts_on`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX team_centre_name_key ON team (centre_id, lower(name))`.execute(db);

  await db.schema
    .createTable("team_member")
    .addColumn("team_id", "uuid", (c) => c.notNull().references("team.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("team_member_pk", ["team_id", "user_id"])
    .execute();
  await db.schema.createIndex("team_member_user_idx").on("team_member").column("user_id").execute();

  await db.schema
    .createTable("auth_session")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("auth_session_user_idx").on("auth_session").column("user_id").execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("invitation")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("centre_id", "integer", (c) => c.notNull().references("centre.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('founder', 'mentor', 'staff', 'admin')`))
    .addColumn("invited_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_failure_at", "timestamptz", (c) => c.notNull())
    .addColumn("locked_until", "timestamptz")
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("centre_id", "integer", (c) => c.references("centre.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status IN ('pending', 'sending', 'sent', 'failed', 'kept')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await sql`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "outbox",
    "sign_in_throttle",
    "invitation",
    "password_reset",
    "auth_session",
    "team_member",
    "team",
    "app_user",
    "opening_hours",
    "centre",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
