import { describe, expect, it } from "vitest";
import { blockResource } from "~/features/bookings/block-resource.server";
import { bookResource } from "~/features/bookings/book-resource.server";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { checkIn, checkInAtResource } from "~/features/bookings/check-in.server";
import { moveBooking } from "~/features/bookings/move-booking.server";
import { releaseNoShows } from "~/features/bookings/release-no-shows.server";
import { sendReminders } from "~/features/bookings/send-reminders.server";
import { action as listAction, loader as listLoader } from "~/routes/bookings._index";
import { action as newAction } from "~/routes/bookings.new";
import { action as qrAction, loader as qrLoader } from "~/routes/check-in.$resourceCode";
import { db } from "~/utils/database.server";
import { createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

async function bookingOf(id: string) {
  return db().selectFrom("booking").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function messagesTo(email: string, kind: string) {
  return db().selectFrom("outbox").selectAll().where("to_address", "=", email).where("kind", "=", kind).execute();
}

/** A founder with a confirmed desk booking on a weekday of an open week. */
async function deskBooking(part: "morning" | "afternoon" | "day" = "morning", day = 1) {
  const desk = await createResource("hot_desk");
  const person = await createUser("founder");
  const date = iso((await openWeek()).plus({ days: day }));
  const result = await bookResource(db(), person.user, { resourceId: desk.id, date, part });
  if (!result.ok) throw new Error(result.code);
  return { desk, ...person, date, booking: await bookingOf(result.bookingId) };
}

const minutesBefore = (d: Date, m: number) => new Date(d.getTime() - m * 60_000);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe("cancelling", () => {
  it("the person cancels up to the deadline; after it only staff can", async () => {
    const { user, booking } = await deskBooking();
    const late = await cancelBooking(db(), user, booking.id, minutesBefore(booking.starts_at, 59));
    expect(late).toMatchObject({ ok: false, code: "cancel_too_late", params: { minutes: 60 } });
    expect((await bookingOf(booking.id)).status).toBe("confirmed");

    const staff = await createUser("staff");
    expect(await cancelBooking(db(), staff.user, booking.id, minutesAfter(booking.starts_at, 10))).toEqual({
      ok: true,
    });
    const cancelled = await bookingOf(booking.id);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelled_by: staff.user.id, sequence: 1 });
    expect(await messagesTo(user.email, "booking.cancelled")).toHaveLength(1);
  });

  it("through the page: cancel, then cancelling again or someone else's booking is refused", async () => {
    const { cookie, booking } = await deskBooking("afternoon");
    const stranger = await createUser("founder");
    const theirs = await call(listAction, "/bookings", {
      cookie: stranger.cookie,
      form: { intent: "cancel", bookingId: booking.id },
    });
    expect(statusOf(theirs)).toBe(404);
    expect((await bookingOf(booking.id)).status).toBe("confirmed");

    const done = (await call(listAction, "/bookings", {
      cookie,
      form: { intent: "cancel", bookingId: booking.id },
    })) as Response;
    expect(done.headers.get("Location")).toBe("/bookings?notice=cancelled");
    const again = await call(listAction, "/bookings", { cookie, form: { intent: "cancel", bookingId: booking.id } });
    expect(statusOf(again)).toBe(409);
    expect(statusOf(await call(listAction, "/bookings", { cookie, form: { intent: "explode" } }))).toBe(400);
    expect(
      statusOf(await call(listAction, "/bookings", { cookie, form: { intent: "cancel", bookingId: "nope" } })),
    ).toBe(404);

    const list = dataOf<{ past: Array<{ id: string; status: string }> }>(
      await call(listLoader, "/bookings", { cookie }),
    );
    expect(list.past).toContainEqual(expect.objectContaining({ id: booking.id, status: "cancelled" }));
  });
});

describe("moving", () => {
  it("moves to another resource and time in one step, sequence + 1, with a message", async () => {
    const { user, booking, date } = await deskBooking("morning");
    const other = await createResource("hot_desk");
    const now = minutesBefore(booking.starts_at, 24 * 60);
    const result = await moveBooking(db(), user, booking.id, { resourceId: other.id, date, part: "afternoon" }, now);
    expect(result).toEqual({ ok: true });
    const moved = await bookingOf(booking.id);
    expect(moved).toMatchObject({ resource_id: other.id, day_part: "afternoon", sequence: 1, status: "confirmed" });
    expect(await messagesTo(user.email, "booking.changed")).toHaveLength(1);
  });

  it("a move into a taken slot leaves the original intact and offers alternatives", async () => {
    const mine = await deskBooking("morning", 2);
    const theirs = await deskBooking("afternoon", 2);
    const result = await moveBooking(db(), mine.user, mine.booking.id, {
      resourceId: theirs.desk.id,
      date: theirs.date,
      part: "afternoon",
    });
    expect(result).toMatchObject({ ok: false, code: "taken" });
    expect(result.ok ? [] : result.alternatives).toContainEqual(
      expect.objectContaining({ code: theirs.desk.code, part: "morning" }),
    );
    const unchanged = await bookingOf(mine.booking.id);
    expect(unchanged).toMatchObject({
      resource_id: mine.desk.id,
      day_part: "morning",
      sequence: 0,
      status: "confirmed",
    });
    expect(unchanged.starts_at).toEqual(mine.booking.starts_at);
    expect(await messagesTo(mine.user.email, "booking.changed")).toHaveLength(0);
  });

  it("through the page: a bad time or unknown resource is refused and nothing changes", async () => {
    const { cookie, booking, desk, date } = await deskBooking("day", 3);
    const form = { intent: "move", bookingId: booking.id, resourceCode: desk.code, date, part: "evening" };
    expect(statusOf(await call(listAction, "/bookings", { cookie, form }))).toBe(400);
    expect(
      statusOf(await call(listAction, "/bookings", { cookie, form: { ...form, part: "day", resourceCode: "NOPE-1" } })),
    ).toBe(404);
    expect(
      statusOf(await call(listAction, "/bookings", { cookie, form: { ...form, part: "day", date: "2020-01-06" } })),
    ).toBe(400);
    expect(await bookingOf(booking.id)).toMatchObject({ day_part: "day", sequence: 0 });

    // Moving onto its own time (a half of it) is not a clash with itself.
    const ok = (await call(listAction, "/bookings", { cookie, form: { ...form, part: "morning" } })) as Response;
    expect(ok.headers.get("Location")).toBe("/bookings?notice=moved");
    expect(await bookingOf(booking.id)).toMatchObject({ day_part: "morning", sequence: 1 });
  });
});

describe("checking in", () => {
  it("only within the window around the start", async () => {
    const { user, booking } = await deskBooking("morning", 4);
    expect(await checkIn(db(), user, booking.id, minutesBefore(booking.starts_at, 16))).toMatchObject({
      ok: false,
      code: "check_in_too_early",
      params: { time: "07:15" },
    });
    expect(await checkIn(db(), user, booking.id, minutesAfter(booking.starts_at, 31))).toMatchObject({
      ok: false,
      code: "check_in_too_late",
    });
    const stranger = await createUser("founder");
    expect(await checkIn(db(), stranger.user, booking.id, booking.starts_at)).toMatchObject({ code: "not_found" });
    expect(await checkIn(db(), user, booking.id, minutesAfter(booking.starts_at, 30))).toMatchObject({ ok: true });
    expect(await bookingOf(booking.id)).toMatchObject({ status: "checked_in" });
  });

  it("the desk's QR page checks in the signed-in person's booking there, or says there is none", async () => {
    const { user, booking, desk } = await deskBooking("afternoon", 4);
    expect(await checkInAtResource(db(), user, desk.code, minutesBefore(booking.starts_at, 60))).toMatchObject({
      ok: false,
      code: "no_booking_here",
    });
    expect(await checkInAtResource(db(), user, desk.code, minutesBefore(booking.starts_at, 5))).toMatchObject({
      ok: true,
    });

    // Through the page, now: nobody has a booking at this desk at this moment.
    const other = await createUser("founder");
    const page = await call(qrLoader, `/check-in/${desk.code}`, {
      cookie: other.cookie,
      params: { resourceCode: desk.code },
    });
    expect(statusOf(page)).toBe(404);
    expect(dataOf<{ error: string }>(page).error).toBe("no_booking_here");
    const post = await call(qrAction, `/check-in/${desk.code}`, {
      cookie: other.cookie,
      form: {},
      params: { resourceCode: desk.code },
    });
    expect(statusOf(post)).toBe(404);
    const unknown = await call(qrLoader, "/check-in/NOPE", { cookie: other.cookie, params: { resourceCode: "NOPE" } });
    expect(statusOf(unknown)).toBe(404);
    const visitor = (await call(qrLoader, `/check-in/${desk.code}`, {
      params: { resourceCode: desk.code },
    })) as Response;
    expect(visitor.status).toBe(302);
  });
});

describe("background jobs", () => {
  it("releases a desk booking not checked in by the end of the window, once", async () => {
    const { user, booking } = await deskBooking("morning", 4);
    const checkedIn = await deskBooking("morning", 4);
    await checkIn(db(), checkedIn.user, checkedIn.booking.id, checkedIn.booking.starts_at);

    await releaseNoShows(db(), minutesAfter(booking.starts_at, 30));
    expect((await bookingOf(booking.id)).status).toBe("confirmed");

    const now = minutesAfter(booking.starts_at, 31);
    const [first, second] = await Promise.all([releaseNoShows(db(), now), releaseNoShows(db(), now)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await bookingOf(booking.id)).toMatchObject({ status: "no_show", sequence: 1 });
    expect((await bookingOf(checkedIn.booking.id)).status).toBe("checked_in");
    expect(await messagesTo(user.email, "booking.released")).toHaveLength(1);

    // The released slot can be booked again.
    const again = await bookResource(
      db(),
      (await createUser("founder")).user,
      { resourceId: booking.resource_id, date: booking.starts_at.toISOString().slice(0, 10), part: "afternoon" },
      now,
    );
    expect(again.ok).toBe(true);
  });

  it("sends the day-before reminder once", async () => {
    const { user, booking } = await deskBooking("day", 2);
    const dayBefore = minutesBefore(booking.starts_at, 20 * 60);
    await sendReminders(db(), minutesBefore(booking.starts_at, 48 * 60));
    expect(await messagesTo(user.email, "booking.reminder")).toHaveLength(0);
    await sendReminders(db(), dayBefore);
    await sendReminders(db(), minutesAfter(dayBefore, 60));
    const reminders = await messagesTo(user.email, "booking.reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toMatch(/^Nhắc lịch/);
    expect((await bookingOf(booking.id)).reminder_sent_at).not.toBeNull();
  });
});

describe("staff", () => {
  it("book for a founder, who gets the confirmation; a founder cannot book for someone else", async () => {
    const desk = await createResource("hot_desk");
    const staff = await createUser("staff");
    const founder = await createUser("founder");
    const date = iso((await openWeek()).plus({ days: 3 }));
    const form = { resource: desk.id, date, part: "day", forEmail: founder.user.email.toUpperCase() };

    const byFounder = await call(newAction, "/bookings/new", { cookie: (await createUser("founder")).cookie, form });
    expect(statusOf(byFounder)).toBe(403);
    expect(
      statusOf(
        await call(newAction, "/bookings/new", {
          cookie: staff.cookie,
          form: { ...form, forEmail: "ai@nowhere.example" },
        }),
      ),
    ).toBe(404);

    const done = (await call(newAction, "/bookings/new", { cookie: staff.cookie, form })) as Response;
    expect(done.headers.get("Location")).toBe("/bookings?notice=bookedFor");
    const row = await db()
      .selectFrom("booking")
      .selectAll()
      .where("resource_id", "=", desk.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: founder.user.id, booked_by: staff.user.id, status: "confirmed" });
    expect(await messagesTo(founder.user.email, "booking.confirmed")).toHaveLength(1);
  });

  it("block a resource; a block over a booking is refused, and a blocked time cannot be booked", async () => {
    const { booking, desk } = await deskBooking("morning", 3);
    const staff = await createUser("staff");
    const founder = await createUser("founder");
    const over = await blockResource(db(), staff.user, {
      resourceId: desk.id,
      startsAt: booking.starts_at,
      endsAt: booking.ends_at,
    });
    expect(over).toMatchObject({ ok: false, code: "taken" });
    expect(
      await blockResource(db(), founder.user, {
        resourceId: desk.id,
        startsAt: booking.ends_at,
        endsAt: minutesAfter(booking.ends_at, 60),
      }),
    ).toMatchObject({ code: "not_allowed" });
    expect(
      await blockResource(db(), staff.user, {
        resourceId: desk.id,
        startsAt: booking.ends_at,
        endsAt: booking.ends_at,
      }),
    ).toMatchObject({ code: "invalid_period" });

    const afternoonEnd = minutesAfter(booking.ends_at, 5 * 60);
    expect(
      await blockResource(db(), staff.user, { resourceId: desk.id, startsAt: booking.ends_at, endsAt: afternoonEnd }),
    ).toMatchObject({ ok: true });
    const date = iso((await openWeek()).plus({ days: 3 }));
    const refused = await bookResource(db(), founder.user, { resourceId: desk.id, date, part: "afternoon" });
    expect(refused).toMatchObject({ ok: false, code: "taken" });
  });
});
