// A closure and a booking of the same time at once, on a real PostgreSQL server (PGlite has
// one connection, so nothing there runs at once). To interleave them deterministically a
// third connection holds the centre's row: both transactions write rows that reference it,
// so each stops at its insert until the row is released, after it has taken its own locks.
// Whichever order they meet in, the closure never stands over an active booking.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookResource } from "~/features/bookings/book-resource.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { closeTime } from "~/features/spaces/close-time.server";
import { db, stopDatabase } from "~/utils/database.server";
import { startPostgres, type ThrowawayPostgres } from "../../scripts/postgres";
import { countBookings, createResource, iso, openWeek, ZONE } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";

let postgres: ThrowawayPostgres | null = null;

// Under `npm run test:postgres` the runner's server is used; otherwise a throwaway one.
beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) return;
  postgres = await startPostgres();
  process.env.TEST_DATABASE_URL = postgres.url();
}, 120_000);
useTestDatabase();
afterAll(async () => {
  if (!postgres) return;
  // The app's pool closes before its server goes.
  await stopDatabase();
  delete process.env.TEST_DATABASE_URL;
  await postgres.stop();
});

/** Waits until `count` sessions of this database are waiting for a lock. */
async function waitForLockWaits(client: pg.Client, count: number) {
  for (let i = 0; i < 400; i++) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (Number(rows[0]?.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions waiting for a lock`);
}

/**
 * Holds the centre's row until `release` is called. Another connection watches the waits:
 * inside a transaction pg_stat_activity would show one snapshot.
 */
async function holdCentreRow(centreId: number) {
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([holder.connect(), watcher.connect()]);
  await holder.query("BEGIN");
  await holder.query("SELECT id FROM centre WHERE id = $1 FOR UPDATE", [centreId]);
  let released = false;
  return {
    waitFor: (count: number) => waitForLockWaits(watcher, count),
    release: async () => {
      if (released) return;
      released = true;
      await holder.query("COMMIT");
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}

async function setting() {
  const centre = await requireCurrentCentre();
  const desk = await createResource("hot_desk");
  const founder = await createUser("founder");
  const staff = await createUser("staff");
  const date = iso((await openWeek()).plus({ days: 2 }));
  const closure = {
    centreId: centre.id,
    zone: ZONE,
    actor: staff.user,
    form: {
      scope: desk.id,
      kind: "maintenance" as const,
      reasonVi: `Bảo trì ${randomUUID().slice(0, 6)}`,
      reasonEn: "Maintenance",
      startsAt: `${date}T07:00`,
      endsAt: `${date}T12:00`,
      shown: [],
    },
  };
  return { centre, desk, founder, date, closure };
}

describe("a closure and a booking of the same time at once, on PostgreSQL", () => {
  it("a booking that waits behind the closure sees it and is refused", async () => {
    const { centre, desk, founder, date, closure } = await setting();
    const row = await holdCentreRow(centre.id);
    let closing: ReturnType<typeof closeTime> | undefined;
    let booking: ReturnType<typeof bookResource> | undefined;
    try {
      closing = closeTime(db(), closure);
      await row.waitFor(1);
      booking = bookResource(db(), founder.user, { resourceId: desk.id, date, part: "morning" });
      await row.waitFor(2);
    } finally {
      await row.release();
    }

    expect(await closing).toMatchObject({ outcome: "closed", cancelled: 0 });
    expect(await booking).toMatchObject({ ok: false, code: "closed" });
    expect(await countBookings(desk.id)).toBe(0);
  });

  it("a closure that waits behind the booking shows it instead of saving", async () => {
    const { centre, desk, founder, date, closure } = await setting();
    const row = await holdCentreRow(centre.id);
    let closing: ReturnType<typeof closeTime> | undefined;
    let booking: ReturnType<typeof bookResource> | undefined;
    try {
      booking = bookResource(db(), founder.user, { resourceId: desk.id, date, part: "morning" });
      await row.waitFor(1);
      closing = closeTime(db(), closure);
      await row.waitFor(2);
    } finally {
      await row.release();
    }

    expect(await booking).toMatchObject({ ok: true });
    const result = await closing;
    expect(result?.outcome).toBe("confirm");
    expect(await countBookings(desk.id, ["confirmed"])).toBe(1);
    const closures = await db().selectFrom("closure").select("id").where("resource_id", "=", desk.id).execute();
    expect(closures).toEqual([]);
  });
});
