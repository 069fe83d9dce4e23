import { afterAll, beforeAll } from "vitest";
import { startDatabase, stopDatabase } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";
import { createDatabaseAt } from "../../scripts/postgres";

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
    if (server) process.env.DATABASE_URL = await createDatabaseAt(server, uniqueName("test"));
    resetEnvCache();
    await startDatabase();
  });
  afterAll(async () => {
    await stopDatabase();
  });
}

/** A database name no other test file or server of this run uses. */
function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
}
