import type { Kysely } from "kysely";
import { connectDatabase, type DatabaseHandle } from "#db/connect.server";
import { migrateToLatest } from "#db/migrate.server";
import type { Database } from "#db/schema";
import { seedDemoData, isDatabaseEmpty } from "#db/seed/demo.server";
import { getEnv, type Env } from "./env.server";

// One Kysely instance per process. Kept on globalThis so `remix dev` rebuilds reuse it.
const state = globalThis as typeof globalThis & { __sonlaDatabase?: DatabaseHandle };

export function db(): Kysely<Database> {
  const handle = state.__sonlaDatabase;
  if (!handle) throw new Error("The database has not been started (call startDatabase first).");
  return handle.db;
}

export function databaseKind() {
  return state.__sonlaDatabase?.kind;
}

export interface StartReport {
  kind: DatabaseHandle["kind"];
  applied: string[];
  seeded: boolean;
}

/** Connects, applies pending migrations and, on an empty database, loads the demo data. */
export async function startDatabase(env: Env = getEnv()): Promise<StartReport> {
  if (state.__sonlaDatabase) return { kind: state.__sonlaDatabase.kind, applied: [], seeded: false };
  const handle = await connectDatabase({
    databaseUrl: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    pgliteDataDir: env.PGLITE_DATA_DIR,
  });
  try {
    const applied = await migrateToLatest(handle.db as Kysely<unknown>);
    let seeded = false;
    if (env.SEED_DEMO_DATA === "always" || (env.SEED_DEMO_DATA === "auto" && (await isDatabaseEmpty(handle.db)))) {
      await seedDemoData(handle.db);
      seeded = true;
    }
    state.__sonlaDatabase = handle;
    return { kind: handle.kind, applied, seeded };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

export async function stopDatabase(): Promise<void> {
  const handle = state.__sonlaDatabase;
  state.__sonlaDatabase = undefined;
  if (handle) await handle.close();
}
