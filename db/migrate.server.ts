import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations";

export class MigrationError extends Error {}

function migrator(db: Kysely<unknown>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet, what: string): string[] {
  if (result.error) {
    // No failed migration when the database is unreachable or its history is not ours.
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Database ${what} failed${failed ? ` at migration ${failed}` : ""}: ${reason}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; throws MigrationError naming the one that failed. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest(), "migration");
}

export async function migrateDown(db: Kysely<unknown>): Promise<string[]> {
  return check(await migrator(db).migrateDown(), "rollback");
}
