import { getCentreBySlug } from "~/features/centre/queries.server";
import type { Env } from "~/utils/env.server";
import { db } from "~/utils/database.server";
import { logger } from "~/utils/logger.server";
import { dispatchDueMessages } from "./dispatch.server";
import { createTransport, type Transport } from "./transport.server";

const state = globalThis as typeof globalThis & {
  __sonlaOutbox?: {
    timer: NodeJS.Timeout;
    transport: Transport;
    running?: Promise<unknown>;
    from: string;
    centreSlug: string;
    centreId?: number;
    again?: boolean;
  };
};

/** Polls the outbox every OUTBOX_POLL_SECONDS; also nudged right after a message is queued. */
export function startOutboxWorker(env: Env): void {
  if (state.__sonlaOutbox) return;
  const transport = createTransport(env.SMTP_URL);
  const timer = setInterval(() => void runOutboxOnce(), env.OUTBOX_POLL_SECONDS * 1000);
  timer.unref();
  state.__sonlaOutbox = { timer, transport, from: env.MAIL_FROM, centreSlug: env.CENTRE_SLUG };
  void runOutboxOnce();
}

type Worker = NonNullable<(typeof state)["__sonlaOutbox"]>;

async function dispatchForCentre(worker: Worker): Promise<void> {
  // This installation sends its own centre's mail; another centre sharing the database
  // sends its own, with its own sender address.
  worker.centreId ??= (await getCentreBySlug(db(), worker.centreSlug))?.id;
  if (worker.centreId === undefined) {
    logger.warn({ centre: worker.centreSlug }, "outbox: the centre is not in the database yet; nothing sent");
    return;
  }
  await dispatchDueMessages(db(), worker.transport, worker.from, { centreId: worker.centreId });
}

/**
 * Sends what is due now. Calls during a run share it, and the run goes round once more
 * so a message committed meanwhile leaves now rather than at the next poll.
 */
export function runOutboxOnce(): Promise<unknown> {
  const worker = state.__sonlaOutbox;
  if (!worker) return Promise.resolve(0);
  if (worker.running) {
    worker.again = true;
    return worker.running;
  }
  worker.running = (async () => {
    do {
      worker.again = false;
      await dispatchForCentre(worker);
    } while (worker.again);
  })()
    .catch((error: unknown) => logger.error({ err: error }, "outbox dispatch failed"))
    .finally(() => {
      worker.running = undefined;
    });
  return worker.running;
}

export async function stopOutboxWorker(): Promise<void> {
  const worker = state.__sonlaOutbox;
  if (!worker) return;
  clearInterval(worker.timer);
  await worker.running;
  worker.transport.close();
  state.__sonlaOutbox = undefined;
}
