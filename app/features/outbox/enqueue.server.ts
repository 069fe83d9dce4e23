import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

export interface OutgoingMessage {
  centreId: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Every message the app sends is first written here, inside the caller's transaction, so a
 * message exists exactly when the change that caused it was committed.
 */
export async function enqueueMessage(db: Kysely<Database>, message: OutgoingMessage): Promise<string> {
  const row = await db
    .insertInto("outbox")
    .values({
      centre_id: message.centreId,
      kind: message.kind,
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
