import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Transport } from "./transport.server";

const MAX_ATTEMPTS = 5;
const BATCH = 20;
/**
 * How long a claimed message stays claimed. A message still "sending" after this was
 * claimed by an instance that died mid-send; it is claimed again (and may be delivered
 * twice, which beats never).
 */
const CLAIM_LEASE_MINUTES = 10;

// Times come from the database's clock, the one that stamped the messages: app instances'
// clocks may drift, and a JavaScript Date (milliseconds) can sort just before the
// microsecond timestamp of a message inserted a moment earlier.
const dbNow = sql<Date>`now()`;
const minutesFromNow = (minutes: number) => sql<Date>`now() + make_interval(mins => ${minutes}::int)`;

/** Minutes to wait before retry n (1, 5, 25, 125 …). */
export function retryDelayMinutes(attempt: number): number {
  return 5 ** Math.max(0, attempt - 1);
}

/**
 * Sends the messages that are due. Each is claimed with FOR UPDATE SKIP LOCKED and marked
 * "sending" before the transaction commits, so several app instances can dispatch at once
 * without sending a message twice. With `centreId`, only that centre's messages (and those
 * of no centre) are taken: centres sharing one database each send their own mail.
 * Returns how many were delivered (or kept, when no SMTP server is configured).
 */
export async function dispatchDueMessages(
  db: Kysely<Database>,
  transport: Transport,
  from: string,
  scope: { centreId?: number } = {},
): Promise<number> {
  const { centreId } = scope;
  const claimed = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom("outbox").selectAll();
    if (centreId !== undefined) {
      query = query.where((eb) => eb.or([eb("centre_id", "=", centreId), eb("centre_id", "is", null)]));
    }
    const due = await query
      .where("status", "in", ["pending", "sending"])
      .where("next_attempt_at", "<=", dbNow)
      .orderBy("next_attempt_at")
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const ids = due.map((m) => m.id);
    if (transport.kind === "keep") {
      await trx.updateTable("outbox").set({ status: "kept" }).where("id", "in", ids).execute();
    } else {
      await trx
        .updateTable("outbox")
        .set({
          status: "sending",
          attempts: sql`attempts + 1`,
          next_attempt_at: minutesFromNow(CLAIM_LEASE_MINUTES),
        })
        .where("id", "in", ids)
        .execute();
    }
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
        .set({ status: "sent", sent_at: dbNow, last_error: null })
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
          next_attempt_at: minutesFromNow(retryDelayMinutes(attempt)),
        })
        .where("id", "=", message.id)
        .execute();
    }
  }
  return delivered;
}
