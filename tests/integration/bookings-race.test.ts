// The race on a real PostgreSQL server over HTTP: 50 founders ask for the same desk and
// half day at once; the exclusion constraint lets exactly one through, and every other
// request gets a clear refusal in its language, never a 500.
import { describe, expect, it } from "vitest";
import { translate } from "~/i18n/translate";
import { openWeekdays, postForm, signedInFounders, raceResource, usePostgresApp } from "../setup/postgres-app";

const PEOPLE = 50;

const app = usePostgresApp();
// What the race left behind, for the page checks after it.
let race: { deskId: string; date: string; winner: string; loser: string; bookingId: string } | null = null;

describe("50 concurrent bookings of one desk and half day", () => {
  it("give exactly 1 booking and 49 clear refusals", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const deskId = await raceResource(database, centre.id, {
      code: "RACE-01",
      kind: "hot_desk",
      name_vi: "Bàn đua",
      name_en: "Race desk",
      capacity: 1,
      price_half_day_vnd: 0,
      price_day_vnd: 0,
    });
    const cookies = (await signedInFounders(database, centre.id, "race", PEOPLE)).map((p) => p.cookie);
    const date = (await openWeekdays(database, centre.id, 1))[0]!;

    const responses = await Promise.all(
      cookies.map((cookie) =>
        postForm(`${app.server.url}/bookings/new`, cookie, { resource: deskId, date, part: "morning" }),
      ),
    );

    const booked = responses.filter((r) => r.status === 302);
    const refused = responses.filter((r) => r.status >= 400 && r.status < 500);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(booked).toHaveLength(1);
    expect(booked[0]!.location).toBe("/bookings?notice=booked");
    expect(refused).toHaveLength(PEOPLE - 1);
    const message = translate("vi", "bookings.error.taken");
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body).toContain(message);
    }

    const active = await database
      .selectFrom("booking")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("resource_id", "=", deskId)
      .where("status", "in", ["held", "confirmed", "checked_in"])
      .executeTakeFirstOrThrow();
    expect(Number(active.n)).toBe(1);
    const all = await database
      .selectFrom("booking")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("resource_id", "=", deskId)
      .executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(1);

    const winner = cookies[responses.indexOf(booked[0]!)]!;
    const loser = cookies.find((c) => c !== winner)!;
    const row = await database
      .selectFrom("booking")
      .select("id")
      .where("resource_id", "=", deskId)
      .executeTakeFirstOrThrow();
    race = { deskId, date, winner, loser, bookingId: row.id };
  }, 120_000);

  it("the booking pages render on the built server", async () => {
    expect(race).not.toBeNull();
    const { deskId, date, winner, loser, bookingId } = race!;
    const get = async (path: string, cookie: string) => {
      const response = await fetch(`${app.server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      return { status: response.status, body: await response.text() };
    };
    const t = (key: Parameters<typeof translate>[1]) => translate("vi", key);

    const mine = await get("/bookings", winner);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain("RACE-01");
    expect(mine.body).toContain(t("bookings.part.morning"));
    expect((await get(`/bookings/${bookingId}`, winner)).status).toBe(200);
    expect((await get(`/bookings/${bookingId}`, loser)).status).toBe(404);

    const form = await get(`/bookings/new?resource=${deskId}&date=${date}&part=afternoon`, loser);
    expect(form.status).toBe(200);
    expect(form.body).toContain(t("bookings.price.free"));
    expect(form.body).toContain(t("bookings.new.confirm"));
    const past = await get(`/bookings/new?resource=${deskId}&date=2020-01-06&part=afternoon`, loser);
    expect(past.status).toBe(400);
    expect(past.body).toContain(t("bookings.error.in_past"));

    const qr = await get("/check-in/RACE-01", loser);
    expect(qr.status).toBe(404);
    expect(qr.body).toContain(t("bookings.error.no_booking_here").slice(0, 30));
  }, 60_000);
});

describe("one founder asking for 12 desks at once", () => {
  it("gets exactly their weekly free desk-days, and the rest refused as over the quota", async () => {
    const { database } = app;
    const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const floor = await database
      .insertInto("floor")
      .values({ centre_id: centre.id, code: "QUOTA", name_vi: "Tầng hạn mức", name_en: "Quota floor" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const desks = await database
      .insertInto("resource")
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          centre_id: centre.id,
          floor_id: floor.id,
          code: `QUOTA-${String(i + 1).padStart(2, "0")}`,
          kind: "hot_desk" as const,
          name_vi: `Bàn hạn mức ${i + 1}`,
          name_en: `Quota desk ${i + 1}`,
          capacity: 1,
          price_half_day_vnd: 0,
          price_day_vnd: 0,
          plan_x: i * 10,
          plan_y: 0,
          plan_width: 10,
          plan_height: 10,
        })),
      )
      .returning("id")
      .execute();
    // Two free desk-days a week: four half days.
    await database.updateTable("booking_policy").set({ free_desk_days_per_person_week: 2 }).execute();
    const [founder] = await signedInFounders(database, centre.id, "quota-race", 1);
    // The free desk-days are an incubated team's founders' (decision 015).
    const team = await database
      .insertInto("team")
      .values({
        centre_id: centre.id,
        name: "Quota race team",
        status: "incubating",
        incubation_starts_on: "2026-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.insertInto("team_member").values({ team_id: team.id, user_id: founder!.userId }).execute();
    const date = (await openWeekdays(database, centre.id, 1))[0]!;

    const responses = await Promise.all(
      desks.map((desk) =>
        postForm(`${app.server.url}/bookings/new`, founder!.cookie, { resource: desk.id, date, part: "morning" }),
      ),
    );

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.filter((r) => r.status === 302)).toHaveLength(4);
    const refused = responses.filter((r) => r.status !== 302);
    expect(refused).toHaveLength(8);
    const message = translate("vi", "bookings.error.quota_person", { max: 2 });
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body).toContain(message);
    }
    const held = await database
      .selectFrom("booking")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", founder!.userId)
      .where("status", "=", "confirmed")
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(4);
  }, 120_000);
});
