// npm run bench:calendar [-- --events 1000 --runs 50]
// Issue 6's calendar benchmark, on a throwaway PostgreSQL server (scripts/postgres.ts): a
// personal feed of 1,000 bookings, served in-process by the feed route's own code
// (serveFeed: token, version query, cache, serialiser; rate limits off), beside generating the
// same 1,000 events with bare ical-generator. Server time, in ms: median and p95 of each.
//   bare ical-generator   build the calendar + toString() for the same events
//   feed changed          a booking changed since the last request: version, read, render
//   feed unchanged (200)  the same version as before: version query, body from the cache
//   304                   If-None-Match with the current ETag
// Not a test: it prints figures with the targets and PASS/MISS beside them.
import os from "node:os";
import { parseArgs } from "node:util";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { type ICalEventStatus } from "ical-generator";
import { sql } from "kysely";
import { DateTime } from "luxon";
import { feedEvents, feedWindow, findFeed } from "~/features/calendar/feeds.server";
import { serveFeed } from "~/features/calendar/serve-feed.server";
import { newFeedToken } from "~/features/calendar/tokens";
import { db, startDatabase, stopDatabase } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";
import { startPostgres } from "./postgres";
import { quantile } from "./bench-stats";

const { values: options } = parseArgs({
  options: {
    events: { type: "string", default: "1000" },
    runs: { type: "string", default: "50" },
  },
});
const EVENTS = Number(options.events);
const RUNS = Number(options.runs);
const ZONE = "Asia/Ho_Chi_Minh";

function report(what: string, samples: number[], target?: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  const verdict = target === undefined ? "" : `   (target < ${target} ms: ${median < target ? "PASS" : "MISS"})`;
  console.log(
    `  ${what.padEnd(24)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   n=${sorted.length}${verdict}`,
  );
}
async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const postgres = await startPostgres();
try {
  process.env.DATABASE_URL = await postgres.createDatabase("bench_calendar");
  process.env.SEED_DEMO_DATA = "auto";
  process.env.LOG_LEVEL = "silent";
  resetEnvCache();
  await startDatabase();
  const centre = await db().selectFrom("centre").select(["id"]).executeTakeFirstOrThrow();
  const floor = await db()
    .selectFrom("floor")
    .select("id")
    .where("centre_id", "=", centre.id)
    .executeTakeFirstOrThrow();
  const person = await db()
    .insertInto("app_user")
    .values({ centre_id: centre.id, email: "bench@calendar.test", name: "Nguyễn Thị Đo Lường", role: "founder" })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  const room = await db()
    .insertInto("resource")
    .values({
      centre_id: centre.id,
      floor_id: floor.id,
      code: "BENCH-1",
      kind: "meeting_room",
      name_vi: "Phòng họp Mường Thanh",
      name_en: "Muong Thanh meeting room",
      capacity: 8,
      plan_x: 1,
      plan_y: 1,
      plan_width: 1,
      plan_height: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // 1,000 one-hour bookings from 80 days ago on, three a day at 08:00, 10:00 and 14:00 local.
  const first = DateTime.now().setZone(ZONE).startOf("day").minus({ days: 80 });
  const rows = Array.from({ length: EVENTS }, (_, i) => {
    const start = first.plus({ days: Math.floor(i / 3), hours: [8, 10, 14][i % 3]! });
    return {
      centre_id: centre.id,
      resource_id: room.id,
      user_id: person.id,
      status: i % 17 === 0 ? ("cancelled" as const) : ("confirmed" as const),
      cancelled_at: i % 17 === 0 ? new Date() : null,
      starts_at: start.toJSDate(),
      ends_at: start.plus({ hours: 1 }).toJSDate(),
      title: i % 2 === 0 ? `Họp nhóm khởi nghiệp số ${i}, bàn về gọi vốn; kế hoạch` : null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db()
      .insertInto("booking")
      .values(rows.slice(i, i + 500))
      .execute();
  const token = newFeedToken();
  await db()
    .insertInto("calendar_feed")
    .values({ centre_id: centre.id, kind: "person", owner_id: person.id, token })
    .execute();
  await sql`ANALYZE`.execute(db());

  const feed = (await findFeed(db(), token))!;
  const window = feedWindow(new Date(), feed.zone);
  const { events } = await feedEvents(db(), feed, window);
  console.log(`Calendar benchmark: ${events.length} events in one personal feed (PostgreSQL ${postgres.version})`);
  // Other work on the machine slows every figure alike; the bare ical-generator line is the yardstick.
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`  machine: ${os.cpus().length} CPUs, load average ${load}`);

  const bare = () => {
    const calendar = ical({ name: "Bench", timezone: { name: ZONE, generator: getVtimezoneComponent } });
    for (const e of events) {
      calendar.createEvent({
        id: e.uid,
        sequence: e.sequence,
        start: DateTime.fromJSDate(e.start, { zone: ZONE }),
        end: DateTime.fromJSDate(e.end, { zone: ZONE }),
        timezone: ZONE,
        stamp: e.lastModified,
        created: e.created,
        lastModified: e.lastModified,
        summary: e.summary,
        description: e.description,
        location: e.location,
        url: e.url,
        status: e.status as ICalEventStatus,
      });
    }
    return calendar.toString();
  };
  const request = (headers: Record<string, string> = {}) =>
    new Request(`http://localhost/calendar/${token}.ics`, { headers });
  const serve = async (headers?: Record<string, string>) => {
    const response = await serveFeed(db(), request(headers), `${token}.ics`, { clientIp: null, rateLimits: false });
    if (response.status === 200) await response.text();
    return response;
  };

  // Warm up both paths (JIT, connection pool, prepared plans).
  for (let i = 0; i < 5; i++) bare();
  for (let i = 0; i < 5; i++) await serve();

  const bareTimes: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 30); i++) bareTimes.push(await time(bare));

  const changed: number[] = [];
  const bookingIds = await db()
    .selectFrom("booking")
    .select("id")
    .where("user_id", "=", person.id)
    .limit(RUNS)
    .execute();
  for (let i = 0; i < RUNS; i++) {
    await db()
      .updateTable("booking")
      .set({ title: `Đổi lần ${i}` })
      .where("id", "=", bookingIds[i % bookingIds.length]!.id)
      .execute();
    changed.push(await time(() => serve()));
  }

  const unchanged: number[] = [];
  for (let i = 0; i < RUNS * 2; i++) unchanged.push(await time(() => serve()));

  const etag = (await serve()).headers.get("ETag")!;
  const notModified: number[] = [];
  for (let i = 0; i < RUNS * 4; i++) {
    notModified.push(
      await time(async () => {
        const response = await serve({ "If-None-Match": etag });
        if (response.status !== 304) throw new Error(`expected 304, got ${response.status}`);
      }),
    );
  }

  const body = await (await serveFeed(db(), request(), `${token}.ics`, { clientIp: null, rateLimits: false })).text();
  console.log(`  body: ${(body.length / 1024).toFixed(0)} KiB, ${body.split("BEGIN:VEVENT").length - 1} VEVENTs`);
  report("bare ical-generator", bareTimes);
  report("feed changed", changed, 150);
  report("feed unchanged (200)", unchanged, 50);
  report("304", notModified, 2);
} finally {
  await stopDatabase();
  await postgres.stop();
}
