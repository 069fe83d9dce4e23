import { type Kysely } from "kysely";

// A day-before reminder is sent once: the job stamps the booking when it enqueues one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("booking").addColumn("reminder_sent_at", "timestamptz").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("booking").dropColumn("reminder_sent_at").execute();
}
