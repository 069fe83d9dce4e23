import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";

/**
 * One page of the outbox, newest first: the centre's messages and those sent on behalf
 * of no centre in particular.
 */
export async function listOutboxPage(db: Kysely<Database>, centreId: number, page: number, pageSize: number) {
  const ofCentre = db
    .selectFrom("outbox")
    .where((eb) => eb.or([eb("centre_id", "=", centreId), eb("centre_id", "is", null)]));
  const [messages, count] = await Promise.all([
    ofCentre
      .select([
        "id",
        "created_at",
        "to_address",
        "subject",
        "kind",
        "status",
        "attempts",
        "last_error",
        "sent_at",
        "text_body",
      ])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    ofCentre.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { messages, total: count.n };
}
