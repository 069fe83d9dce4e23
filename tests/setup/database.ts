import { afterAll, beforeAll } from "vitest";
import { startDatabase, stopDatabase } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";

/**
 * Opens the test database (PGlite in memory, or PostgreSQL under test:postgres), migrated
 * and seeded with the demo data, for the whole file. Tests share it: give every row a
 * unique name (see factories) instead of expecting an empty table.
 */
export function useTestDatabase() {
  beforeAll(async () => {
    resetEnvCache();
    await startDatabase();
  });
  afterAll(async () => {
    await stopDatabase();
  });
}
