import { RateLimiter } from "~/utils/rate-limiter.server";

// Registering without an account needs no sign-in, so one address could fill an event's seats
// and the outbox with made-up people. The app's own limiter (fixed windows in this process's
// memory, as for the calendar feeds) caps guest registrations per client address, read the
// way the rest of the app reads it (context.clientIp, after TRUST_PROXY). A family or a
// cooperative registering several people from one network stays well under it.
export const GUEST_REGISTRATIONS_PER_HOUR = 20;
const byAddress = new RateLimiter(GUEST_REGISTRATIONS_PER_HOUR, 60 * 60_000);

/** null when this address may register a guest now; else the seconds to wait. */
export function takeGuestRegistration(clientIp: string | null, now = Date.now()): number | null {
  return byAddress.take(clientIp ?? "unknown", now);
}

export function resetGuestRegistrationLimit(): void {
  byAddress.reset();
}
