// Security headers and the cross-site check, kept apart from server.js so tests can use them.

/**
 * Express middleware setting the headers every response carries.
 * @param {{ isDev?: boolean, hsts?: boolean }} options hsts: the app is served over https
 */
export function securityHeaders({ isDev = false, hsts = false } = {}) {
  const csp = [
    "default-src 'self'",
    // Remix inlines small scripts with the route data that differ per page, so inline
    // scripts are allowed while everything else must come from this origin.
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws://localhost:*" : ""}`,
    // The card button's post is answered with a redirect to Stripe's hosted checkout, and
    // browsers hold redirects after a form post to form-action too.
    "form-action 'self' https://checkout.stripe.com",
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
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
    if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True for a state-changing request sent by a page of another site. Browsers send Origin
 * on every POST (and Sec-Fetch-Site on modern ones); a request with neither comes from a
 * non-browser client, which carries no victim's cookies unless it was given them.
 * Allowed origins: this host (as the browser addressed it) and APP_URL's origin.
 */
export function isCrossSiteRequest(req, appUrl) {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.get("Sec-Fetch-Site") === "cross-site") return true;
  const origin = req.get("Origin")?.toLowerCase();
  if (!origin) return false;
  // Sandboxed frames and some cross-site redirects send "null": never this site's pages.
  if (origin === "null") return true;
  if (appUrl && origin === new URL(appUrl).origin) return false;
  const hosts = [req.get("Host")];
  // Behind a trusted proxy the browser addressed the forwarded host.
  if (req.app?.get("trust proxy fn")?.(req.socket?.remoteAddress, 0)) {
    hosts.push(req.get("X-Forwarded-Host")?.split(",")[0]?.trim());
  }
  return !hosts.some(
    (host) => host && (origin === `http://${host.toLowerCase()}` || origin === `https://${host.toLowerCase()}`),
  );
}

/** Express middleware refusing cross-site state-changing requests with 403. */
export function refuseCrossSiteRequests(appUrl) {
  return (req, res, next) => {
    if (!isCrossSiteRequest(req, appUrl)) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Yêu cầu từ trang web khác bị từ chối. / Cross-site request refused.");
  };
}
