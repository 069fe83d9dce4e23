import type { Env } from "~/utils/env.server";
import { db } from "~/utils/database.server";
import { logger } from "~/utils/logger.server";
import { dispatchDueMessages } from "./dispatch.server";
import { createTransport, type Transport } from "./transport.server";

const state = globalThis as typeof globalThis & {
  __sonlaOutbox?: { timer: NodeJS.Timeout; transport: Transport; running?: Promise<unknown>; from: string };
};

/** Polls the outbox every OUTBOX_POLL_SECONDS; also nudged right after a message is queued. */
export function startOutboxWorker(env: Env): void {
  if (state.__sonlaOutbox) return;
  const transport = createTransport(env.SMTP_URL);
  const timer = setInterval(() => void runOutboxOnce(), env.OUTBOX_POLL_SECONDS * 1000);
  timer.unref();
  state.__sonlaOutbox = { timer, transport, from: env.MAIL_FROM };
  void runOutboxOnce();
}

/** Sends what is due now; concurrent calls in one process share one run. */
export function runOutboxOnce(): Promise<unknown> {
  const worker = state.__sonlaOutbox;
  if (!worker) return Promise.resolve(0);
  worker.running ??= dispatchDueMessages(db(), worker.transport, worker.from)
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
