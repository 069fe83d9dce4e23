// Security headers and the cross-site check, kept apart from server.js so tests can use them.

/** Express middleware setting the headers every response carries. */
export function securityHeaders({ isDev = false } = {}) {
  const csp = [
    "default-src 'self'",
    // Remix inlines a small script with the route data; hashes change per page, so inline
    // scripts are allowed while everything else must come from this origin.
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws://localhost:*" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return (_req, res, next) => {
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True for a state-changing request sent by a page of another site. Browsers send Origin
 * on every POST (and Sec-Fetch-Site on modern ones); a request with neither comes from a
 * non-browser client, which carries no victim's cookies unless it was given them.
 */
export function isCrossSiteRequest(req, appUrl) {
  if (SAFE_METHODS.has(req.method)) return false;
  const fetchSite = req.get("Sec-Fetch-Site");
  if (fetchSite === "cross-site") return true;
  const origin = req.get("Origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const allowed = new Set();
  const host = req.get("Host");
  if (host) {
    allowed.add(`${req.protocol}://${host}`);
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (appUrl) allowed.add(new URL(appUrl).origin);
  return !allowed.has(origin);
}
