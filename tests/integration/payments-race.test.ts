// Two people start paying for the last free slot of a room at the same moment, on a real
// PostgreSQL server over HTTP (PGlite is one connection, so a race there proves nothing).
// Round after round, exactly one of them gets the slot held for payment and is sent to its
// pay page; the other is told at once, in their own language, that it is taken — never two
// holds, never a 500.
import { describe, expect, it } from "vitest";
import { translate } from "~/i18n/translate";
import { openWeekdays, postForm, signedInFounders, raceResource, usePostgresApp } from "../setup/postgres-app";

const ROUNDS = 6;
const PRICE = 120_000;

const app = usePostgresApp();

describe("two people paying for the last free slot at once", () => {
  it(`one holds it and the other is told it is taken, ${ROUNDS} rounds`, async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const roomId = await raceResource(database, centre.id, {
      code: "PAYRACE-01",
      kind: "meeting_room",
      name_vi: "Phòng đua",
      name_en: "Race room",
      capacity: 6,
      price_hour_vnd: PRICE,
    });
    // Members of no incubated team: they pay for rooms. One reads Vietnamese, one English.
    const [vi, en] = await signedInFounders(database, centre.id, "pay-race", 2);
    await database.updateTable("app_user").set({ locale: "en" }).where("id", "=", en!.userId).execute();
    const people = [
      { ...vi!, taken: translate("vi", "bookings.error.taken") },
      { ...en!, taken: translate("en", "bookings.error.taken") },
    ];
    const [date] = await openWeekdays(database, centre.id, 1);

    for (let round = 0; round < ROUNDS; round++) {
      // Each round is the last free hour: 08:00, 09:00 … of the same day.
      const start = `${String(8 + round).padStart(2, "0")}:00`;
      const form = { resource: roomId, date: date!, start, minutes: "60", people: "2" };
      const responses = await Promise.all(
        people.map((p) => postForm(`${app.server.url}/bookings/new`, p.cookie, form)),
      );

      expect(
        responses.filter((r) => r.status >= 500),
        `round ${round}`,
      ).toEqual([]);
      const held = responses.filter((r) => r.status === 302 || r.status === 303);
      expect(held, `round ${round}`).toHaveLength(1);
      expect(held[0]!.location).toMatch(/^\/bookings\/[0-9a-f-]{36}\/pay$/);
      const loserIndex = responses.findIndex((r) => r !== held[0]);
      const loser = responses[loserIndex]!;
      expect(loser.status, `round ${round}`).toBe(409);
      expect(loser.body).toContain(people[loserIndex]!.taken);

      const bookings = await database
        .selectFrom("booking")
        .leftJoin("payment", "payment.id", "booking.payment_id")
        .select([
          "booking.id",
          "booking.status",
          "booking.user_id",
          "payment.status as payment_status",
          "payment.amount_vnd",
        ])
        .where("booking.resource_id", "=", roomId)
        .where("booking.starts_at", "=", new Date(`${date}T${start}:00+07:00`))
        .execute();
      expect(bookings, `round ${round}`).toHaveLength(1);
      expect(bookings[0]).toMatchObject({ status: "held", payment_status: "pending", amount_vnd: PRICE });
      expect(held[0]!.location).toBe(`/bookings/${bookings[0]!.id}/pay`);
    }

    // Holds, not confirmations: nobody was told "confirmed" before paying.
    const payments = await database
      .selectFrom("payment")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where(
        "user_id",
        "in",
        people.map((p) => p.userId),
      )
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow();
    expect(Number(payments.n)).toBe(ROUNDS);
  }, 180_000);
});
