import { sql, type Kysely } from "kysely";

// The audit log (issue 8): every change staff or admins make, with who, when and the row
// before and after. Written in the same transaction as the change, so a change that rolls
// back leaves no entry and an entry never describes a change that did not happen.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_id integer NOT NULL REFERENCES centre(id) ON DELETE CASCADE,
    -- The account is kept by id and by role at the time: a later role change or a deleted
    -- account does not rewrite history.
    actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
    actor_role text NOT NULL,
    action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb,
    at timestamptz NOT NULL DEFAULT now(),
    ip text
  )`.execute(db);
  // The admin page reads newest first, filtered by actor, by entity type or by period.
  await sql`CREATE INDEX audit_log_centre_at_idx ON audit_log (centre_id, at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_log`.execute(db);
}
