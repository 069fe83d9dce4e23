// Two guards around events: an event's room booking is changed or cancelled only through its
// event (never from the bookings pages, or the event would point at a cancelled room), and
// registering without an account is rate-limited per client address.
import { beforeEach, describe, expect, it } from "vitest";
import { GUEST_REGISTRATIONS_PER_HOUR, resetGuestRegistrationLimit } from "~/features/events/guest-rate-limit.server";
import { translate } from "~/i18n/translate";
import { action as bookingsAction } from "~/routes/bookings._index";
import { action as closuresAction } from "~/routes/staff.spaces.closures";
import { action as eventPageAction } from "~/routes/events.$eventId._index";
import { action as staffEventAction } from "~/routes/staff.events.$eventId._index";
import { db } from "~/utils/database.server";
import { createStaff, createTestEvent, eventRow, guestForm, registerMember, registrationsOf } from "../setup/events";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

type Refused = { refusal: { code: string; params?: Record<string, string> } };

async function bookingOf(bookingId: string) {
  return db().selectFrom("booking").selectAll().where("id", "=", bookingId).executeTakeFirstOrThrow();
}

describe("a closure over an event's room", () => {
  it("lists the event among the bookings in the way; confirming cancels the event and tells its people", async () => {
    const { eventId, staff, hall, day } = await createTestEvent();
    const bookingId = (await eventRow(eventId)).booking_id!;
    const founder = await createUser("founder");
    expect(statusOf(await registerMember(founder.cookie, eventId))).toBe(302);
    const closure = {
      intent: "add",
      scope: hall.id,
      kind: "maintenance",
      reasonVi: "Sửa mái hội trường",
      reasonEn: "Hall roof repairs",
      startsAt: `${day.toISODate()}T07:00`,
      endsAt: `${day.toISODate()}T17:00`,
    };

    // First shown, nothing saved: the event is named, with the people who will be told.
    const shown = await call(closuresAction, "/staff/spaces/closures", { cookie: staff.cookie, form: closure });
    type Held = { held: Array<{ id: string; event: { id: string; people: number } | null }> };
    expect(dataOf<Held>(shown).held).toEqual([
      expect.objectContaining({ id: bookingId, event: expect.objectContaining({ id: eventId, people: 1 }) }),
    ]);
    expect((await eventRow(eventId)).status).toBe("scheduled");

    const confirmed = await call(closuresAction, "/staff/spaces/closures", {
      cookie: staff.cookie,
      form: { ...closure, decision: "cancel", shown: [bookingId] },
    });
    expect(statusOf(confirmed)).toBe(302);
    expect((await eventRow(eventId)).status).toBe("cancelled");
    expect((await bookingOf(bookingId)).status).toBe("cancelled");
    // The registrant hears the event is cancelled, with the closure's reason in their language.
    const told = await db()
      .selectFrom("outbox")
      .select(["text_body"])
      .where("to_address", "=", founder.user.email)
      .where("kind", "=", "event.event_cancelled")
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.text_body).toContain("Sửa mái hội trường");
    // And the audit log has the closure and the event's cancellation, by the same staff member.
    const logged = await db()
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity_id", "=", eventId)
      .where("action", "=", "event.cancel")
      .execute();
    expect(logged).toEqual([{ action: "event.cancel", actor_id: staff.user.id }]);
  });
});

describe("an event's room booking on the bookings pages", () => {
  it("cannot be cancelled or moved there: 409 with the reason and the event's page; the event still holds its room", async () => {
    const { eventId, staff, hall, day } = await createTestEvent();
    const event = await eventRow(eventId);
    const bookingId = event.booking_id!;
    expect(bookingId).toBeTruthy();
    const otherStaff = await createStaff();

    for (const cookie of [staff.cookie, otherStaff.cookie]) {
      const cancel = await call(bookingsAction, "/bookings", { cookie, form: { intent: "cancel", bookingId } });
      expect(statusOf(cancel)).toBe(409);
      expect(dataOf<Refused>(cancel).refusal).toEqual({ code: "held_by_event", params: { eventId } });
    }
    const move = await call(bookingsAction, "/bookings", {
      cookie: otherStaff.cookie,
      form: {
        intent: "move",
        bookingId,
        resourceCode: hall.code,
        date: day.toISODate()!,
        start: "13:00",
        minutes: "120",
        people: "30",
      },
    });
    expect(statusOf(move)).toBe(409);
    expect(dataOf<Refused>(move).refusal.code).toBe("held_by_event");

    const booking = await bookingOf(bookingId);
    expect(booking.status).toBe("confirmed");
    expect(booking.starts_at.getTime()).toBe(event.starts_at.getTime());
    expect((await eventRow(eventId)).booking_id).toBe(bookingId);
    expect(await db().selectFrom("audit_log").select("id").where("entity_id", "=", bookingId).execute()).toEqual([]);

    // The message, in each language, says where to go instead.
    expect(translate("vi", "bookings.error.held_by_event")).toContain("trang của sự kiện");
    expect(translate("en", "bookings.error.held_by_event")).toContain("event's page");
  });

  it("is released when the event is cancelled on its page", async () => {
    const { eventId, staff } = await createTestEvent();
    const bookingId = (await eventRow(eventId)).booking_id!;
    const cancelled = await call(staffEventAction, `/staff/events/${eventId}`, {
      cookie: staff.cookie,
      params: { eventId },
      form: { intent: "cancel", reason: "Đổi sang tháng sau" },
    });
    expect(statusOf(cancelled)).toBe(302);
    expect((await eventRow(eventId)).status).toBe("cancelled");
    expect((await bookingOf(bookingId)).status).toBe("cancelled");
  });

  it("leaves other bookings of the same hall cancellable as before", async () => {
    const { staff, hall, day } = await createTestEvent();
    const founder = await createUser("founder");
    const start = day.set({ hour: 14, minute: 0 });
    const other = await db()
      .insertInto("booking")
      .values({
        centre_id: hall.centre_id,
        resource_id: hall.id,
        user_id: founder.user.id,
        booked_by: founder.user.id,
        status: "confirmed",
        starts_at: start.toJSDate(),
        ends_at: start.plus({ hours: 1 }).toJSDate(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cancel = await call(bookingsAction, "/bookings", {
      cookie: staff.cookie,
      form: { intent: "cancel", bookingId: other.id },
    });
    expect(statusOf(cancel)).toBe(302);
    expect((await bookingOf(other.id)).status).toBe("cancelled");
  });
});

describe("guest registration without an account", () => {
  beforeEach(() => resetGuestRegistrationLimit());

  it(`allows ${GUEST_REGISTRATIONS_PER_HOUR} an hour per address, then answers 429 in the reader's language and writes nothing`, async () => {
    const { eventId } = await createTestEvent();
    const register = (clientIp: string, headers: Record<string, string> = {}) =>
      call(eventPageAction, `/events/${eventId}`, { form: guestForm(), params: { eventId }, clientIp, headers });

    for (let i = 0; i < GUEST_REGISTRATIONS_PER_HOUR; i += 1) {
      expect(statusOf(await register("192.0.2.10"))).toBe(302);
    }
    const before = (await registrationsOf(eventId)).length;
    const outbox = await db()
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();

    const refused = await register("192.0.2.10", { "Accept-Language": "en" });
    expect(statusOf(refused)).toBe(429);
    const body = dataOf<{ errors: Record<string, string> }>(refused);
    expect(body.errors).toEqual({ _form: "events.error.tooManyGuestRegistrations" });
    expect(translate("vi", "events.error.tooManyGuestRegistrations")).toMatch(/thử lại sau/);
    expect(translate("en", "events.error.tooManyGuestRegistrations")).toMatch(/try again/);
    const retryAfter = Number(
      (refused as unknown as { init: { headers: Record<string, string> } }).init.headers["Retry-After"],
    );
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Even a bad form from that address is refused before it is read.
    const bad = await call(eventPageAction, `/events/${eventId}`, {
      form: guestForm({ email: "not-an-email" }),
      params: { eventId },
      clientIp: "192.0.2.10",
    });
    expect(statusOf(bad)).toBe(429);

    expect((await registrationsOf(eventId)).length).toBe(before);
    const after = await db()
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(outbox.n);

    // Another address is not affected.
    expect(statusOf(await register("192.0.2.11"))).toBe(302);
  });
});
