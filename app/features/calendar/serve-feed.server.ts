import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { feedBody, resolveFeed } from "./feeds.server";
import { tokenFromSegment } from "./tokens";

// GET /calendar/<token>.ics: rate limits, the token, the version, then 304 or the cached body.

/** Fixed one-minute windows per key, in this process's memory. */
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

/** Per feed token (a calendar app polls every few minutes at most) and per client address. */
export const TOKEN_LIMIT_PER_MINUTE = 30;
export const ADDRESS_LIMIT_PER_MINUTE = 120;
const byToken = new RateLimiter(TOKEN_LIMIT_PER_MINUTE);
const byAddress = new RateLimiter(ADDRESS_LIMIT_PER_MINUTE);

export function resetFeedRateLimits(): void {
  byToken.reset();
  byAddress.reset();
}

/** Unknown, revoked and malformed tokens all answer exactly this. */
function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function tooMany(retryAfter: number): Response {
  return new Response("Too many requests\n", {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(retryAfter) },
  });
}

/** If-None-Match (any of a list, weak or strong) wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const inm = request.headers.get("If-None-Match");
  if (inm !== null) {
    return inm
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === etag || tag === "*");
  }
  const ims = request.headers.get("If-Modified-Since");
  if (ims === null) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export interface ServeOptions {
  clientIp: string | null;
  now?: Date;
  /** The benchmark measures the feed alone. */
  rateLimits?: boolean;
}

export async function serveFeed(
  db: Kysely<Database>,
  request: Request,
  segment: string | undefined,
  options: ServeOptions,
) {
  const limits = options.rateLimits ?? true;
  if (limits) {
    const wait = byAddress.take(options.clientIp ?? "unknown");
    if (wait !== null) return tooMany(wait);
  }
  const token = tokenFromSegment(segment);
  if (!token) return notFound();
  if (limits) {
    const wait = byToken.take(token);
    if (wait !== null) return tooMany(wait);
  }
  const resolved = await resolveFeed(db, token, options.now ?? new Date());
  if (!resolved) return notFound();
  const { feed, window, version } = resolved;
  const headers = {
    ETag: version.etag,
    "Last-Modified": version.lastModified.toUTCString(),
    // Calendar apps may keep it but must ask again (a conditional request) before using it.
    "Cache-Control": "private, no-cache",
  };
  if (notModified(request, version.etag, version.lastModified)) {
    return new Response(null, { status: 304, headers });
  }
  const { body, version: sent } = await feedBody(db, feed, window, version);
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      ...headers,
      ETag: sent.etag,
      "Last-Modified": sent.lastModified.toUTCString(),
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="calendar.ics"',
    },
  });
}
