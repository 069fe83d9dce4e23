// The server on a real PostgreSQL server of its own (scripts/postgres.ts): /healthz follows
// the database down and back up, and a failing migration stops start-up.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type ThrowawayPostgres } from "../../scripts/postgres";
import { cleanEnv, freePort, healthStatus, serverBuild, spawnServer, startServer, waitFor } from "../setup/server";

let postgres: ThrowawayPostgres;

beforeAll(async () => {
  await serverBuild();
  postgres = await startPostgres();
}, 240_000);

afterAll(async () => {
  await postgres?.stop();
});

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe("on PostgreSQL", () => {
  it("answers /healthz 503 while the database is down and 200 once it is back", async () => {
    const databaseUrl = await postgres.createDatabase();
    const server = await startServer({ DATABASE_URL: databaseUrl });
    try {
      expect(await healthStatus(server.url)).toBe(200);

      await postgres.pause();
      const down = await fetch(`${server.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "error", database: "unreachable" });
      // The rest of the server keeps answering what needs no database.
      expect((await fetch(`${server.url}/favicon.svg`)).status).toBe(200);

      await postgres.resume();
      await waitFor(async () => (await healthStatus(server.url)) === 200, {
        what: "/healthz to recover",
        timeoutMs: 60_000,
      });
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok", database: "ok" });
    } finally {
      const exit = await server.stop();
      expect(exit.code).toBe(0);
    }
  }, 180_000);

  async function startExpectingFailure(databaseUrl: string) {
    const port = await freePort();
    const server = spawnServer(
      cleanEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: databaseUrl }),
      port,
    );
    const exit = await server.exited;
    // What it wrote to stderr: the message of each JSON line.
    const stderr = server
      .stderr()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => String((JSON.parse(line) as { msg: unknown }).msg))
      .join("\n");
    return { exit, stderr, stdout: server.stdout() };
  }

  it("stops start-up with a clear message when a migration fails", async () => {
    const databaseUrl = await postgres.createDatabase();
    // A table of that name, but not ours: the first migration cannot create it.
    await sql(databaseUrl, "CREATE TABLE centre (code text PRIMARY KEY)");

    const { exit, stderr, stdout } = await startExpectingFailure(databaseUrl);
    expect(exit.code).toBe(1);
    expect(stderr).toMatch(
      /Start-up stopped: Database migration failed at migration \d{8}T\d{4}_\w+: relation "centre" already exists/,
    );
    expect(stdout).not.toContain('"listening"');
    // The failed migration left nothing half-done behind.
    const tables = await sql(databaseUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.rows.map((r: { tablename: string }) => r.tablename)).not.toContain("app_user");
  }, 120_000);

  it("stops start-up when the database was migrated by a version of the app it does not know", async () => {
    const databaseUrl = await postgres.createDatabase();
    await sql(
      databaseUrl,
      'CREATE TABLE kysely_migration (name varchar(255) PRIMARY KEY, "timestamp" varchar(255) NOT NULL)',
    );
    await sql(
      databaseUrl,
      "INSERT INTO kysely_migration VALUES ('20990101T0000_from_the_future', '2099-01-01T00:00:00.000Z')",
    );

    const { exit, stderr } = await startExpectingFailure(databaseUrl);
    expect(exit.code).toBe(1);
    expect(stderr).toContain("Start-up stopped: Database migration failed");
    expect(stderr).toContain("20990101T0000_from_the_future");
  }, 120_000);
});
