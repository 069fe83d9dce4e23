// /healthz at the loader level: 200 after a round trip, 503 once the database is closed.
// (tests/integration/server-postgres.test.ts stops a real PostgreSQL server under a running app.)
import { expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { startDatabase, stopDatabase } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { call } from "../setup/requests";

useTestDatabase();

it("answers 503 while the database is closed and 200 once it is open again", async () => {
  const ok = (await call(loader, "/healthz")) as Response;
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ status: "ok", database: "ok" });

  await stopDatabase();
  const down = (await call(loader, "/healthz")) as Response;
  expect(down.status).toBe(503);
  expect(down.headers.get("Cache-Control")).toBe("no-store");
  expect(await down.json()).toEqual({ status: "error", database: "unreachable" });

  await startDatabase();
  const back = (await call(loader, "/healthz")) as Response;
  expect(back.status).toBe(200);
});
