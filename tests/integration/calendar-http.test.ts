// A feed as a calendar app meets it: the production server (`node server.js`, compression on)
// over HTTP, the link made on the calendar page by a signed-in person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo.server";
import { signInOverHttp, startServer, type ServerProcess } from "../setup/server";
import { parseInZone, ZONES } from "./calendar-parse";

let server: ServerProcess;

beforeAll(async () => {
  // A server far from the centre's zone: every time must still be Sơn La's.
  server = await startServer({ APP_URL: "https://lich.example", TZ: "America/New_York" });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function personalFeedPath(email: string): Promise<string> {
  const cookie = await signInOverHttp(server.url, email, DEMO_PASSWORD);
  expect(cookie).not.toBe("");
  const created = await fetch(`${server.url}/calendar`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
    body: new URLSearchParams({ intent: "create", kind: "person" }),
    redirect: "manual",
  });
  expect(created.status).toBe(302);
  const page = await (await fetch(`${server.url}/calendar`, { headers: { Cookie: cookie } })).text();
  const path = /https:\/\/lich\.example(\/calendar\/[A-Za-z0-9_-]{43}\.ics)/.exec(page)?.[1];
  expect(path).toBeDefined();
  return path!;
}

describe("a feed over HTTP", () => {
  it("serves text/calendar with validators, 304s a conditional request, compressed or not", async () => {
    const path = await personalFeedPath("sanglap@demo.sonla.vn");
    const first = await fetch(`${server.url}${path}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^(W\/)?"[A-Za-z0-9_-]+"$/);
    const ics = await first.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("X-WR-CALNAME:Lịch của Quàng Thị Mai");
    // Demo sessions start at 09:00 or 14:00 in Sơn La (never shifted by the server's zone).
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T(09|14)0000\r\n/);
    // The demo founder's team has mentoring sessions: both parsers read them in both zones.
    for (const tz of ZONES) {
      const parsed = parseInZone(ics, tz);
      expect(parsed.icaljs.length).toBeGreaterThan(0);
      expect(parsed.icaljs.length).toBe(parsed.nodeical.length);
      expect(parsed.icaljs.map((e) => [e.uid, e.start, e.end, e.status, e.sequence]).sort()).toEqual(
        parsed.nodeical.map((e) => [e.uid, e.start, e.end, e.status, e.sequence]).sort(),
      );
    }

    // Whatever compression did to the ETag, the one the client got brings a 304.
    const again = await fetch(`${server.url}${path}`, {
      headers: { "If-None-Match": etag, "Accept-Encoding": "gzip" },
    });
    expect(again.status).toBe(304);
    const plain = await fetch(`${server.url}${path}`, { headers: { "If-Modified-Since": lastModified } });
    expect(plain.status).toBe(304);

    const unknown = await fetch(`${server.url}/calendar/${"A".repeat(43)}.ics`);
    const malformed = await fetch(`${server.url}/calendar/nope.ics`);
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
    expect(await unknown.text()).toBe(await malformed.text());
  });
});
