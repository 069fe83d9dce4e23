import { describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { markPaid } from "~/features/payments/ledger.server";
import { action as newAction, loader as newLoader } from "~/routes/bookings.new";
import { loader as listLoader } from "~/routes/bookings._index";
import { loader as detailLoader } from "~/routes/bookings.$bookingId";
import { db } from "~/utils/database.server";
import { countBookings, createIncubatingTeam, createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Refused = {
  refusal: { code: string; alternatives?: Array<{ code: string; part: string | null; start?: string | null }> };
};

async function book(cookie: string, form: Record<string, string>) {
  return call(newAction, "/bookings/new", { cookie, form });
}

async function html(result: unknown): Promise<string> {
  return result instanceof Response ? result.text() : JSON.stringify(dataOf(result));
}

describe("booking a desk and a room", () => {
  it("shows the choice with its price, holds it until paid, then lists it with a confirmation message", async () => {
    const desk = await createResource("hot_desk", { price_half_day_vnd: 50_000 });
    const { user, cookie } = await createUser("founder");
    const date = iso((await openWeek()).plus({ days: 1 }));
    const query = `/bookings/new?resource=${desk.id}&date=${date}&part=morning`;

    const preview = dataOf<{ preview: { time: string; price: number; date: string } }>(
      await call(newLoader, query, { cookie }),
    );
    expect(preview.preview).toMatchObject({ time: "07:30–12:00", price: 50_000 });
    expect(preview.preview.date).toBe(`${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`);

    // A founder outside an incubated team pays (decision 015): the slot is held and the
    // person lands on its pay page; the confirmation waits for the money.
    const response = (await book(cookie, { resource: desk.id, date, part: "morning" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/bookings\/[0-9a-f-]{36}\/pay$/);
    const held = await db()
      .selectFrom("booking")
      .selectAll()
      .where("resource_id", "=", desk.id)
      .executeTakeFirstOrThrow();
    expect([held.status, held.price_vnd]).toEqual(["held", 50_000]);
    await db()
      .transaction()
      .execute((trx) => markPaid(trx, held.payment_id!, { method: "cash", amountVnd: 50_000, currency: "VND" }));

    const list = dataOf<{ upcoming: Array<{ code: string; part: string; start: string; status: string }> }>(
      await call(listLoader, "/bookings", { cookie }),
    );
    expect(list.upcoming).toEqual([
      expect.objectContaining({ code: desk.code, part: "morning", start: "07:30", status: "confirmed" }),
    ]);

    const message = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", user.email)
      .where("kind", "=", "booking.confirmed")
      .executeTakeFirstOrThrow();
    expect(message.subject).toContain(desk.code);
    expect(message.text_body).toContain("Buổi sáng");
    expect(message.text_body).toContain("50.000 ₫");
  });

  it("books a room by 30-minute slots, in the person's language", async () => {
    const room = await createResource("meeting_room", { capacity: 6 });
    const { user, cookie } = await createUser("founder");
    // An incubated team's founder uses rooms free (decision 015).
    await createIncubatingTeam(user.id);
    await db().updateTable("app_user").set({ locale: "en" }).where("id", "=", user.id).execute();
    const date = iso((await openWeek()).plus({ days: 3 }));
    const response = await book(cookie, { resource: room.id, date, start: "14:00", minutes: "90", people: "6" });
    expect(statusOf(response)).toBe(302);
    const row = await db()
      .selectFrom("booking")
      .selectAll()
      .where("resource_id", "=", room.id)
      .executeTakeFirstOrThrow();
    expect(row.ends_at.getTime() - row.starts_at.getTime()).toBe(90 * 60_000);
    expect([row.status, row.price_vnd]).toEqual(["confirmed", 0]);
    expect(row.day_part).toBeNull();
    const message = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", user.email)
      .executeTakeFirstOrThrow();
    expect(message.subject).toMatch(/^Booking confirmed/);
    expect(message.text_body).toContain("14:00–15:30");
  });
});

describe("double booking", () => {
  it("refuses the second booking of a desk with 409, a clear message and free alternatives", async () => {
    const desk = await createResource("hot_desk");
    const other = await createResource("hot_desk");
    const first = await createUser("founder");
    const second = await createUser("founder");
    const date = iso(await openWeek());
    expect(statusOf(await book(first.cookie, { resource: desk.id, date, part: "afternoon" }))).toBe(302);

    // A full day overlaps the afternoon (containment).
    const refused = await book(second.cookie, { resource: desk.id, date, part: "day" });
    expect(statusOf(refused)).toBe(409);
    const body = dataOf<Refused>(refused);
    expect(body.refusal.code).toBe("taken");
    const alternatives = body.refusal.alternatives ?? [];
    expect(alternatives).toContainEqual(expect.objectContaining({ code: desk.code, part: "morning" }));
    // Other desks of the same kind at the same time (the demo desks may come first).
    expect(alternatives.some((a) => a.code !== desk.code && a.part === "day")).toBe(true);
    void other;
    expect(await countBookings(desk.id)).toBe(1);

    // The morning only touches the afternoon at midday: allowed.
    expect(statusOf(await book(second.cookie, { resource: desk.id, date, part: "morning" }))).toBe(302);
  });
});

describe("double booking of a room", () => {
  it("refuses an overlapping slot and offers the nearest free slots of the same room", async () => {
    const room = await createResource("meeting_room", { capacity: 4 });
    const first = await createUser("founder");
    const second = await createUser("founder");
    const date = iso((await openWeek()).plus({ days: 2 }));
    const slot = { resource: room.id, date, minutes: "60", people: "2" };
    expect(statusOf(await book(first.cookie, { ...slot, start: "10:00" }))).toBe(302);

    // 10:30–11:30 overlaps 10:00–11:00 partly; 11:00–12:00 only touches it.
    const refused = await book(second.cookie, { ...slot, start: "10:30" });
    expect(statusOf(refused)).toBe(409);
    const alternatives = dataOf<Refused>(refused).refusal.alternatives ?? [];
    const sameRoom = alternatives.filter((a) => a.code === room.code).map((a) => a.start);
    // Nearest first: 30 minutes either side, then 60, then 90.
    expect(sameRoom).toEqual(["11:00", "11:30", "09:00"]);
    expect(statusOf(await book(second.cookie, { ...slot, start: "11:00" }))).toBe(302);
    expect(await countBookings(room.id)).toBe(2);
  });
});

describe("bad input is refused and changes nothing", () => {
  it("each impossible choice gets a 4xx with its reason", async () => {
    const desk = await createResource("hot_desk");
    const room = await createResource("meeting_room", { capacity: 4 });
    const { cookie } = await createUser("founder");
    const monday = await openWeek();
    const date = iso(monday);
    const sunday = iso(monday.plus({ days: 6 }));
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ resource: desk.id, date: "2026-02-30", part: "day" }, 400, "invalid_date"],
      [{ resource: desk.id, date: "hôm nay", part: "day" }, 400, "invalid_date"],
      [{ resource: desk.id, date, part: "evening" }, 400, "invalid_part"],
      [{ resource: desk.id, date, part: "" }, 400, "invalid_part"],
      [{ resource: desk.id, date: sunday, part: "morning" }, 400, "closed_day"],
      [{ resource: desk.id, date: iso(monday.plus({ days: 5 })), part: "afternoon" }, 400, "outside_hours"],
      [{ resource: desk.id, date: "2020-01-06", part: "day" }, 400, "in_past"],
      [{ resource: desk.id, date: iso(monday.plus({ days: 60 })), part: "day" }, 400, "too_far_ahead"],
      [{ resource: room.id, date, start: "14:15", minutes: "60", people: "2" }, 400, "not_on_slot"],
      [{ resource: room.id, date, start: "25:00", minutes: "60", people: "2" }, 400, "invalid_time"],
      [{ resource: room.id, date, start: "16:00", minutes: "120", people: "2" }, 400, "outside_hours"],
      [{ resource: room.id, date, start: "14:00", minutes: "-30", people: "2" }, 400, "invalid_minutes"],
      [{ resource: room.id, date, start: "14:00", minutes: "abc", people: "2" }, 400, "invalid_minutes"],
      [{ resource: room.id, date, start: "08:00", minutes: "300", people: "2" }, 400, "too_long"],
      [{ resource: room.id, date, start: "14:00", minutes: "60", people: "5" }, 400, "over_capacity"],
      [{ resource: room.id, date, start: "14:00", minutes: "60", people: "0" }, 400, "over_capacity"],
      [{ resource: room.id, date, part: "morning" }, 400, "invalid_time"],
      [{ resource: "not-a-uuid", date, part: "day" }, 404, "unknown_resource"],
      [{ resource: "00000000-0000-4000-8000-000000000000", date, part: "day" }, 404, "unknown_resource"],
    ];
    for (const [form, status, code] of cases) {
      const result = await book(cookie, form);
      expect({ form, status: statusOf(result), code: dataOf<Refused>(result).refusal.code }).toEqual({
        form,
        status,
        code,
      });
      // The GET preview refuses the same way.
      const preview = await call(newLoader, `/bookings/new?${new URLSearchParams(form).toString()}`, { cookie });
      expect(statusOf(preview)).toBe(status);
    }
    expect(await countBookings(desk.id)).toBe(0);
    expect(await countBookings(room.id)).toBe(0);
  });

  it("refuses a desk that is not sold by the half day", async () => {
    const desk = await createResource("hot_desk", { price_half_day_vnd: null });
    const { cookie } = await createUser("founder");
    const result = await book(cookie, { resource: desk.id, date: iso(await openWeek()), part: "morning" });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Refused>(result).refusal.code).toBe("not_sold");
  });

  it("the preview refuses a past date with 400 and its reason", async () => {
    const { cookie } = await createUser("founder");
    const desk = await createResource("hot_desk");
    const result = await call(newLoader, `/bookings/new?resource=${desk.id}&date=2020-01-06&part=day`, { cookie });
    expect(statusOf(result)).toBe(400);
    expect(await html(result)).toContain("in_past");
  });
});

describe("who may book", () => {
  it("a visitor is sent to sign in; audiences are enforced with 403", async () => {
    const desk = await createResource("hot_desk", { audience: "incubated_teams" });
    const date = iso(await openWeek());
    const visitor = (await call(newLoader, `/bookings/new?resource=${desk.id}&date=${date}&part=day`)) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);

    const founder = await createUser("founder");
    const mentor = await createUser("mentor");
    for (const { cookie } of [founder, mentor]) {
      const result = await book(cookie, { resource: desk.id, date, part: "morning" });
      expect(statusOf(result)).toBe(403);
      expect(dataOf<Refused>(result).refusal.code).toBe("not_allowed");
    }
    await createIncubatingTeam(founder.user.id);
    expect(statusOf(await book(founder.cookie, { resource: desk.id, date, part: "morning" }))).toBe(302);

    const staffOnly = await createResource("meeting_room", { audience: "staff" });
    const result = await book(founder.cookie, { resource: staffOnly.id, date, start: "09:00", minutes: "60" });
    expect(statusOf(result)).toBe(403);
    const staff = await createUser("staff");
    expect(statusOf(await book(staff.cookie, { resource: staffOnly.id, date, start: "09:00", minutes: "60" }))).toBe(
      302,
    );
  });

  it("someone else's booking is not found", async () => {
    const desk = await createResource("hot_desk");
    const owner = await createUser("founder");
    const stranger = await createUser("founder");
    await book(owner.cookie, { resource: desk.id, date: iso(await openWeek()), part: "day" });
    const row = await db()
      .selectFrom("booking")
      .select("id")
      .where("resource_id", "=", desk.id)
      .executeTakeFirstOrThrow();
    expect(
      statusOf(
        await call(detailLoader, `/bookings/${row.id}`, { cookie: owner.cookie, params: { bookingId: row.id } }),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await call(detailLoader, `/bookings/${row.id}`, { cookie: stranger.cookie, params: { bookingId: row.id } }),
      ),
    ).toBe(404);
    expect(
      statusOf(await call(detailLoader, "/bookings/x", { cookie: stranger.cookie, params: { bookingId: "x" } })),
    ).toBe(404);
  });
});

describe("closures", () => {
  it("refuses a time when the resource or the whole centre is closed", async () => {
    const centre = await requireCurrentCentre();
    const desk = await createResource("hot_desk");
    const { cookie } = await createUser("staff");
    const monday = await openWeek(16);
    const tuesday = monday.plus({ days: 1 });
    await db()
      .insertInto("closure")
      .values({
        centre_id: centre.id,
        resource_id: desk.id,
        kind: "maintenance",
        reason_vi: "Sửa bàn",
        reason_en: "Repairs",
        starts_at: tuesday.set({ hour: 13 }).toJSDate(),
        ends_at: tuesday.set({ hour: 15 }).toJSDate(),
      })
      .execute();
    expect(
      dataOf<Refused>(await book(cookie, { resource: desk.id, date: iso(tuesday), part: "afternoon" })).refusal.code,
    ).toBe("closed");
    expect(statusOf(await book(cookie, { resource: desk.id, date: iso(tuesday), part: "morning" }))).toBe(302);

    // The whole centre, on a Saturday no other test of this file books.
    const saturday = monday.plus({ days: 5 });
    await db()
      .insertInto("closure")
      .values({
        centre_id: centre.id,
        resource_id: null,
        kind: "event",
        reason_vi: "Sự kiện",
        reason_en: "Event",
        starts_at: saturday.toJSDate(),
        ends_at: saturday.plus({ days: 1 }).toJSDate(),
      })
      .execute();
    const result = await book(cookie, { resource: desk.id, date: iso(saturday), part: "morning" });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Refused>(result).refusal.code).toBe("closed");
    expect(await countBookings(desk.id)).toBe(1);
  });
});

describe("weekly quota of free desk-days", () => {
  it("counts half days as 0.5 and refuses beyond the person's quota", async () => {
    const desks = await Promise.all([1, 2, 3].map(() => createResource("hot_desk")));
    const { user, cookie } = await createUser("founder");
    // The free desk-days are an incubated team's founders' (decision 015).
    await createIncubatingTeam(user.id);
    const monday = await openWeek(9);
    const ok = async (resource: string, day: number, part: string) =>
      statusOf(await book(cookie, { resource, date: iso(monday.plus({ days: day })), part }));
    expect(await ok(desks[0]!.id, 0, "day")).toBe(302);
    expect(await ok(desks[0]!.id, 1, "day")).toBe(302);
    expect(await ok(desks[1]!.id, 2, "morning")).toBe(302);
    const over = await book(cookie, { resource: desks[2]!.id, date: iso(monday.plus({ days: 3 })), part: "day" });
    expect(statusOf(over)).toBe(409);
    expect(dataOf<Refused & { refusal: { params: { max: number } } }>(over).refusal).toMatchObject({
      code: "quota_person",
      params: { max: 3 },
    });
    expect(await ok(desks[2]!.id, 3, "afternoon")).toBe(302);
    // The next week has a fresh quota.
    expect(await ok(desks[2]!.id, 7, "day")).toBe(302);
  });

  it("refuses beyond the team's quota", async () => {
    const centre = await requireCurrentCentre();
    await db()
      .insertInto("booking_policy")
      .values({ centre_id: centre.id, free_desk_days_per_team_week: 1 })
      .onConflict((oc) => oc.column("centre_id").doUpdateSet({ free_desk_days_per_team_week: 1 }))
      .execute();
    try {
      const a = await createUser("founder");
      const b = await createUser("founder");
      const team = await createIncubatingTeam(a.user.id);
      await db().insertInto("team_member").values({ team_id: team, user_id: b.user.id }).execute();
      const desk = await createResource("hot_desk");
      const monday = await openWeek(9);
      expect(
        statusOf(await book(a.cookie, { resource: desk.id, date: iso(monday.plus({ days: 4 })), part: "day" })),
      ).toBe(302);
      const over = await book(b.cookie, { resource: desk.id, date: iso(monday.plus({ days: 3 })), part: "morning" });
      expect(dataOf<Refused>(over).refusal.code).toBe("quota_team");
    } finally {
      await db().deleteFrom("booking_policy").where("centre_id", "=", centre.id).execute();
    }
  });

  it("gives a team the weekly free desk-days of its programme when the programme sets them", async () => {
    const centre = await requireCurrentCentre();
    const a = await createUser("founder");
    const b = await createUser("founder");
    const team = await createIncubatingTeam(a.user.id);
    await db().insertInto("team_member").values({ team_id: team, user_id: b.user.id }).execute();
    const programme = await db()
      .insertInto("programme")
      .values({
        centre_id: centre.id,
        kind: "cohort",
        slug: `quota-cohort-${team}`,
        name_vi: "Khoá ươm tạo thử",
        name_en: "Test cohort",
        starts_on: "2026-01-01",
        ends_on: "2027-12-31",
        free_desk_days_per_team_week: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().updateTable("team").set({ programme_id: programme.id }).where("id", "=", team).execute();
    const desk = await createResource("hot_desk");
    const monday = await openWeek(10);
    expect(
      statusOf(await book(a.cookie, { resource: desk.id, date: iso(monday.plus({ days: 4 })), part: "day" })),
    ).toBe(302);
    const over = await book(b.cookie, { resource: desk.id, date: iso(monday.plus({ days: 3 })), part: "morning" });
    expect(statusOf(over)).toBe(409);
    expect(dataOf<Refused>(over).refusal).toMatchObject({ code: "quota_team", params: { max: 1 } });

    // Without the programme's own allowance the centre's (10 a week by default) applies again.
    await db()
      .updateTable("programme")
      .set({ free_desk_days_per_team_week: null })
      .where("id", "=", programme.id)
      .execute();
    const again = await book(b.cookie, { resource: desk.id, date: iso(monday.plus({ days: 3 })), part: "morning" });
    expect(statusOf(again)).toBe(302);
  });
});
