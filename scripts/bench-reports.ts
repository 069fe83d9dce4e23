// npm run bench:reports [-- --runs 20]
// Issue 8's report benchmark on a throwaway PostgreSQL server (durability off): the demo
// centre plus one year (2025) of data — ~70,000 bookings of 200 desks and rooms and 2,000
// event registrations, inserted in bulk with generate_series through the real constraints —
// then the server-side time of the annual report's figures (every year up to 2025, as the
// report page reads them), of the targets page's progress, and of the occupancy heatmap of
// that year: median and p95 over the runs. Target: under 200 ms each.
// Not a test: it prints figures with the targets and PASS/MISS beside them.
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql, type CompiledQuery } from "kysely";
import pg from "pg";
import { connectDatabase } from "#db/connect.server";
import { migrateToLatest } from "#db/migrate.server";
import type { Database } from "#db/schema";
import { seedDemoData } from "#db/seed/demo.server";
import { occupancyHeatmap } from "~/features/occupancy/queries.server";
import { annualReport } from "~/features/reports/figures.server";
import { CENTRE_TIME_ZONE } from "~/i18n/format";
import { targetsWithProgress } from "~/features/targets/targets.server";
import { startPostgres } from "./postgres";
import { quantile } from "./bench-stats";

const { values: options } = parseArgs({
  options: { runs: { type: "string", default: "20" }, explain: { type: "boolean", default: false } },
});
const RUNS = Number(options.runs);
const WARM_UP = 3;
const YEAR = 2025;
const ZONE = CENTRE_TIME_ZONE;
const RESOURCES = 200;
const TARGET_MS = 200;

async function time(label: string, job: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await job();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await job();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);
  const pass = p95 < TARGET_MS;
  console.log(
    `  ${label}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${RUNS} runs   (target p95 < ${TARGET_MS} ms: ${pass ? "PASS" : "MISS"})`,
  );
  return { label, median, p95, pass };
}

async function addYearOfData(db: Kysely<Database>, centreId: number) {
  await sql`INSERT INTO app_user (centre_id, email, name, role)
    SELECT ${centreId}, 'bench-' || i || '@bench.example', 'Người đo ' || i, 'founder'
      FROM generate_series(0, 299) i`.execute(db);
  const floors = await sql<{ id: string }>`
    INSERT INTO floor (centre_id, code, name_vi, name_en, sort_order, plan_width, plan_height)
    VALUES (${centreId}, 'B1', 'Tầng đo 1', 'Bench floor 1', 10, 1200, 900),
           (${centreId}, 'B2', 'Tầng đo 2', 'Bench floor 2', 11, 1200, 900)
    RETURNING id`.execute(db);
  // One in seven is a meeting room (hourly price); the others are hot desks (day and half-day prices).
  await sql`
    INSERT INTO resource (centre_id, floor_id, code, kind, name_vi, name_en, capacity, audience,
      price_hour_vnd, price_half_day_vnd, price_day_vnd, plan_x, plan_y, plan_width, plan_height)
    SELECT ${centreId}, CASE WHEN i % 2 = 0 THEN ${floors.rows[0]!.id}::uuid ELSE ${floors.rows[1]!.id}::uuid END,
      'B-' || lpad(i::text, 3, '0'), CASE WHEN i % 7 = 0 THEN 'meeting_room' ELSE 'hot_desk' END,
      'Chỗ đo ' || i, 'Bench space ' || i, CASE WHEN i % 7 = 0 THEN 8 ELSE 1 END, 'members',
      CASE WHEN i % 7 = 0 THEN 100000 END, CASE WHEN i % 7 = 0 THEN NULL ELSE 30000 END,
      CASE WHEN i % 7 = 0 THEN NULL ELSE 50000 END,
      20 + ((i / 2) % 12) * 95, 20 + ((i / 2) / 12) * 95, 80, 80
    FROM generate_series(1, ${RESOURCES}::int) i`.execute(db);

  // Each bench resource on ~96% of the year's days: desks for a half day or the day, rooms for
  // one to three hours; most checked in or confirmed, some cancelled or no-shows.
  const bookings = await sql`
    WITH people AS (
      SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user WHERE email LIKE 'bench-%'
    ), team AS (SELECT id FROM team WHERE centre_id = ${centreId} ORDER BY created_at LIMIT 1),
    g AS (
      SELECT d::date AS day, r.id AS resource_id, r.kind, random() AS x, random() AS y, floor(random() * 300)::int AS u
        FROM generate_series(${`${YEAR}-01-01`}::date, ${`${YEAR}-12-31`}::date, interval '1 day') d
        CROSS JOIN resource r
       WHERE r.centre_id = ${centreId} AND r.code LIKE 'B-%'
    )
    INSERT INTO booking (centre_id, resource_id, user_id, booked_by, team_id, status, day_part, starts_at, ends_at, checked_in_at)
    SELECT ${centreId}, g.resource_id, p.id, p.id, CASE WHEN g.u < 30 THEN (SELECT id FROM team) END,
      CASE WHEN g.x < 0.62 THEN 'checked_in' WHEN g.x < 0.76 THEN 'confirmed' WHEN g.x < 0.88 THEN 'cancelled' ELSE 'no_show' END,
      CASE WHEN g.kind = 'hot_desk' THEN (CASE WHEN g.y < 0.4 THEN 'day' WHEN g.y < 0.7 THEN 'morning' ELSE 'afternoon' END) END,
      (g.day + CASE WHEN g.kind = 'hot_desk' THEN (CASE WHEN g.y < 0.7 THEN time '07:30' ELSE time '12:00' END)
         ELSE make_time(8 + floor(g.y * 6)::int, 0, 0) END) AT TIME ZONE ${ZONE},
      (g.day + CASE WHEN g.kind = 'hot_desk' THEN (CASE WHEN g.y >= 0.4 AND g.y < 0.7 THEN time '12:00' ELSE time '17:00' END)
         ELSE make_time(9 + floor(g.y * 6)::int + (g.u % 3), 0, 0) END) AT TIME ZONE ${ZONE},
      CASE WHEN g.x < 0.62 THEN (g.day + time '08:00') AT TIME ZONE ${ZONE} END
    FROM g JOIN people p ON p.n = g.u
    WHERE g.x < 0.96`.execute(db);

  // 40 events through the year, 50 registrations each: members and guests, 70% attended.
  await sql`
    INSERT INTO event (centre_id, kind, title_vi, title_en, starts_at, ends_at, venue_text, capacity, audiences, counts_as_training)
    SELECT ${centreId},
      (ARRAY['training', 'workshop', 'conference', 'competition_round', 'networking'])[1 + i % 5],
      'Sự kiện đo ' || i, 'Bench event ' || i,
      ((${`${YEAR}-01-06`}::date + i * 9) + time '08:00') AT TIME ZONE ${ZONE},
      ((${`${YEAR}-01-06`}::date + i * 9) + time '11:30') AT TIME ZONE ${ZONE},
      'Hội trường tỉnh', 60,
      CASE i % 4 WHEN 0 THEN ARRAY['founders'] WHEN 1 THEN ARRAY['founders', 'tourism_cooperatives']
                 WHEN 2 THEN ARRAY['mentors'] ELSE ARRAY['public', 'founders'] END,
      i % 5 = 0
    FROM generate_series(0, 39) i`.execute(db);
  const registrations = await sql`
    WITH e AS (
      SELECT id, row_number() OVER (ORDER BY starts_at) AS n FROM event WHERE title_en LIKE 'Bench event %'
    ), people AS (
      SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user WHERE email LIKE 'bench-%'
    )
    INSERT INTO event_registration (event_id, user_id, guest_name, guest_email, guest_phone, audience, status, token, attended_at)
    SELECT e.id,
      CASE WHEN k % 2 = 0 THEN p.id END,
      CASE WHEN k % 2 = 1 THEN 'Khách đo ' || k ELSE '' END,
      CASE WHEN k % 2 = 1 THEN 'guest-' || ((e.n * 50 + k) % 900) || '@bench.example' ELSE '' END,
      CASE WHEN k % 2 = 1 THEN '0912 000 000' ELSE '' END,
      (ARRAY['founders', 'tourism_cooperatives', 'mentors', 'public'])[1 + k % 4],
      'registered', md5(e.id::text || k),
      CASE WHEN random() < 0.7 THEN now() END
    FROM e CROSS JOIN generate_series(0, 49) k
    JOIN people p ON p.n = (e.n * 7 + k) % 300`.execute(db);
  await sql`ANALYZE`.execute(db);
  return { bookings: Number(bookings.numAffectedRows), registrations: Number(registrations.numAffectedRows) };
}

/** Database time of each statement a job sends (EXPLAIN ANALYZE), to see where the time goes. */
async function explain(url: string, job: (db: Kysely<Database>) => Promise<unknown>) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const captured: CompiledQuery[] = [];
  const probe = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  await job(probe);
  console.log("\nDatabase time per statement (EXPLAIN ANALYZE, planning + execution):");
  for (const query of captured) {
    const { rows } = await pool.query<{ "QUERY PLAN": Array<Record<string, number>> }>(
      `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${query.sql}`,
      [...query.parameters],
    );
    const plan = rows[0]!["QUERY PLAN"][0]!;
    const first = query.sql.replace(/\s+/g, " ").trim().slice(0, 90);
    console.log(`  ${(plan["Planning Time"]! + plan["Execution Time"]!).toFixed(1)} ms  ${first}`);
  }
  await probe.destroy();
}

async function main() {
  const postgres = await startPostgres();
  console.log(`PostgreSQL ${postgres.version}, durability off`);
  const url = await postgres.createDatabase("bench");
  const handle = await connectDatabase({ databaseUrl: url, poolSize: 4 });
  const db = handle.db;
  try {
    await migrateToLatest(db as Kysely<unknown>);
    await seedDemoData(db);
    const centre = await db
      .selectFrom("centre")
      .select(["id", "time_zone"])
      .where("slug", "=", "son-la")
      .executeTakeFirstOrThrow();
    const t0 = performance.now();
    const added = await addYearOfData(db, centre.id);
    const total = await db
      .selectFrom("booking")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    console.log(
      `Data: ${added.bookings} bookings and ${added.registrations} registrations added for ${YEAR} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${total.n} bookings in all)`,
    );

    const scope = { centreId: centre.id, zone: centre.time_zone, now: new Date() };
    const report = await annualReport(db, scope, YEAR);
    const { byAudience, ...figures } = report.figures;
    console.log(`\nThe ${YEAR} report's figures:`);
    for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
    for (const a of byAudience)
      console.log(`  events for ${a.audience}: ${a.events} (registered ${a.registered}, attended ${a.attended})`);
    console.log(`  years compared: ${report.years.map((y) => y.year).join(", ")}`);

    console.log(`\nServer-side time (the app's own functions against PostgreSQL, ${WARM_UP} warm-up runs first):`);
    const results = [
      await time(`annual report figures, ${YEAR} and every year before`, () => annualReport(db, scope, YEAR)),
      await time(`targets page progress, ${YEAR}`, () => targetsWithProgress(db, scope, YEAR)),
      await time(`occupancy heatmap, 01/01/${YEAR}–31/12/${YEAR}`, () =>
        occupancyHeatmap(db, centre.id, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }),
      ),
    ];
    if (options.explain) await explain(url, (probe) => annualReport(probe, scope, YEAR));
    console.log("\n| figure | median | p95 | target | |");
    console.log("|---|---|---|---|---|");
    for (const r of results)
      console.log(
        `| ${r.label} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | p95 < ${TARGET_MS} ms | ${r.pass ? "PASS" : "MISS"} |`,
      );
  } finally {
    await handle.close();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
