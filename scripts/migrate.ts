// npm run db:migrate            applies every pending migration
// npm run db:migrate -- --down  rolls the latest one back
import type { Kysely } from "kysely";
import { migrateDown, migrateToLatest } from "#db/migrate.server";
import { openDatabase, runScript } from "./database";

runScript(async () => {
  const down = process.argv.slice(2).includes("--down");
  const { handle } = await openDatabase();
  try {
    const db = handle.db as Kysely<unknown>;
    if (down) {
      const rolledBack = await migrateDown(db);
      console.log(rolledBack.length ? `Rolled back: ${rolledBack.join(", ")}` : "No migration to roll back.");
    } else {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
    }
  } finally {
    await handle.close();
  }
});
