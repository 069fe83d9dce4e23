// Event registration under real concurrency, on a real PostgreSQL server over HTTP (PGlite is
// one connection, so a race there proves nothing): two people take an event's last seat at the
// same moment, round after round; and a cancellation races a new registration.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/schema";
import { postForm, signedInFounders, usePostgresApp } from "../setup/postgres-app";

const app = usePostgresApp();

/** An event outside the centre a week ahead, with `capacity` seats. */
async function createEvent(database: Kysely<Database>, centreId: number, capacity: number) {
  const start = DateTime.now().plus({ days: 7 }).startOf("hour");
  const row = await database
    .insertInto("event")
    .values({
      centre_id: centreId,
      kind: "training",
      title_vi: `Tập huấn đua ${randomUUID().slice(0, 6)}`,
      title_en: "Race training",
      starts_at: start.toJSDate(),
      ends_at: start.plus({ hours: 2 }).toJSDate(),
      resource_id: null,
      booking_id: null,
      venue_text: "Hội trường tỉnh",
      capacity,
      audiences: ["founders", "public"],
      programme_id: null,
      created_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function statuses(database: Kysely<Database>, eventId: string) {
  return database
    .selectFrom("event_registration")
    .select(["user_id", "guest_email", "status"])
    .where("event_id", "=", eventId)
    .orderBy("queue_order")
    .execute();
}

describe("two people take the last seat at once", () => {
  it("each round, one gets the seat and the other the waitlist; never more registered than seats", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    for (let round = 0; round < 6; round++) {
      // Three seats, two already taken: the third is the last.
      const eventId = await createEvent(database, centre.id, 3);
      const people = await signedInFounders(database, centre.id, `seat-${randomUUID().slice(0, 6)}`, 4);
      for (const early of people.slice(0, 2)) {
        expect(
          (await postForm(`${app.server.url}/events/${eventId}`, early.cookie, { intent: "register" })).status,
        ).toBe(302);
      }
      const racers = people.slice(2);
      // Odd rounds race a member against a guest without an account.
      const responses = await Promise.all(
        round % 2 === 0
          ? racers.map((p) => postForm(`${app.server.url}/events/${eventId}`, p.cookie, { intent: "register" }))
          : [
              postForm(`${app.server.url}/events/${eventId}`, racers[0]!.cookie, { intent: "register" }),
              postForm(`${app.server.url}/events/${eventId}`, "", {
                intent: "guest",
                name: "Khách đua",
                organisation: "",
                email: `khach-${randomUUID().slice(0, 6)}@example.vn`,
                phone: "0912 345 678",
                audience: "public",
              }),
            ],
      );
      expect(responses.map((r) => r.status)).toEqual([302, 302]);
      const outcomes = responses.map((r) => /done=(\w+)/.exec(r.location ?? "")?.[1]).sort();
      expect(outcomes).toEqual(["registered", "waitlisted"]);
      const rows = await statuses(database, eventId);
      expect(rows.filter((r) => r.status === "registered")).toHaveLength(3);
      expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(1);
      // Each racer was told what they got: one confirmation, one waitlist message, per round.
      const messages = await database
        .selectFrom("outbox")
        .select("kind")
        .where("text_body", "like", `%/events/${eventId}%`)
        .execute();
      expect(messages.filter((m) => m.kind === "event.registered")).toHaveLength(3);
      expect(messages.filter((m) => m.kind === "event.waitlisted")).toHaveLength(1);
    }
  }, 180_000);

  it("a cancellation racing a new registration: the person already waiting gets the seat, the newcomer waits", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    for (let round = 0; round < 4; round++) {
      const eventId = await createEvent(database, centre.id, 1);
      const [holder, waiting, newcomer] = await signedInFounders(
        database,
        centre.id,
        `swap-${randomUUID().slice(0, 6)}`,
        3,
      );
      await postForm(`${app.server.url}/events/${eventId}`, holder!.cookie, { intent: "register" });
      await postForm(`${app.server.url}/events/${eventId}`, waiting!.cookie, { intent: "register" });
      const responses = await Promise.all([
        postForm(`${app.server.url}/events/${eventId}`, holder!.cookie, { intent: "cancel" }),
        postForm(`${app.server.url}/events/${eventId}`, newcomer!.cookie, { intent: "register" }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([302, 302]);
      const rows = await statuses(database, eventId);
      const statusOf = (userId: string) => rows.find((r) => r.user_id === userId)?.status;
      expect(statusOf(holder!.userId)).toBe("cancelled");
      expect(statusOf(waiting!.userId)).toBe("registered");
      expect(statusOf(newcomer!.userId)).toBe("waitlisted");
    }
  }, 180_000);
});
