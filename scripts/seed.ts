// npm run db:seed — migrates, then loads the demo data of the Sơn La Innovation Centre.
// Every row is inserted only when missing, so running it again changes nothing.
import type { Kysely } from "kysely";
import { migrateToLatest } from "#db/migrate.server";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "#db/seed/demo.server";
import { openDatabase, runScript } from "./database";

runScript(async () => {
  const { handle } = await openDatabase();
  try {
    const applied = await migrateToLatest(handle.db as Kysely<unknown>);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    await seedDemoData(handle.db);
    console.log(`Demo data in place. Every demo account's password is ${DEMO_PASSWORD}:`);
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
  } finally {
    await handle.close();
  }
});
