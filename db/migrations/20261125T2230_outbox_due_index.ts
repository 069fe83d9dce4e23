import { sql, type Kysely } from "kysely";

// The dispatcher also reclaims messages left "sending" by an instance that died mid-send
// (their claim lease is next_attempt_at), so the due index covers both states.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS outbox_due_idx`.execute(db);
  await sql`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS outbox_due_idx`.execute(db);
  await sql`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);
}
