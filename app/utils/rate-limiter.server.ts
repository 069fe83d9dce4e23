/**
 * Fixed windows per key (one minute unless told), in this process's memory: a restart or a
 * second instance starts counting afresh, which is enough to stop one client hammering a
 * public form or feed. Used for calendar feeds, guest event registration and the public
 * application pages.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** null when allowed; else the seconds to wait. */
  take(key: string, now = Date.now()): number | null {
    if (this.hits.size > 50_000) this.sweep(now);
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    return entry.count > this.limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : null;
  }

  reset(): void {
    this.hits.clear();
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
