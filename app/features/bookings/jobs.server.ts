import { runOutboxOnce } from "~/features/outbox/worker.server";
import { expireLapsedCheckouts } from "~/features/payments/stripe-checkout.server";
import { cardPaymentsEnabled } from "~/features/payments/stripe.server";
import { expireDuePayments } from "~/features/payments/expire-payments.server";
import { db } from "~/utils/database.server";
import { logger } from "~/utils/logger.server";
import { releaseNoShows } from "./release-no-shows.server";
import { sendReminders } from "./send-reminders.server";

const INTERVAL_MS = 60_000;

const state = globalThis as typeof globalThis & {
  __sonlaBookingJobs?: { timer: NodeJS.Timeout; running?: Promise<void> };
};

/** One round of the booking jobs; safe to run on every app instance at once. */
export async function runBookingJobsOnce(now: Date = new Date()): Promise<void> {
  const released = await releaseNoShows(db(), now);
  const reminded = await sendReminders(db(), now);
  // Holds that lapsed: their Stripe checkout pages must stop taking money.
  if (cardPaymentsEnabled()) await expireLapsedCheckouts(db(), now);
  // Unpaid holds past their deadline give their slot back (decision 015).
  const expired = await expireDuePayments(db(), now);
  if (released + reminded + expired > 0) {
    logger.info({ released, reminded, expired }, "booking jobs");
    void runOutboxOnce();
  }
}

function tick() {
  const jobs = state.__sonlaBookingJobs;
  if (!jobs || jobs.running) return;
  jobs.running = runBookingJobsOnce()
    .catch((error: unknown) => logger.error({ err: error }, "booking jobs failed"))
    .finally(() => {
      jobs.running = undefined;
    });
}

/** Releases no-shows and queues day-before reminders every minute. */
export function startBookingJobs(): void {
  if (state.__sonlaBookingJobs) return;
  const timer = setInterval(tick, INTERVAL_MS);
  // The jobs never keep the process alive on their own.
  timer.unref();
  state.__sonlaBookingJobs = { timer };
}

export async function stopBookingJobs(): Promise<void> {
  const jobs = state.__sonlaBookingJobs;
  if (!jobs) return;
  clearInterval(jobs.timer);
  state.__sonlaBookingJobs = undefined;
  await jobs.running;
}
