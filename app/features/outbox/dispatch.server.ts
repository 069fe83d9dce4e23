import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Transport } from "./transport.server";

const MAX_ATTEMPTS = 5;
const BATCH = 20;

/** Minutes to wait before retry n (1, 5, 25, 125 …). */
export function retryDelayMinutes(attempt: number): number {
  return 5 ** Math.max(0, attempt - 1);
}

/**
 * Sends the messages that are due. Each is claimed with FOR UPDATE SKIP LOCKED, so several
 * app instances can dispatch at once without sending a message twice.
 * Returns how many were delivered (or kept, when no SMTP server is configured).
 */
export async function dispatchDueMessages(db: Kysely<Database>, transport: Transport, from: string): Promise<number> {
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("outbox")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", new Date())
      .orderBy("created_at")
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable("outbox")
      .set({ status: transport.kind === "keep" ? "kept" : "sending", attempts: sql`attempts + 1` })
      .where(
        "id",
        "in",
        due.map((m) => m.id),
      )
      .execute();
    return due;
  });
  if (transport.kind === "keep") return claimed.length;

  let delivered = 0;
  for (const message of claimed) {
    const attempt = message.attempts + 1;
    try {
      await transport.send({ from, to: message.to_address, subject: message.subject, text: message.text_body });
      await db
        .updateTable("outbox")
        .set({ status: "sent", sent_at: new Date(), last_error: null })
        .where("id", "=", message.id)
        .execute();
      delivered += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("outbox")
        .set({
          status: attempt >= MAX_ATTEMPTS ? "failed" : "pending",
          last_error: reason.slice(0, 500),
          next_attempt_at: new Date(Date.now() + retryDelayMinutes(attempt) * 60_000),
        })
        .where("id", "=", message.id)
        .execute();
    }
  }
  return delivered;
}
