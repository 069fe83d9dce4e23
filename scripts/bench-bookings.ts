// npm run bench:bookings [-- --durable] [--profile DIR] [--html DIR] [--quick] [--only a,b,c]
// Issue 3's booking benchmark, all figures from one run on a throwaway PostgreSQL server
// (durability off unless --durable) and the built production server (`node server.js`,
// NODE_ENV=production, LOG_LEVEL left at its production default, stdout to /dev/null):
//   (a) database time of one day's availability of all 200 resources, at one year of
//       history (~70,000 bookings) and at ten years (~700,000);
//   (b) server time of the floor-plan and room-timeline pages for one day, signed in;
//   (c) bookings per second over HTTP with 16 clients, beside the requests per second of
//       the emptiest page the server renders (its 404 page, signed in), of its cheapest route
//       (/healthz, no document) and the same inserts straight through pg.
// Not a test: it prints figures with the targets and PASS/MISS beside them.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, type CompiledQuery } from "kysely";
import { DateTime } from "luxon";
import pg from "pg";
import type { Database } from "#db/schema";
import { dayAvailability, type Viewer } from "~/features/availability/queries.server";
import { startSession } from "~/features/auth/session.server";
import { ensureBuild } from "../tests/setup/build";
import { freePort, startPostgres } from "./postgres";
import { quantile } from "./bench-stats";

const root = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({
  options: {
    durable: { type: "boolean", default: false },
    profile: { type: "string" },
    // Where (b) writes each page's HTML, to see what a page sends.
    html: { type: "string" },
    // Another checkout (built) whose server (b) measures too, its requests taking turns with
    // this one's: a before/after comparison under the same load.
    compare: { type: "string" },
    quick: { type: "boolean", default: false },
    only: { type: "string", default: "a,b,c" },
  },
});

const phases = new Set(options.only.split(","));
const ZONE = "Asia/Ho_Chi_Minh";
const RESOURCES = 200;
const DB_RUNS = 300;
const PAGE_RUNS = 300;
const CLIENTS = 16;
const EMPTY_REQUESTS = 4_000;
const BOOKINGS = 2_000;

// ---------------------------------------------------------------------------- figures

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), n: sorted.length };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");
const rows: Array<[string, string, string, string]> = [];
function row(what: string, figure: string, target = "", pass?: boolean) {
  rows.push([what, figure, target, pass === undefined ? "" : verdict(pass)]);
  console.log(`  ${what}: ${figure}${target ? `   (target ${target}: ${verdict(pass!)})` : ""}`);
}

// ---------------------------------------------------------------------------- the server

interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
  stderr(): string;
}

async function startServer(databaseUrl: string, dir = root): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(DATABASE_|PGLITE_|PORT$|HOST$|LOG_LEVEL$|SEED_DEMO_DATA$|TEST_DATABASE_URL$|APP_URL$)/.test(key))
      delete env[key];
  }
  Object.assign(env, { NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: databaseUrl });
  const args = options.profile ? ["--cpu-prof", "--cpu-prof-dir", options.profile, "server.js"] : ["server.js"];
  // The access log goes where production sends it: a stream nobody here reads.
  const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up:\n${stderr}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      child.kill("SIGTERM");
      await closed;
    },
  };
}

// ---------------------------------------------------------------------------- the data

/** Adds floors and resources until the centre has RESOURCES active ones (desks and rooms). */
async function buildResources(pool: pg.Pool, centreId: number): Promise<{ benchFloor: string }> {
  const { rows: count } = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM resource WHERE centre_id = $1 AND is_active",
    [centreId],
  );
  const missing = RESOURCES - Number(count[0]!.n);
  const { rows: floors } = await pool.query<{ id: string }>(
    `INSERT INTO floor (centre_id, code, name_vi, name_en, sort_order, plan_width, plan_height)
     VALUES ($1, 'B1', 'Tầng đo 1', 'Bench floor 1', 10, 1200, 900), ($1, 'B2', 'Tầng đo 2', 'Bench floor 2', 11, 1200, 900)
     RETURNING id`,
    [centreId],
  );
  // One in seven is a meeting room; the others are hot desks, on a grid of each floor.
  await pool.query(
    `INSERT INTO resource (centre_id, floor_id, code, kind, name_vi, name_en, capacity, audience,
       price_hour_vnd, price_half_day_vnd, price_day_vnd, plan_x, plan_y, plan_width, plan_height)
     SELECT $1, CASE WHEN i % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'B-' || lpad(i::text, 3, '0'),
       CASE WHEN i % 7 = 0 THEN 'meeting_room' ELSE 'hot_desk' END,
       'Chỗ đo ' || i, 'Bench space ' || i,
       CASE WHEN i % 7 = 0 THEN 8 ELSE 1 END, 'members',
       CASE WHEN i % 7 = 0 THEN 100000 END, CASE WHEN i % 7 = 0 THEN NULL ELSE 0 END, CASE WHEN i % 7 = 0 THEN NULL ELSE 0 END,
       20 + ((i / 2) % 12) * 95, 20 + ((i / 2) / 12) * 95, 80, 80
     FROM generate_series(1, $4::int) i`,
    [centreId, floors[0]!.id, floors[1]!.id, missing],
  );
  return { benchFloor: floors[0]!.id };
}

/**
 * Past bookings of every active resource, one on ~96% of days: desks for a half day or the
 * day, rooms for one or two hours; most were checked in, some cancelled or no-shows.
 */
async function addHistory(pool: pg.Pool, centreId: number, from: string, to: string): Promise<number> {
  const result = await pool.query(
    `WITH people AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user WHERE email LIKE 'bench-%'
     ), g AS (
       SELECT d::date AS day, r.id AS resource_id, r.kind, random() AS x, random() AS y, floor(random() * 300)::int AS u
       FROM generate_series($2::date, $3::date, interval '1 day') d
       CROSS JOIN resource r
       WHERE r.centre_id = $1 AND r.is_active
     )
     INSERT INTO booking (centre_id, resource_id, user_id, booked_by, status, day_part, starts_at, ends_at, attendees, checked_in_at)
     SELECT $1, g.resource_id, p.id, p.id,
       CASE WHEN g.x < 0.72 THEN 'checked_in' WHEN g.x < 0.86 THEN 'cancelled' ELSE 'no_show' END,
       CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y < 0.4 THEN 'day' WHEN g.y < 0.7 THEN 'morning' ELSE 'afternoon' END) END,
       (g.day + CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y < 0.7 THEN time '07:30' ELSE time '12:00' END)
          ELSE make_time(8 + floor(g.y * 8)::int, 0, 0) END) AT TIME ZONE '${ZONE}',
       (g.day + CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y >= 0.4 AND g.y < 0.7 THEN time '12:00' ELSE time '17:00' END)
          ELSE make_time(9 + floor(g.y * 8)::int + (g.u % 2), 0, 0) END) AT TIME ZONE '${ZONE}',
       1,
       CASE WHEN g.x < 0.72 THEN g.day + time '08:00' END
     FROM g JOIN people p ON p.n = g.u
     WHERE g.x < 0.96`,
    [centreId, from, to],
  );
  await pool.query("VACUUM ANALYZE booking");
  return result.rowCount ?? 0;
}

/** The measured day's bookings: ~60% of resources taken, as on a busy day. */
async function fillDay(pool: pg.Pool, centreId: number, date: string) {
  await pool.query(
    `WITH people AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user WHERE email LIKE 'bench-%'
     ), g AS (
       SELECT r.id AS resource_id, r.kind, random() AS x, random() AS y, floor(random() * 300)::int AS u
       FROM resource r WHERE r.centre_id = $1 AND r.is_active
     )
     INSERT INTO booking (centre_id, resource_id, user_id, booked_by, status, day_part, starts_at, ends_at)
     SELECT $1, g.resource_id, p.id, p.id, 'confirmed',
       CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y < 0.5 THEN 'morning' ELSE 'afternoon' END) END,
       ($2::date + CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y < 0.5 THEN time '07:30' ELSE time '12:00' END)
          ELSE make_time(8 + floor(g.y * 7)::int, 0, 0) END) AT TIME ZONE '${ZONE}',
       ($2::date + CASE WHEN g.kind IN ('hot_desk', 'fixed_desk') THEN (CASE WHEN g.y < 0.5 THEN time '12:00' ELSE time '17:00' END)
          ELSE make_time(10 + floor(g.y * 7)::int, 0, 0) END) AT TIME ZONE '${ZONE}'
     FROM g JOIN people p ON p.n = g.u
     WHERE g.x < 0.6`,
    [centreId, date],
  );
}

/** Open weekdays (no centre-wide closure) from `minDays` ahead, inside the booking window. */
async function openWeekdays(pool: pg.Pool, centreId: number, minDays: number, maxDays: number): Promise<string[]> {
  const days: string[] = [];
  const today = DateTime.now().setZone(ZONE).startOf("day");
  for (let i = minDays; i <= maxDays; i++) {
    const day = today.plus({ days: i });
    if (day.weekday > 5) continue;
    const { rowCount } = await pool.query(
      "SELECT 1 FROM closure WHERE centre_id = $1 AND resource_id IS NULL AND starts_at < $3 AND ends_at > $2",
      [centreId, day.toJSDate(), day.plus({ days: 1 }).toJSDate()],
    );
    if (!rowCount) days.push(day.toISODate()!);
  }
  return days;
}

// ---------------------------------------------------------------------------- (a)

/** Every query dayAvailability sends, as sent (captured through Kysely's log). */
async function availabilityQueries(pool: pg.Pool, viewer: Viewer, date: string): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const probe = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  await dayAvailability(probe, viewer, date, { part: "day" });
  return captured;
}

type PlanNode = { "Index Name"?: string; Plans?: PlanNode[] };
function indexesOf(plan: PlanNode): string[] {
  return [...(plan["Index Name"] ? [plan["Index Name"]] : []), ...(plan.Plans ?? []).flatMap(indexesOf)];
}

async function measureAvailability(
  pool: pg.Pool,
  database: Kysely<Database>,
  viewer: Viewer,
  date: string,
  label: string,
) {
  const queries = await availabilityQueries(pool, viewer, date);
  const bookingQuery = queries.find((q) => /from "booking"/.test(q.sql));
  if (!bookingQuery) throw new Error("dayAvailability sent no query of booking");
  const client = await pool.connect();
  const all: number[] = [];
  const bookings: number[] = [];
  const bookingsRoundTrip: number[] = [];
  const whole: number[] = [];
  let indexes: string[] = [];
  try {
    for (let run = 0; run < DB_RUNS + 20; run++) {
      let total = 0;
      for (const q of queries) {
        const { rows: explained } = await client.query<{ "QUERY PLAN": Array<Record<string, unknown>> }>(
          `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${q.sql}`,
          [...q.parameters],
        );
        const plan = explained[0]!["QUERY PLAN"][0]!;
        const time = (plan["Planning Time"] as number) + (plan["Execution Time"] as number);
        total += time;
        if (q === bookingQuery) {
          if (run >= 20) bookings.push(time);
          indexes = indexesOf(plan.Plan as PlanNode);
        }
      }
      const t0 = performance.now();
      await client.query(bookingQuery.sql, [...bookingQuery.parameters]);
      const roundTrip = performance.now() - t0;
      const t1 = performance.now();
      await dayAvailability(database, viewer, date, { part: "day" });
      const wholeTime = performance.now() - t1;
      // The first runs warm the caches.
      if (run >= 20) {
        all.push(total);
        bookingsRoundTrip.push(roundTrip);
        whole.push(wholeTime);
      }
    }
  } finally {
    client.release();
  }
  const a = summary(all);
  const b = summary(bookings);
  const rt = summary(bookingsRoundTrip);
  const w = summary(whole);
  console.log(`\n(a) ${label}: ${queries.length} queries per availability, ${a.n} runs`);
  console.log(`  bookings query uses: ${indexes.join(", ") || "no index (sequential scan)"}`);
  return { all: a, bookings: b, roundTrip: rt, whole: w, usesIndex: indexes.includes("booking_active_period_idx") };
}

// ---------------------------------------------------------------------------- (b), (c)

/**
 * CPU time the benchmark's PostgreSQL server (its postmaster and every backend it started) has
 * used so far, in ms; Linux only. Other PostgreSQL servers on the machine are not counted.
 */
function databaseCpuMs(dataDir: string): number {
  const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]!.trim();
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      // Field 4 of the line (the parent's pid) is the second after the command.
      if (entry !== postmaster && fields[1] !== postmaster) continue;
      total += (Number(fields[11]) + Number(fields[12])) * 10;
      // The postmaster also carries the time of the backends that have ended (cutime, cstime).
      if (entry === postmaster) total += (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** CPU time (user + system) the process has used so far, in ms; Linux only, else NaN. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, fields 14 and 15 of the line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function timedGet(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  const elapsed = performance.now() - t0;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return elapsed;
}

async function pageTimes(url: string, cookie: string, pid: number | undefined, dataDir: string) {
  const plain = await fetch(url, { headers: { Cookie: cookie, "Accept-Encoding": "identity" } });
  const html = Buffer.from(await plain.arrayBuffer());
  const bytes = html.byteLength;
  if (options.html) {
    mkdirSync(options.html, { recursive: true });
    writeFileSync(path.join(options.html, `${new URL(url).pathname.replaceAll("/", "_")}.html`), html);
  }
  for (let i = 0; i < 30; i++) await timedGet(url, cookie);
  const samples: number[] = [];
  const cpu0 = cpuMs(pid);
  const db0 = databaseCpuMs(dataDir);
  for (let i = 0; i < PAGE_RUNS; i++) samples.push(await timedGet(url, cookie));
  return {
    ...summary(samples),
    cpu: (cpuMs(pid) - cpu0) / PAGE_RUNS,
    dbCpu: (databaseCpuMs(dataDir) - db0) / PAGE_RUNS,
    bytes,
  };
}

/** Runs `total` jobs on `clients` concurrent workers; returns jobs per second. */
async function throughput(total: number, clients: number, job: (i: number, worker: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      while (next < total) await job(next++, worker);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

// ---------------------------------------------------------------------------- main

async function main() {
  console.log(
    `bench:bookings on ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  // The built server, rebuilt first when app/ or db/ changed since the last build.
  await ensureBuild();
  if (!existsSync(path.join(root, "build", "index.js"))) throw new Error("build/index.js is missing");

  const postgres = await startPostgres({ durable: options.durable });
  console.log(
    `PostgreSQL ${postgres.version}, durability ${options.durable ? "on" : "off (fsync, synchronous_commit and full_page_writes off)"}`,
  );
  let server: Server | undefined;
  const pool = new pg.Pool({ connectionString: await postgres.createDatabase("bench"), max: CLIENTS });
  const database = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    server = await startServer(postgres.url("bench"));
    const { rows: centres } = await pool.query<{ id: number }>("SELECT id FROM centre WHERE slug = 'son-la'");
    const centreId = centres[0]!.id;

    // People: 300 founders to own the history, and the 16 who book over HTTP.
    await pool.query(
      `INSERT INTO app_user (centre_id, email, name, role)
       SELECT $1, 'bench-' || i || '@bench.example', 'Người đo ' || i, 'founder' FROM generate_series(0, 315) i`,
      [centreId],
    );
    // The clients book many desk-days in one week: lift the weekly allowance, not the check.
    await pool.query(
      `INSERT INTO booking_policy (centre_id, free_desk_days_per_person_week) VALUES ($1, 10000)
       ON CONFLICT (centre_id) DO UPDATE SET free_desk_days_per_person_week = 10000`,
      [centreId],
    );
    const { benchFloor } = await buildResources(pool, centreId);
    const today = DateTime.now().setZone(ZONE).startOf("day");
    const days = await openWeekdays(pool, centreId, 2, 29);
    const measured = days[0]!;
    await fillDay(pool, centreId, measured);
    let t0 = performance.now();
    const year = await addHistory(
      pool,
      centreId,
      today.minus({ days: 365 }).toISODate()!,
      today.minus({ days: 1 }).toISODate()!,
    );
    console.log(
      `History: ${year} bookings over one year in ${((performance.now() - t0) / 1000).toFixed(1)} s; measured day ${measured}`,
    );

    const { rows: people } = await pool.query<{ id: string }>(
      "SELECT id FROM app_user WHERE email LIKE 'bench-%' ORDER BY email LIMIT $1",
      [CLIENTS],
    );
    const viewer: Viewer = { id: people[0]!.id, role: "founder", centre_id: centreId };
    const cookies = await Promise.all(
      people.map(
        async (p) =>
          (await startSession(database, p.id, { clientIp: "127.0.0.1" }, new Request("http://localhost/"))).split(
            ";",
          )[0]!,
      ),
    );

    const heading = (text: string) => {
      rows.push([text, "", "", ""]);
      console.log(`\n${text}`);
    };
    if (phases.has("a")) {
      console.log("\n(a) Database time of one day's availability of all resources");
      console.log("    EXPLAIN (ANALYZE, TIMING OFF): planning + execution time reported by PostgreSQL");
      const oneYear = await measureAvailability(pool, database, viewer, measured, "one year of history");
      // --quick (for profiling) stops at one year.
      let tenYears: Awaited<ReturnType<typeof measureAvailability>> | null = null;
      if (!options.quick) {
        t0 = performance.now();
        const more = await addHistory(
          pool,
          centreId,
          today.minus({ days: 3650 }).toISODate()!,
          today.minus({ days: 366 }).toISODate()!,
        );
        const { rows: total } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM booking");
        console.log(
          `\nHistory: ${more} more bookings (${total[0]!.n} in all, ten years) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
        tenYears = await measureAvailability(pool, database, viewer, measured, "ten years of history");
      }

      heading("(a) availability of one day, all resources (database time)");
      for (const [label, m] of [
        ["1 year", oneYear],
        ["10 years", tenYears],
      ] as const) {
        if (!m) continue;
        row(`${label}: all queries, median`, ms(m.all.median));
        row(`${label}: all queries, p95`, ms(m.all.p95), "< 5 ms", m.all.p95 < 5);
        row(
          `${label}: bookings query alone, median / p95`,
          `${ms(m.bookings.median)} / ${ms(m.bookings.p95)}`,
          "p95 < 5 ms",
          m.bookings.p95 < 5,
        );
        row(
          `${label}: bookings query round trip (client), median / p95`,
          `${ms(m.roundTrip.median)} / ${ms(m.roundTrip.p95)}`,
        );
        row(
          `${label}: dayAvailability() whole, client side, median / p95`,
          `${ms(m.whole.median)} / ${ms(m.whole.p95)}`,
        );
        row(`${label}: bookings query uses booking_active_period_idx`, m.usesIndex ? "yes" : "no", "yes", m.usesIndex);
      }
      if (tenYears) {
        const growth = tenYears.all.p95 / oneYear.all.p95;
        row("10 years ÷ 1 year, p95 of all queries", `${growth.toFixed(2)}×`, "≤ 1.2×", growth <= 1.2);
        const medianGrowth = tenYears.all.median / oneYear.all.median;
        row("10 years ÷ 1 year, median of all queries", `${medianGrowth.toFixed(2)}×`, "≤ 1.2×", medianGrowth <= 1.2);
      }
    }

    if (phases.has("b")) {
      heading("(b) whole page, one day, signed in, no other load (client-side time to last byte over loopback)");
      const dataDir = path.join(postgres.dir, "data");
      const floorPlan = await pageTimes(
        `${server.url}/spaces?date=${measured}&part=morning&floor=${benchFloor}`,
        cookies[0]!,
        server.child.pid,
        dataDir,
      );
      row(`floor plan /spaces?date&part, median`, ms(floorPlan.median));
      row(`floor plan, p95`, ms(floorPlan.p95), "< 25 ms", floorPlan.p95 < 25);
      const timeline = await pageTimes(
        `${server.url}/spaces/rooms?date=${measured}`,
        cookies[0]!,
        server.child.pid,
        dataDir,
      );
      row(`room timeline /spaces/rooms?date, median`, ms(timeline.median));
      row(`room timeline, p95`, ms(timeline.p95), "< 25 ms", timeline.p95 < 25);
      row("server CPU per page: floor plan / room timeline", `${ms(floorPlan.cpu)} / ${ms(timeline.cpu)}`);
      row("PostgreSQL CPU per page: floor plan / room timeline", `${ms(floorPlan.dbCpu)} / ${ms(timeline.dbCpu)}`);
      row("HTML size: floor plan / room timeline", `${floorPlan.bytes} / ${timeline.bytes} bytes`);
      if (options.compare) {
        const other = await startServer(postgres.url("bench"), path.resolve(options.compare));
        try {
          for (const page of [
            `/spaces?date=${measured}&part=morning&floor=${benchFloor}`,
            `/spaces/rooms?date=${measured}`,
          ]) {
            const servers = [server, other];
            for (let i = 0; i < 30; i++) for (const s of servers) await timedGet(`${s.url}${page}`, cookies[0]!);
            const samples = servers.map(() => [] as number[]);
            const cpu0 = servers.map((s) => cpuMs(s.child.pid));
            for (let i = 0; i < PAGE_RUNS; i++) {
              for (const [j, s] of servers.entries()) samples[j]!.push(await timedGet(`${s.url}${page}`, cookies[0]!));
            }
            const cpu = servers.map((s, j) => (cpuMs(s.child.pid) - cpu0[j]!) / PAGE_RUNS);
            const [mine, theirs] = samples.map((list) => summary(list));
            row(
              `${page.split("?")[0]}, this / ${options.compare}, taking turns: median, p95, CPU per page`,
              `${ms(mine!.median)}, ${ms(mine!.p95)}, ${ms(cpu[0]!)} / ${ms(theirs!.median)}, ${ms(theirs!.p95)}, ${ms(cpu[1]!)}`,
            );
          }
        } finally {
          await other.stop();
        }
      }
    }

    if (phases.has("c")) {
      heading(`(c) throughput, ${CLIENTS} concurrent clients`);
      // Every client books its own desks' half days on days other than the measured one: no conflicts.
      const { rows: desks } = await pool.query<{ id: string }>(
        "SELECT id FROM resource WHERE centre_id = $1 AND is_active AND kind = 'hot_desk' ORDER BY code",
        [centreId],
      );
      const slots = days
        .slice(1)
        .flatMap((date) =>
          desks.flatMap((d) => (["morning", "afternoon"] as const).map((part) => ({ resource: d.id, date, part }))),
        );
      if (slots.length < BOOKINGS) throw new Error(`only ${slots.length} free desk half days`);
      const work = slots.filter((_, i) => i % Math.floor(slots.length / BOOKINGS) === 0).slice(0, BOOKINGS);

      const pid = server.child.pid;
      const dataDir = path.join(postgres.dir, "data");
      /** Runs `total` GETs of `address` on the clients; req/s and the server's and PostgreSQL's CPU per request. */
      const measureGets = async (address: string, status: number, signedIn: boolean) => {
        const cpu0 = cpuMs(pid);
        const db0 = databaseCpuMs(dataDir);
        const rate = await throughput(EMPTY_REQUESTS, CLIENTS, async (_, worker) => {
          const response = await fetch(`${server!.url}${address}`, {
            headers: signedIn ? { Cookie: cookies[worker]! } : {},
          });
          await response.arrayBuffer();
          if (response.status !== status) throw new Error(`${address} answered ${response.status}`);
        });
        return {
          rate,
          cpu: (cpuMs(pid) - cpu0) / EMPTY_REQUESTS,
          dbCpu: (databaseCpuMs(dataDir) - db0) / EMPTY_REQUESTS,
        };
      };
      // The emptiest document the app serves: an address no route claims renders the 404 page
      // (the root loader with the session lookup, the shell, nearly nothing in it), asked by
      // the same clients with the same cookies as the bookings.
      const EMPTY_PAGE = "/bench/no-such-page";
      const emptyPageBytes = (
        await (
          await fetch(`${server.url}${EMPTY_PAGE}`, { headers: { Cookie: cookies[0]!, "Accept-Encoding": "identity" } })
        ).arrayBuffer()
      ).byteLength;
      const healthBefore = await measureGets("/healthz", 200, false);
      const pageBefore = await measureGets(EMPTY_PAGE, 404, true);

      // The same rows the app inserts, one autocommitted INSERT each, then removed again.
      const { rows: periods } = await pool.query<{ start: Date; end: Date; date: string; part: string }>(
        `SELECT (w.date::date + CASE WHEN w.part = 'morning' THEN time '07:30' ELSE time '12:00' END) AT TIME ZONE '${ZONE}' AS start,
                (w.date::date + CASE WHEN w.part = 'morning' THEN time '12:00' ELSE time '17:00' END) AT TIME ZONE '${ZONE}' AS end,
                w.date, w.part
         FROM json_to_recordset($1::json) AS w(date text, part text)`,
        [JSON.stringify(work.map((w) => ({ date: w.date, part: w.part })))],
      );
      const inserted: string[] = [];
      const pgRate = await throughput(work.length, CLIENTS, async (i, worker) => {
        const w = work[i]!;
        const p = periods[i]!;
        const { rows: made } = await pool.query<{ id: string }>(
          `INSERT INTO booking (centre_id, resource_id, user_id, team_id, booked_by, status, day_part, starts_at, ends_at, attendees, price_vnd)
           VALUES ($1, $2, $3, NULL, $3, 'confirmed', $4, $5, $6, 1, 0) RETURNING id`,
          [centreId, w.resource, people[worker]!.id, w.part, p.start, p.end],
        );
        inserted.push(made[0]!.id);
      });
      await pool.query("DELETE FROM booking WHERE id = ANY($1)", [inserted]);
      await pool.query("VACUUM ANALYZE booking");

      let refused = 0;
      const cpu0 = cpuMs(pid);
      const db0 = databaseCpuMs(dataDir);
      const bookingRate = await throughput(work.length, CLIENTS, async (i, worker) => {
        const w = work[i]!;
        const response = await fetch(`${server!.url}/bookings/new`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookies[worker]!, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ resource: w.resource, date: w.date, part: w.part }).toString(),
        });
        await response.arrayBuffer();
        if (response.status !== 302) refused++;
      });
      const bookingCpu = (cpuMs(pid) - cpu0) / work.length;
      const bookingDbCpu = (databaseCpuMs(dataDir) - db0) / work.length;
      const pageAfter = await measureGets(EMPTY_PAGE, 404, true);
      const healthAfter = await measureGets("/healthz", 200, false);

      row(
        "health check (GET /healthz: Remix resource route, SELECT 1, no document), before / after",
        `${healthBefore.rate.toFixed(0)} / ${healthAfter.rate.toFixed(0)} req/s`,
      );
      row(
        `rendered empty page (GET ${EMPTY_PAGE} signed in: the 404 document, ${emptyPageBytes} bytes), before / after`,
        `${pageBefore.rate.toFixed(0)} / ${pageAfter.rate.toFixed(0)} req/s`,
      );
      row(
        `bookings over HTTP (POST /bookings/new, ${work.length - refused} made, ${refused} not)`,
        `${bookingRate.toFixed(0)} bookings/s`,
      );
      const perRequest = (f: (m: typeof healthBefore) => number, booking: number) =>
        `${ms((f(healthBefore) + f(healthAfter)) / 2)} / ${ms((f(pageBefore) + f(pageAfter)) / 2)} / ${ms(booking)}`;
      row(
        "server CPU per request: /healthz / empty page / booking",
        perRequest((m) => m.cpu, bookingCpu),
      );
      row(
        "PostgreSQL CPU per request: /healthz / empty page / booking",
        perRequest((m) => m.dbCpu, bookingDbCpu),
      );
      row(`same INSERTs straight through pg (${CLIENTS} connections)`, `${pgRate.toFixed(0)} inserts/s`);
      const health = (healthBefore.rate + healthAfter.rate) / 2;
      row("bookings/s ÷ /healthz req/s (mean of before and after)", `${(bookingRate / health).toFixed(2)}×`);
      const emptyPage = (pageBefore.rate + pageAfter.rate) / 2;
      row(
        "bookings/s ÷ rendered empty page req/s (mean of before and after)",
        `${(bookingRate / emptyPage).toFixed(2)}×`,
        "≥ 0.8×",
        refused === 0 && bookingRate >= 0.8 * emptyPage,
      );
    }

    console.log(
      `\nload average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log("\n| figure | value | target | |");
    console.log("|---|---|---|---|");
    for (const [what, figure, target, pass] of rows) console.log(`| ${what} | ${figure} | ${target} | ${pass} |`);
    if (server.stderr().trim()) console.log(`\nserver stderr:\n${server.stderr().slice(-2000)}`);
  } finally {
    await database.destroy();
    await server?.stop();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
