// Shared by the database scripts: the database the app would use (DATABASE_URL, else
// PGlite in PGLITE_DATA_DIR) and a plain-text failure report for people at a terminal.
import { connectDatabase, type DatabaseHandle } from "#db/connect.server";
import { getEnv, type Env } from "~/utils/env.server";

/** Where the data lives, with any password in the URL hidden. */
export function describeDatabase(env: Env): string {
  if (!env.DATABASE_URL) return `PGlite in ${env.PGLITE_DATA_DIR}`;
  const url = new URL(env.DATABASE_URL);
  if (url.password) url.password = "***";
  return `PostgreSQL at ${url.toString()}`;
}

export async function openDatabase(): Promise<{ env: Env; handle: DatabaseHandle }> {
  const env = getEnv();
  const handle = await connectDatabase({
    databaseUrl: env.DATABASE_URL,
    poolSize: 2,
    pgliteDataDir: env.PGLITE_DATA_DIR,
  });
  console.log(`Database: ${describeDatabase(env)}`);
  return { env, handle };
}

/** Runs a script's body; any failure is printed without a stack trace and exits 1. */
export function runScript(body: () => Promise<void>): void {
  body().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
