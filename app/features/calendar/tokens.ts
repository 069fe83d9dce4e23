import { randomBytes } from "node:crypto";

// A feed token is the whole secret of a feed link: 32 random bytes (256 bits), base64url.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** "<token>.ics" (the feed URL's last segment) → the token, or null when it is not one. */
export function tokenFromSegment(segment: string | undefined): string | null {
  if (!segment || !segment.endsWith(".ics")) return null;
  const token = segment.slice(0, -4);
  return isWellFormedToken(token) ? token : null;
}
