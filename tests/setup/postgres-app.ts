// The built server over HTTP on a real PostgreSQL server of its own, for the tests that
// need real concurrency (PGlite is one connection): the race and the load test.
import { Kysely, PostgresDialect } from "kysely";
import { DateTime } from "luxon";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { Database, ResourceKind } from "#db/schema";
import { startSession } from "~/features/auth/session.server";
import { startPostgres, type ThrowawayPostgres } from "../../scripts/postgres";
import { buildRequest } from "./requests";
import { serverBuild, startServer, type ServerProcess } from "./server";

export interface PostgresApp {
  server: ServerProcess;
  /** A connection pool of the test's own to the server's database. */
  database: Kysely<Database>;
}

/**
 * Starts PostgreSQL, a new database and the built server on it before the file's tests,
 * and stops them after. Read the result inside tests (it is filled in by then).
 */
export function usePostgresApp(): PostgresApp {
  const app = {} as PostgresApp;
  let postgres: ThrowawayPostgres | undefined;
  beforeAll(async () => {
    await serverBuild();
    postgres = await startPostgres();
    const url = await postgres.createDatabase();
    app.server = await startServer({ DATABASE_URL: url, DATABASE_POOL_SIZE: "20" });
    const pool = new pg.Pool({ connectionString: url, max: 5 });
    // An idle connection the server ends (PostgreSQL stopping while the file tears down on a
    // busy machine) is reported on the pool, not to any query; left unhandled it fails the run
    // after every test passed. A query's own errors still reject that query.
    pool.on("error", (error) => console.warn(`test database pool: ${error.message}`));
    app.database = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }, 240_000);
  afterAll(async () => {
    await app.database?.destroy();
    await app.server?.stop();
    await postgres?.stop();
  });
  return app;
}

/** Weekdays from two days ahead on which the centre is open and not closed, in its zone. */
export async function openWeekdays(database: Kysely<Database>, centreId: number, count: number): Promise<string[]> {
  const days: string[] = [];
  let day = DateTime.now().setZone("Asia/Ho_Chi_Minh").startOf("day").plus({ days: 2 });
  for (let i = 0; i < 25 && days.length < count; i++, day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    const closed = await database
      .selectFrom("closure")
      .select("id")
      .where("centre_id", "=", centreId)
      .where("resource_id", "is", null)
      .where("starts_at", "<", day.plus({ days: 1 }).toJSDate())
      .where("ends_at", ">", day.toJSDate())
      .executeTakeFirst();
    if (!closed) days.push(day.toISODate()!);
  }
  if (days.length < count) throw new Error("not enough open weekdays");
  return days;
}

/** `count` new founders of the centre, each signed in: their ids and session cookies. */
export async function signedInFounders(database: Kysely<Database>, centreId: number, prefix: string, count: number) {
  const users = await database
    .insertInto("app_user")
    .values(
      Array.from({ length: count }, (_, i) => ({
        centre_id: centreId,
        email: `${prefix}-${i}@test.example`,
        name: `Nhà sáng lập ${prefix} ${i}`,
        role: "founder" as const,
      })),
    )
    .returning("id")
    .execute();
  return Promise.all(
    users.map(async (u) => {
      const setCookie = await startSession(database, u.id, { clientIp: "127.0.0.1" }, buildRequest("/"));
      return { userId: u.id, cookie: setCookie.split(";")[0]! };
    }),
  );
}

/**
 * A plain form POST, as a browser without JavaScript sends it; redirects are not followed.
 * A request left without an answer for a minute fails rather than hanging the test.
 */
export async function postForm(url: string, cookie: string, form: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, location: response.headers.get("Location"), body: await response.text() };
}

/** A floor of its own with one resource on it, for a race over that resource; its id. */
export async function raceResource(
  database: Kysely<Database>,
  centreId: number,
  resource: {
    code: string;
    kind: ResourceKind;
    name_vi: string;
    name_en: string;
    capacity: number;
    price_hour_vnd?: number;
    price_half_day_vnd?: number;
    price_day_vnd?: number;
  },
): Promise<string> {
  const floor = await database
    .insertInto("floor")
    .values({
      centre_id: centreId,
      code: resource.code,
      name_vi: `Tầng ${resource.name_vi}`,
      name_en: `${resource.name_en} floor`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await database
    .insertInto("resource")
    .values({
      centre_id: centreId,
      floor_id: floor.id,
      ...resource,
      plan_x: 0,
      plan_y: 0,
      plan_width: 10,
      plan_height: 10,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
