import { RateLimiter } from "~/utils/rate-limiter.server";

// The application form and the resend-link page need no account, so one client could fill the
// programme with made-up applications or someone's mailbox with links. Limits per client
// address (read after TRUST_PROXY, as context.clientIp) are high enough for a training room
// of founders applying from the centre's Wi-Fi; the link is also limited per email address,
// whoever asks for it, so nobody can send one person a stream of messages.
export const APPLICATIONS_PER_HOUR_PER_ADDRESS = 60;
export const RESEND_PER_HOUR_PER_ADDRESS = 20;
export const RESEND_PER_HOUR_PER_EMAIL = 3;

const HOUR = 60 * 60_000;
const applications = new RateLimiter(APPLICATIONS_PER_HOUR_PER_ADDRESS, HOUR);
const resendByAddress = new RateLimiter(RESEND_PER_HOUR_PER_ADDRESS, HOUR);
const resendByEmail = new RateLimiter(RESEND_PER_HOUR_PER_EMAIL, HOUR);

/** null when this address may submit an application now; else the seconds to wait. */
export function takeApplication(clientIp: string | null, now = Date.now()): number | null {
  return applications.take(clientIp ?? "unknown", now);
}

/** null when a link may be sent now; else the seconds to wait. Both limits count each ask. */
export function takeResendLink(clientIp: string | null, email: string, now = Date.now()): number | null {
  const byAddress = resendByAddress.take(clientIp ?? "unknown", now);
  const byEmail = resendByEmail.take(email.trim().toLowerCase(), now);
  return byAddress === null && byEmail === null ? null : Math.max(byAddress ?? 0, byEmail ?? 0);
}
