// The postinstall script caches route matching in @remix-run/router's CommonJS build (decision
// 019). These tests prove the cache is in place where the server loads it, and that matching
// still answers exactly as before, request after request.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const file = require.resolve("@remix-run/router/dist/router.cjs.js");
const router = require(file) as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "rooms", path: "spaces/rooms" },
      { id: "booking", path: "bookings/:bookingId" },
      { id: "bookingIcs", path: "bookings/:bookingId/calendar.ics" },
      { id: "optional", path: "programmes/:slug?/apply" },
      { id: "Case", path: "Exact", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];

function ids(pathname: string) {
  return router.matchRoutes(routes, pathname)?.map((m) => `${m.route.id}${JSON.stringify(m.params)}`) ?? null;
}

describe("route matching cache", () => {
  it("is applied to the build the server requires", () => {
    expect(readFileSync(file, "utf8")).toContain("/* sonla-route-cache */");
  });

  it("matches the same way on every call", () => {
    const cases: Array<[string, string]> = [
      ["/", "home"],
      ["/spaces/rooms", "rooms"],
      ["/bookings/42", "booking"],
      ["/bookings/43/calendar.ics", "bookingIcs"],
      ["/programmes/apply", "optional"],
      ["/programmes/ai/apply", "optional"],
      ["/Exact", "Case"],
      ["/exact", "splat"],
      ["/no/such/page", "splat"],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [pathname, leaf] of cases) {
        const matched = ids(pathname);
        expect(matched?.at(-1)?.startsWith(leaf), `${pathname} → ${matched?.join(" > ")}`).toBe(true);
      }
    }
    expect(ids("/bookings/7")).toEqual(['root{"bookingId":"7"}', 'booking{"bookingId":"7"}']);
    expect(ids("/bookings/8")).toEqual(['root{"bookingId":"8"}', 'booking{"bookingId":"8"}']);
  });

  it("keeps a separate ranking per route table", () => {
    const other = [{ id: "only", path: "only" }];
    expect(router.matchRoutes(other, "/only")?.map((m) => m.route.id)).toEqual(["only"]);
    expect(router.matchRoutes(other, "/spaces/rooms")).toBeNull();
    expect(ids("/spaces/rooms")?.at(-1)).toBe("rooms{}");
  });

  it("matchPath still honours its flags", () => {
    expect(router.matchPath({ path: "/a/:b", end: false }, "/a/c/d")?.params).toEqual({ b: "c" });
    expect(router.matchPath({ path: "/a/:b", end: true }, "/a/c/d")).toBeNull();
    expect(router.matchPath({ path: "/A", caseSensitive: true }, "/a")).toBeNull();
    expect(router.matchPath({ path: "/A", caseSensitive: false }, "/a")).not.toBeNull();
  });
});
