// The production server as a browser meets it: `node server.js` on its own database.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "~/i18n/translate";
import { startServer, type ServerProcess } from "../setup/server";

const APP_URL = "https://innovation.example";
const MAX_BODY_BYTES = 4096;

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ APP_URL, MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function switchLanguage(headers: Record<string, string> = {}, body = "locale=en&redirectTo=%2F") {
  return fetch(`${server.url}/language`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body,
    redirect: "manual",
  });
}

/** POST with a chunked body (no Content-Length), sent in 1 KB pieces until answered. */
function postChunked(path: string, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    const piece = `locale=en&x=${"a".repeat(1024 - 12)}`.slice(0, 1024);
    const writeMore = () => {
      while (!answered && sent < totalBytes) {
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", writeMore);
      }
      if (!answered) request.end();
    };
    writeMore();
  });
}

describe("production server", () => {
  it("answers /healthz after a real round trip to the database", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("sends the security headers with every page", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // APP_URL is https: browsers are told to keep to https.
    expect(response.headers.get("strict-transport-security")).toContain("max-age=31536000");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("compresses pages for clients that accept it", async () => {
    const response = await fetch(`${server.url}/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("<html");
  });

  it("caches hashed build assets for a year and other public files for an hour", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/build\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.slice(0, 3)) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toBe("public, max-age=31536000, immutable");
    }
    const favicon = await fetch(`${server.url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("refuses a state-changing request sent by another site's page, and changes nothing", async () => {
    const refused = await switchLanguage({ Origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("set-cookie")).toBeNull();

    const bySecFetchSite = await switchLanguage({ "Sec-Fetch-Site": "cross-site" });
    expect(bySecFetchSite.status).toBe(403);

    const sandboxed = await switchLanguage({ Origin: "null" });
    expect(sandboxed.status).toBe(403);
  });

  it("accepts the same request from its own pages, from APP_URL and from clients without Origin", async () => {
    const cases: Array<Record<string, string>> = [
      { Origin: server.url },
      { Origin: APP_URL },
      { Origin: server.url, "Sec-Fetch-Site": "same-origin" },
      {},
    ];
    for (const headers of cases) {
      const response = await switchLanguage(headers);
      expect(response.status, JSON.stringify(headers)).toBe(302);
      expect(response.headers.get("set-cookie"), JSON.stringify(headers)).toContain("lang=");
    }
  });

  it("refuses a body larger than MAX_BODY_BYTES with 413, declared or chunked", async () => {
    const declared = await switchLanguage({}, `locale=en&x=${"a".repeat(MAX_BODY_BYTES)}`);
    expect(declared.status).toBe(413);
    expect(declared.headers.get("set-cookie")).toBeNull();
    expect(await declared.text()).toContain("Request body too large");

    const chunked = await postChunked("/language", 64 * 1024);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toContain("quá lớn");

    // A body under the limit, chunked, goes through.
    const small = await postChunked("/language", 2048);
    expect(small.status).toBe(302);
  });

  it("lets a form that takes a file past MAX_BODY_BYTES, so the app answers a wrong file itself", async () => {
    const form = new FormData();
    form.set("teamName", "Đội thử tệp lớn");
    form.set("pitch", new Blob(["x".repeat(5 * MAX_BODY_BYTES)], { type: "application/pdf" }), "pitch.pdf");
    const response = await fetch(`${server.url}/programmes/tim-kiem-tai-nang-2026/apply`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(translate("vi", "programmes.error.pitchNotPdf"));
    // The same body anywhere else is still refused before the app.
    const elsewhere = await fetch(`${server.url}/language`, { method: "POST", body: form, redirect: "manual" });
    expect(elsewhere.status).toBe(413);
  });

  it("logs every request as a JSON line carrying its request id", async () => {
    const response = await fetch(`${server.url}/healthz?probe=1`);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);
    const ownId = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "lb-7f3a.1" } });
    expect(ownId.headers.get("x-request-id")).toBe("lb-7f3a.1");
    const injected = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": `x", "level": "fake` } });
    expect(injected.headers.get("x-request-id")).toMatch(/^[0-9a-f]{16}$/);

    let line: Record<string, unknown> | undefined;
    const deadline = Date.now() + 10_000;
    while (!line && Date.now() < deadline) {
      line = server.logLines().find((l) => l.requestId === requestId);
      if (!line) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/healthz", status: 200 });
    expect(typeof line?.ms).toBe("number");
  });

  it("never shows a stack trace: a failing action, a bad address, an unknown page", async () => {
    // The language action cannot parse this body: an unexpected error inside Remix.
    const failing = await switchLanguage({ "Content-Type": "multipart/form-data; boundary=xyz" }, "not multipart");
    expect(failing.status).toBe(500);
    const badUrl = await fetch(`${server.url}/%E0%A4%A`);
    expect(badUrl.status).toBe(400);
    const unknown = await fetch(`${server.url}/no-such-page`, { headers: { Accept: "text/html" } });
    expect(unknown.status).toBe(404);

    for (const response of [failing, badUrl, unknown]) {
      const body = await response.text();
      expect(body).not.toMatch(/\n\s+at\s/);
      expect(body).not.toMatch(/node_modules|server\.js|build\/index\.js|TypeError|URIError/);
    }
    // The failure is logged for the operators instead, with its request id.
    const errorLine = server
      .logLines()
      .find((l) => l.level === "error" && l.requestId === failing.headers.get("x-request-id"));
    expect(errorLine).toBeDefined();
  });
});
