import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  poolSize?: number;
  pgliteDataDir?: string;
}

// DATE columns stay "yyyy-MM-dd" strings: a JS Date would shift them by the server's zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

// A query whose text carries `/* prepare:<name> */` runs as a named prepared statement: the
// server parses and plans it once per connection instead of on every call. Kept for the hot,
// fixed-text statements whose planning costs as much as running them (decision 019).
const PREPARE_MARK = /\/\* prepare:([a-z_]+) \*\//;

function prepareMarkedStatements(client: pg.PoolClient): void {
  const plain = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  client.query = ((text: unknown, ...rest: unknown[]) => {
    if (typeof text === "string") {
      const mark = PREPARE_MARK.exec(text);
      if (mark) {
        // One name per distinct text: a statement built with another shape gets its own.
        let name = names.get(text);
        if (!name) {
          name = `${mark[1]}_${names.size}`;
          names.set(text, name);
        }
        return plain({ name, text, values: rest[0] }, ...rest.slice(1));
      }
    }
    return plain(text, ...rest);
  }) as typeof client.query;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server must not crash the process; queries report it.
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    pool.on("connect", prepareMarkedStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { PGliteDialect } = await import("kysely-pglite-dialect");
  const dataDir = options.pgliteDataDir ?? "./data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    extensions: { btree_gist },
    parsers: { [DATE_OID]: (value: string) => value },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
