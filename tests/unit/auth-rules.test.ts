import { describe, expect, it } from "vitest";
import {
  checkThrottle,
  combineThrottleChecks,
  isThrottleExpired,
  lockoutMs,
  mayIssuePasswordReset,
  minutesToWait,
  recordFailure,
  throttleKeys,
  type ThrottleState,
} from "~/features/auth/rules";

const MINUTE = 60_000;
const t0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

/** Failures at the given minutes after t0, each recorded only if the key was not locked then. */
function failAt(minutes: number[], start: ThrottleState | null = null): ThrottleState | null {
  let state = start;
  for (const m of minutes) {
    if (checkThrottle(state, at(m)).locked) continue;
    state = recordFailure(state, at(m));
  }
  return state;
}

describe("sign-in throttle", () => {
  it("lets four failures through and locks for one minute at the fifth", () => {
    const four = failAt([0, 1, 2, 3]);
    expect(four?.failures).toBe(4);
    expect(checkThrottle(four, at(3)).locked).toBe(false);

    const five = recordFailure(four, at(4));
    expect(five.failures).toBe(5);
    expect(five.lockedUntil).toEqual(at(5));
    expect(checkThrottle(five, at(4))).toEqual({ locked: true, retryAfterMs: MINUTE });
    expect(checkThrottle(five, at(4.99)).locked).toBe(true);
    // The lockout ends exactly on time.
    expect(checkThrottle(five, at(5)).locked).toBe(false);
  });

  it("doubles the lockout with each further failure and stops at one hour", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 50].map((n) => lockoutMs(n) / MINUTE)).toEqual([
      0, 1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
    const five = failAt([0, 0, 0, 0, 0]);
    const six = recordFailure(five, at(1));
    expect(six.lockedUntil).toEqual(at(3));
    const seven = recordFailure(six, at(3));
    expect(seven.lockedUntil).toEqual(at(7));
  });

  it("forgets failures spread wider than the 15-minute window", () => {
    const four = failAt([0, 1, 2, 3]);
    const later = recordFailure(four, at(15));
    expect(later).toEqual({ failures: 1, firstFailureAt: at(15), lockedUntil: null });
    const justInside = recordFailure(four, at(14.99));
    expect(justInside.failures).toBe(5);
  });

  it("keeps escalating while failures continue past 15 minutes, and forgets after a quiet window", () => {
    // 5 failures, then one after each lockout: 1, 2, 4, 8 minutes.
    const state = failAt([0, 0, 0, 0, 0, 1, 3, 7, 15]);
    expect(state?.failures).toBe(9);
    expect(state?.lockedUntil).toEqual(at(15 + 16));
    expect(isThrottleExpired(state!, at(31 + 14))).toBe(false);
    expect(isThrottleExpired(state!, at(31 + 15))).toBe(true);
    expect(recordFailure(state, at(46)).failures).toBe(1);
  });

  it("answers with the longest wait among the email and address keys", () => {
    expect(combineThrottleChecks([{ locked: false }, { locked: false }])).toEqual({ locked: false });
    expect(
      combineThrottleChecks([
        { locked: true, retryAfterMs: 2 * MINUTE },
        { locked: false },
        { locked: true, retryAfterMs: 8 * MINUTE },
      ]),
    ).toEqual({ locked: true, retryAfterMs: 8 * MINUTE });
  });

  it("rounds the wait up to whole minutes, never zero", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(MINUTE)).toBe(1);
    expect(minutesToWait(MINUTE + 1)).toBe(2);
    expect(minutesToWait(60 * MINUTE)).toBe(60);
  });

  it("keys an email case-insensitively and adds the address when known", () => {
    expect(throttleKeys(" Mai@Example.VN ", "203.0.113.9")).toEqual(["email:mai@example.vn", "ip:203.0.113.9"]);
    expect(throttleKeys("mai@example.vn", null)).toEqual(["email:mai@example.vn"]);
  });
});

describe("password reset emails", () => {
  it("allows three per account per hour", () => {
    expect([0, 1, 2, 3, 4].map(mayIssuePasswordReset)).toEqual([true, true, true, false, false]);
  });
});
