import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { feedBody, resolveFeed } from "./feeds.server";
import { tokenFromSegment } from "./tokens";
import { RateLimiter } from "~/utils/rate-limiter.server";

// GET /calendar/<token>.ics: rate limits, the token, the version, then 304 or the cached body.

/** Per feed token (a calendar app polls every few minutes at most) and per client address. */
const TOKEN_LIMIT_PER_MINUTE = 30;
const ADDRESS_LIMIT_PER_MINUTE = 120;
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
