// Pure rules of accounts and sign-in: no database, no request. Unit-tested in tests/unit/auth-rules.test.ts.

/** Shortest password accepted for a new password (the dictionary's hints say the same number). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted: enough for any passphrase, short enough to keep scrypt cheap. */
export const MAX_PASSWORD_LENGTH = 200;

/** How long an emailed reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** Reset emails one account may be sent per hour, so the form cannot flood a mailbox. */
export const MAX_RESETS_PER_HOUR = 3;

export function mayIssuePasswordReset(resetsInLastHour: number): boolean {
  return resetsInLastHour < MAX_RESETS_PER_HOUR;
}

// Sign-in throttling. Failures are counted per key ("email:…", "ip:…"). After
// THROTTLE_THRESHOLD failures within THROTTLE_WINDOW the key is locked; each further failure
// after a lockout doubles the next one, up to LOCKOUT_CAP. A key that stays quiet for a
// window (counted from the end of its last lockout) is forgotten.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_THRESHOLD = 5;
export const LOCKOUT_BASE_MS = 60 * 1000;
export const LOCKOUT_CAP_MS = 60 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleCheck = { locked: false } | { locked: true; retryAfterMs: number };

/** Lockout length after the given number of failures: 0 below the threshold, then 1, 2, 4 … 60 minutes. */
export function lockoutMs(failures: number): number {
  if (failures < THROTTLE_THRESHOLD) return 0;
  const doublings = failures - THROTTLE_THRESHOLD;
  // 2^6 minutes already passes the cap; avoid huge exponents.
  if (doublings >= 6) return LOCKOUT_CAP_MS;
  return Math.min(LOCKOUT_CAP_MS, LOCKOUT_BASE_MS * 2 ** doublings);
}

/** True when the remembered failures no longer count. */
export function isThrottleExpired(state: ThrottleState, now: Date): boolean {
  const since = state.lockedUntil ?? state.firstFailureAt;
  return since.getTime() <= forgetThrottlesBefore(now).getTime();
}

/** States whose lockout (or first failure) ended before this instant are forgotten. */
export function forgetThrottlesBefore(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}

/** Whether an attempt for this key may go ahead now. */
export function checkThrottle(state: ThrottleState | null | undefined, now: Date): ThrottleCheck {
  if (!state?.lockedUntil) return { locked: false };
  const retryAfterMs = state.lockedUntil.getTime() - now.getTime();
  return retryAfterMs > 0 ? { locked: true, retryAfterMs } : { locked: false };
}

/** The state after one more failed attempt (only attempts that were allowed to run count). */
export function recordFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState {
  if (!state || isThrottleExpired(state, now)) {
    return { failures: 1, firstFailureAt: now, lockedUntil: null };
  }
  const failures = state.failures + 1;
  const lock = lockoutMs(failures);
  return {
    failures,
    firstFailureAt: state.firstFailureAt,
    lockedUntil: lock > 0 ? new Date(now.getTime() + lock) : state.lockedUntil,
  };
}

/** The most restrictive answer among several keys (email and address). */
export function combineThrottleChecks(checks: readonly ThrottleCheck[]): ThrottleCheck {
  let longest = 0;
  for (const check of checks) if (check.locked) longest = Math.max(longest, check.retryAfterMs);
  return longest > 0 ? { locked: true, retryAfterMs: longest } : { locked: false };
}

/** Whole minutes to tell a person to wait, rounded up (never 0). */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

export function throttleKeys(email: string, clientIp: string | null | undefined): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (clientIp) keys.push(`ip:${clientIp}`);
  return keys;
}
