import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, securityHeaders } from "../../server/security.js";

function request(method: string, headers: Record<string, string>, { trustProxy = false } = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method,
    get: (name: string) => lower[name.toLowerCase()],
    app: { get: (setting: string) => (setting === "trust proxy fn" ? () => trustProxy : undefined) },
    socket: { remoteAddress: "10.0.0.2" },
  };
}

const APP_URL = "https://dmst.sonla.gov.vn";

describe("cross-site requests", () => {
  it("lets any site GET, HEAD and OPTIONS: they change nothing", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        isCrossSiteRequest(request(method, { Host: "localhost:3000", Origin: "https://evil.example" }), APP_URL),
      ).toBe(false);
    }
  });

  it("refuses a POST, PUT, PATCH or DELETE from another site's page", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(
        isCrossSiteRequest(request(method, { Host: "localhost:3000", Origin: "https://evil.example" }), APP_URL),
      ).toBe(true);
    }
  });

  it("accepts its own origin, by the Host the browser used or by APP_URL", () => {
    expect(
      isCrossSiteRequest(request("POST", { Host: "localhost:3000", Origin: "http://localhost:3000" }), undefined),
    ).toBe(false);
    expect(
      isCrossSiteRequest(request("POST", { Host: "LOCALHOST:3000", Origin: "http://localhost:3000" }), undefined),
    ).toBe(false);
    // Behind a proxy that rewrites Host, APP_URL names the public origin.
    expect(isCrossSiteRequest(request("POST", { Host: "app-2:3000", Origin: APP_URL }), APP_URL)).toBe(false);
  });

  it("does not take another port, a lookalike domain or a sibling subdomain for its own origin", () => {
    expect(
      isCrossSiteRequest(request("POST", { Host: "localhost:3000", Origin: "http://localhost:4000" }), undefined),
    ).toBe(true);
    expect(
      isCrossSiteRequest(
        request("POST", { Host: "dmst.sonla.gov.vn", Origin: "https://dmst.sonla.gov.vn.evil.example" }),
        APP_URL,
      ),
    ).toBe(true);
    expect(
      isCrossSiteRequest(request("POST", { Host: "a.sonla.gov.vn", Origin: "https://b.sonla.gov.vn" }), APP_URL),
    ).toBe(true);
  });

  it("refuses Origin null (sandboxed frames) and Sec-Fetch-Site cross-site", () => {
    expect(isCrossSiteRequest(request("POST", { Host: "localhost:3000", Origin: "null" }), APP_URL)).toBe(true);
    expect(
      isCrossSiteRequest(request("POST", { Host: "localhost:3000", "Sec-Fetch-Site": "cross-site" }), APP_URL),
    ).toBe(true);
  });

  it("lets through clients that send no Origin: they carry no victim's cookies", () => {
    expect(isCrossSiteRequest(request("POST", { Host: "localhost:3000" }), APP_URL)).toBe(false);
  });

  it("trusts X-Forwarded-Host only from a trusted proxy", () => {
    const headers = {
      Host: "app-2:3000",
      "X-Forwarded-Host": "dmst.sonla.gov.vn",
      Origin: "https://dmst.sonla.gov.vn",
    };
    expect(isCrossSiteRequest(request("POST", headers, { trustProxy: true }), undefined)).toBe(false);
    expect(isCrossSiteRequest(request("POST", headers, { trustProxy: false }), undefined)).toBe(true);
  });
});

describe("security headers", () => {
  function headersOf(options: Parameters<typeof securityHeaders>[0]) {
    const headers: Record<string, string> = {};
    let nextCalled = false;
    securityHeaders(options)(
      {},
      { setHeader: (name: string, value: string) => (headers[name] = value) },
      () => (nextCalled = true),
    );
    expect(nextCalled).toBe(true);
    return headers;
  }

  it("forbids framing, sniffing and leaking full addresses to other sites", () => {
    const headers = headersOf({});
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Content-Security-Policy"]).toContain("form-action 'self'");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).not.toContain("ws:");
  });

  it("adds HSTS only when served over https, and the dev server's socket only in development", () => {
    expect(headersOf({ hsts: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headersOf({ isDev: true })["Content-Security-Policy"]).toContain("connect-src 'self' ws://localhost:*");
  });
});
