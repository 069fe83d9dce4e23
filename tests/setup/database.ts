import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startDatabase, stopDatabase } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";

/**
 * Opens the test database (PGlite in memory, or under test:postgres a fresh database of its
 * own on the throwaway PostgreSQL server), migrated and seeded with the demo data, for the
 * whole file. Files never share a database, so one file's outbox worker or floors cannot
 * disturb another's; tests inside a file do share it: give every row a unique name (see
 * factories) instead of expecting an empty table.
 */
export function useTestDatabase() {
  beforeAll(async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (server) process.env.DATABASE_URL = await createFileDatabase(server);
    resetEnvCache();
    await startDatabase();
  });
  afterAll(async () => {
    await stopDatabase();
  });
}

let counter = 0;

async function createFileDatabase(serverUrl: string): Promise<string> {
  const name = `test_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
