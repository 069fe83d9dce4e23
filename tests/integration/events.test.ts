// Training and events through the routes, as people use them: staff create an event whose
// hall is booked through the bookings core; members and guests register; a full event puts
// people on a waitlist that a cancellation promotes from; staff mark attendance; trainings
// give certificates; every step leaves a message in the outbox, in the person's language.
import { describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { listEventCalendarItems } from "~/features/events/calendar-items.server";
import { translate } from "~/i18n/translate";
import { loader as certificateLoader } from "~/routes/events.$eventId.certificate.$registrationId";
import { action as guestPageAction, loader as guestPageLoader } from "~/routes/events.$eventId.registration.$token";
import { loader as eventsLoader } from "~/routes/events._index";
import { action as attendanceAction, loader as attendanceLoader } from "~/routes/staff.events.$eventId.attendance";
import { action as checkInAction, loader as checkInLoader } from "~/routes/staff.events.$eventId.check-in.$token";
import { action as staffEventAction } from "~/routes/staff.events.$eventId._index";
import { loader as staffEventsLoader } from "~/routes/staff.events._index";
import { loader as newEventLoader } from "~/routes/staff.events.new";
import { db } from "~/utils/database.server";
import { createResource } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import {
  cancelMember,
  createEventAs,
  createStaff,
  createTestEvent,
  eventForm,
  eventRow,
  guestForm,
  messagesTo,
  openTuesday,
  registerGuest,
  registerMember,
  registrationsOf,
  tokenFrom,
  viewEvent,
} from "../setup/events";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

async function bookingOf(eventId: string) {
  const event = await eventRow(eventId);
  return event.booking_id
    ? db().selectFrom("booking").selectAll().where("id", "=", event.booking_id).executeTakeFirstOrThrow()
    : null;
}

describe("staff create events", () => {
  it("a training in the centre's hall books the hall through the bookings core, titled with the event", async () => {
    const { eventId, hall, day } = await createTestEvent({ titleVi: "Tập huấn gọi vốn" });
    const event = await eventRow(eventId);
    expect(event).toMatchObject({ kind: "training", resource_id: hall.id, capacity: 30, status: "scheduled" });
    expect(event.audiences).toEqual(["founders", "public"]);
    const booking = await bookingOf(eventId);
    expect(booking).toMatchObject({
      resource_id: hall.id,
      status: "confirmed",
      title: "Tập huấn gọi vốn",
      price_vnd: 0,
    });
    expect(booking!.starts_at.toISOString()).toBe(day.set({ hour: 8 }).toJSDate().toISOString());
    // Staff's change is in the audit log.
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "entity_type"])
      .where("entity_id", "=", eventId)
      .execute();
    expect(audit).toEqual([{ action: "event.create", entity_type: "event" }]);

    // Listed publicly, for visitors too.
    const list = dataOf<{ upcoming: { id: string; free: number }[] }>(await call(eventsLoader, "/events"));
    expect(list.upcoming.find((e) => e.id === eventId)).toMatchObject({ free: 30 });
    const staffList = dataOf<{ upcoming: { id: string }[] }>(
      await call(staffEventsLoader, "/staff/events", { cookie: (await createStaff()).cookie }),
    );
    expect(staffList.upcoming.map((e) => e.id)).toContain(eventId);
  });

  it("a taken hall is refused with the booking core's message, and nothing is created", async () => {
    const { hall, day } = await createTestEvent();
    const staff = await createStaff();
    const before = await db().selectFrom("event").select("id").execute();
    const second = await createEventAs(
      staff.cookie,
      eventForm(day, { resourceId: hall.id, start: "09:00", end: "11:00" }),
    );
    expect(second.status).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(second.response).errors.resourceId).toBe("bookings.error.taken");
    expect((await db().selectFrom("event").select("id").execute()).length).toBe(before.length);
  });

  it("a hall too small for the seats, or a time outside opening hours, is refused by the core's rules", async () => {
    const staff = await createStaff();
    const hall = await createResource("event_hall", { capacity: 20 });
    const day = await openTuesday();
    const big = await createEventAs(staff.cookie, eventForm(day, { resourceId: hall.id, capacity: "50" }));
    expect(big.status).toBe(400);
    const body = dataOf<{ errors: Record<string, string>; params: Record<string, number> }>(big.response);
    expect(body.errors.resourceId).toBe("bookings.error.over_capacity");
    expect(body.params.capacity).toBe(20);
    const late = await createEventAs(
      staff.cookie,
      eventForm(day, { resourceId: hall.id, start: "19:00", end: "21:00" }),
    );
    expect(late.status).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(late.response).errors.resourceId).toBe(
      "bookings.error.outside_hours",
    );
  });

  it("bad input gives 400 beside the field, and a full working day in the hall is allowed", async () => {
    const staff = await createStaff();
    const day = await openTuesday();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ end: "07:00" }, "end", "events.error.end_before_start"],
      [{ date: "31/02/2026" }, "date", "events.error.invalid_date"],
      [{ audiences: [] }, "audiences", "events.error.audiences"],
      [{ venueText: "", resourceId: "" }, "resourceId", "events.error.place_required"],
      [{ capacity: "0" }, "capacity", "events.error.capacity"],
      [{ titleVi: "" }, "titleVi", "form.required"],
      [{ date: "2020-01-07" }, "date", "events.error.in_past"],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await createEventAs(staff.cookie, eventForm(day, overrides));
      expect(result.status, JSON.stringify(overrides)).toBe(400);
      expect(dataOf<{ errors: Record<string, string> }>(result.response).errors[field]).toBe(message);
    }
    const hall = await createResource("event_hall", { capacity: 60 });
    const allDay = await createEventAs(
      staff.cookie,
      eventForm(day, { resourceId: hall.id, start: "07:30", end: "17:00" }),
    );
    expect(allDay.eventId).not.toBeNull();
  });

  it("only staff manage events: founders get 403, visitors are sent to sign in", async () => {
    const founder = await createUser("founder");
    expect(statusOf(await call(newEventLoader, "/staff/events/new", { cookie: founder.cookie }))).toBe(403);
    const visitor = await call(newEventLoader, "/staff/events/new");
    expect(statusOf(visitor)).toBe(302);
    expect((visitor as Response).headers.get("Location")).toContain("/sign-in");
    const { eventId } = await createTestEvent();
    const attendance = await call(attendanceLoader, `/staff/events/${eventId}/attendance`, {
      cookie: founder.cookie,
      params: { eventId },
    });
    expect(statusOf(attendance)).toBe(403);
    expect(statusOf(await call(staffEventsLoader, "/staff/events/unknown", { cookie: founder.cookie }))).toBe(403);
  });
});

describe("registering, the waitlist and cancelling", () => {
  it("members register in one click, guests with their details; when full, people join the waitlist in order", async () => {
    const { eventId } = await createTestEvent({ capacity: "2" });
    const founder = await createUser("founder");
    const registered = await registerMember(founder.cookie, eventId);
    expect(statusOf(registered)).toBe(302);
    expect((registered as Response).headers.get("Location")).toBe(`/events/${eventId}?done=registered`);

    const guest = guestForm({ audience: "founders" });
    const guestResult = await registerGuest(eventId, guest);
    expect(tokenFrom(guestResult)).toBeTruthy();

    const late = guestForm({ email: "Muon.Den@Example.vn" });
    const waitlisted = await registerGuest(eventId, late, { "Accept-Language": "en" });
    expect((waitlisted as Response).headers.get("Location")).toContain("done=waitlisted");
    const lateMember = await createUser("mentor");
    await registerMember(lateMember.cookie, eventId);

    const rows = await registrationsOf(eventId);
    expect(rows.map((r) => [r.status, r.audience])).toEqual([
      ["registered", "founders"],
      ["registered", "founders"],
      ["waitlisted", "public"],
      ["waitlisted", "mentors"],
    ]);
    expect(rows[2]!.guest_email).toBe("muon.den@example.vn");

    // Each person sees where they stand; the founder's page shows the check-in QR code.
    const founderView = await viewEvent(eventId, founder.cookie);
    expect(founderView.mine).toMatchObject({ status: "registered" });
    expect(founderView.mine!.qr.address).toMatch(new RegExp(`/staff/events/${eventId}/check-in/`));
    expect((await viewEvent(eventId, lateMember.cookie)).mine).toMatchObject({ status: "waitlisted", position: 2 });
    const guestPage = dataOf<{ registration: { status: string; position: number } }>(
      await call(guestPageLoader, "/", { params: { eventId, token: tokenFrom(waitlisted)! } }),
    );
    expect(guestPage.registration).toMatchObject({ status: "waitlisted", position: 1 });

    // Messages, in each person's language: the guest wrote in English.
    expect(await messagesTo(founder.user.email, "event.registered")).toHaveLength(1);
    const [waitMessage] = await messagesTo("muon.den@example.vn", "event.waitlisted");
    expect(waitMessage!.subject).toMatch(/^You are on the waitlist/);
    expect(waitMessage!.text_body).toContain("number 1 on the waitlist");
    const [guestMessage] = await messagesTo(guest.email, "event.registered");
    expect(guestMessage!.subject).toMatch(/^Xác nhận đăng ký/);
    expect(guestMessage!.text_body).toContain(`/events/${eventId}/registration/`);
  });

  it("registering twice is refused, for members and for a guest email in any case", async () => {
    const { eventId } = await createTestEvent();
    const founder = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    const again = await registerMember(founder.cookie, eventId);
    expect(statusOf(again)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(again).errors._form).toBe("events.error.already_registered");

    const guest = guestForm();
    await registerGuest(eventId, guest);
    const twice = await registerGuest(eventId, { ...guest, email: guest.email.toUpperCase() });
    expect(statusOf(twice)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(twice).errors.email).toBe(
      "events.error.guest_already_registered",
    );
    expect((await registrationsOf(eventId)).length).toBe(2);
  });

  it("a guest's bad details give 400 beside the field; a group the event is not for is refused", async () => {
    const { eventId } = await createTestEvent({ audiences: ["founders"] });
    const bad = await registerGuest(eventId, guestForm({ email: "not-an-email", phone: "abc", name: "" }));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(bad).errors).toMatchObject({
      email: "form.invalidEmail",
      phone: "events.error.phone",
      name: "form.required",
    });
    const notFor = await registerGuest(eventId, guestForm({ audience: "mentors" }));
    expect(statusOf(notFor)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(notFor).errors.audience).toBe("events.error.not_for_audience");
    const mentor = await createUser("mentor");
    expect(statusOf(await registerMember(mentor.cookie, eventId))).toBe(409);
    expect(await registrationsOf(eventId)).toHaveLength(0);
  });

  it("visitors are sent to sign in for one-click registration; unknown events are 404", async () => {
    const { eventId } = await createTestEvent();
    const visitor = await call((await import("~/routes/events.$eventId._index")).action, `/events/${eventId}`, {
      form: { intent: "register" },
      params: { eventId },
    });
    expect(statusOf(visitor)).toBe(302);
    expect((visitor as Response).headers.get("Location")).toContain("/sign-in");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(statusOf(await registerGuest(unknown, guestForm()))).toBe(404);
    expect(
      statusOf(await call((await import("~/routes/events.$eventId._index")).loader, "/", { params: { eventId: "x" } })),
    ).toBe(404);
  });

  it("a cancellation gives the seat to the person waiting longest, in the same step, and tells both", async () => {
    const { eventId } = await createTestEvent({ capacity: "1" });
    const founder = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    const first = guestForm();
    const second = guestForm();
    const firstToken = tokenFrom(await registerGuest(eventId, first));
    await registerGuest(eventId, second);

    const cancelled = await cancelMember(founder.cookie, eventId);
    expect((cancelled as Response).headers.get("Location")).toBe(`/events/${eventId}?done=cancelled`);
    const rows = await registrationsOf(eventId);
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "registered", "waitlisted"]);
    expect(rows[1]!.promoted_at).not.toBeNull();
    expect(await messagesTo(founder.user.email, "event.cancelled")).toHaveLength(1);
    const [promoted] = await messagesTo(first.email, "event.promoted");
    expect(promoted!.subject).toMatch(/^Bạn đã có chỗ/);

    // The guest cancels from the link in their email: the next person moves up.
    const page = await call(guestPageAction, "/", { form: {}, params: { eventId, token: firstToken! } });
    expect(statusOf(page)).toBe(302);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["cancelled", "cancelled", "registered"]);
    expect(await messagesTo(second.email, "event.promoted")).toHaveLength(1);
    // Twice is refused; a wrong token is unknown.
    expect(statusOf(await call(guestPageAction, "/", { form: {}, params: { eventId, token: firstToken! } }))).toBe(409);
    expect(statusOf(await call(guestPageLoader, "/", { params: { eventId, token: "wrong" } }))).toBe(404);

    // The founder may register again: a new registration, at the back of the line (full).
    await registerMember(founder.cookie, eventId);
    expect((await viewEvent(eventId, founder.cookie)).mine).toMatchObject({ status: "waitlisted", position: 1 });
  });
});

describe("attendance and certificates", () => {
  it("staff mark people present from the list or by the QR code, and trainings give certificates to those present", async () => {
    const { eventId, staff } = await createTestEvent();
    const founder = await createUser("founder");
    const other = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    await registerMember(other.cookie, eventId);
    const guest = guestForm();
    const guestToken = tokenFrom(await registerGuest(eventId, guest))!;
    const rows = await registrationsOf(eventId);
    const founderRow = rows.find((r) => r.user_id === founder.user.id)!;
    const guestRow = rows.find((r) => r.token === guestToken)!;

    const marked = await call(attendanceAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { registrationId: founderRow.id, present: "yes" },
    });
    expect(dataOf(marked)).toMatchObject({ ok: true, message: "events.attendance.markedPresent" });
    const scan = dataOf<{ person: { name: string; attended: boolean } }>(
      await call(checkInLoader, "/", { cookie: staff.cookie, params: { eventId, token: guestToken } }),
    );
    expect(scan.person).toMatchObject({ name: guest.name, attended: false });
    await call(checkInAction, "/", { cookie: staff.cookie, params: { eventId, token: guestToken }, form: {} });

    const list = dataOf<{ people: { id: string; attended: boolean }[] }>(
      await call(attendanceLoader, "/", { cookie: staff.cookie, params: { eventId } }),
    );
    expect(
      list.people
        .filter((p) => p.attended)
        .map((p) => p.id)
        .sort(),
    ).toEqual([founderRow.id, guestRow.id].sort());
    const staffView = await call((await import("~/routes/staff.events.$eventId._index")).loader, "/", {
      cookie: staff.cookie,
      params: { eventId },
    });
    expect(dataOf<{ event: { registered: number; attended: number } }>(staffView).event).toMatchObject({
      registered: 3,
      attended: 2,
    });

    // Certificates: the person's own, the guest's by the token, anyone's for staff; not someone else's.
    const own = await call(certificateLoader, "/", {
      cookie: founder.cookie,
      params: { eventId, registrationId: founderRow.id },
    });
    expect(dataOf<{ person: { name: string } }>(own).person.name).toBe(founder.user.name);
    expect(
      statusOf(
        await call(certificateLoader, "/", {
          cookie: other.cookie,
          params: { eventId, registrationId: founderRow.id },
        }),
      ),
    ).toBe(404);
    const guestCertificate = await call(certificateLoader, `/?token=${encodeURIComponent(guestToken)}`, {
      params: { eventId, registrationId: guestRow.id },
    });
    expect(dataOf<{ person: { organisation: string } }>(guestCertificate).person.organisation).toBe(guest.organisation);
    expect(statusOf(await call(certificateLoader, "/", { params: { eventId, registrationId: guestRow.id } }))).toBe(
      404,
    );
    expect(
      statusOf(
        await call(certificateLoader, "/", { cookie: staff.cookie, params: { eventId, registrationId: guestRow.id } }),
      ),
    ).toBe(200);
    // Not present: no certificate.
    const otherRow = rows.find((r) => r.user_id === other.user.id)!;
    expect(
      statusOf(
        await call(certificateLoader, "/", { cookie: other.cookie, params: { eventId, registrationId: otherRow.id } }),
      ),
    ).toBe(404);

    // Taking it back.
    await call(attendanceAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { registrationId: founderRow.id, present: "no" },
    });
    expect((await registrationsOf(eventId)).find((r) => r.id === founderRow.id)!.attended_at).toBeNull();
  });

  it("no certificate for events that are not trainings, and the waitlisted cannot be marked present", async () => {
    const { eventId, staff } = await createTestEvent({ kind: "workshop", capacity: "1" });
    const founder = await createUser("founder");
    const late = await createUser("founder");
    await registerMember(founder.cookie, eventId);
    await registerMember(late.cookie, eventId);
    const rows = await registrationsOf(eventId);
    await call(attendanceAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { registrationId: rows[0]!.id, present: "yes" },
    });
    expect(
      statusOf(
        await call(certificateLoader, "/", {
          cookie: founder.cookie,
          params: { eventId, registrationId: rows[0]!.id },
        }),
      ),
    ).toBe(404);
    const waiting = await call(attendanceAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { registrationId: rows[1]!.id, present: "yes" },
    });
    expect(statusOf(waiting)).toBe(409);
    expect(dataOf(waiting)).toMatchObject({ message: "events.error.not_registered_waitlisted" });
  });
});

describe("changing and cancelling an event", () => {
  it("a new time moves the hall booking, bumps the sequence and tells everyone; more seats promote the waitlist", async () => {
    const { eventId, staff, hall, day } = await createTestEvent({ capacity: "1" });
    const founder = await createUser("founder");
    const waiting = guestForm();
    await registerMember(founder.cookie, eventId);
    await registerGuest(eventId, waiting);
    const before = await eventRow(eventId);
    const oldBooking = await bookingOf(eventId);

    const changed = await call(staffEventAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: {
        intent: "save",
        ...eventForm(day, {
          resourceId: hall.id,
          start: "13:30",
          end: "15:30",
          capacity: "2",
          titleVi: before.title_vi,
        }),
      },
    });
    expect(statusOf(changed)).toBe(302);
    const after = await eventRow(eventId);
    expect(after.sequence).toBe(before.sequence + 1);
    const newBooking = await bookingOf(eventId);
    expect(newBooking!.id).not.toBe(oldBooking!.id);
    expect(newBooking!.starts_at.toISOString()).toBe(day.set({ hour: 13, minute: 30 }).toJSDate().toISOString());
    const old = await db()
      .selectFrom("booking")
      .select("status")
      .where("id", "=", oldBooking!.id)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe("cancelled");
    expect(await messagesTo(founder.user.email, "event.changed")).toHaveLength(1);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["registered", "registered"]);
    expect(await messagesTo(waiting.email, "event.promoted")).toHaveLength(1);

    // Fewer seats than people registered: refused beside the field.
    const tooFew = await call(staffEventAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { intent: "save", ...eventForm(day, { resourceId: hall.id, start: "13:30", end: "15:30", capacity: "1" }) },
    });
    expect(statusOf(tooFew)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(tooFew).errors.capacity).toBe(
      "events.error.capacity_below_registered",
    );

    // The founder's calendar item follows the change.
    const items = await listEventCalendarItems(db(), founder.user.id, "vi");
    const item = items.find((i) => i.eventId === eventId)!;
    expect(item).toMatchObject({ status: "confirmed", title: before.title_vi, location: hall.name_vi });
    expect(item.start.toISOString()).toBe(after.starts_at.toISOString());
    expect(item.sequence).toBe(after.sequence);
  });

  it("cancelling releases the hall, tells everyone registered or waiting, and closes registration", async () => {
    const { eventId, staff } = await createTestEvent({ capacity: "1" });
    const founder = await createUser("founder");
    const waiting = guestForm();
    await registerMember(founder.cookie, eventId);
    await registerGuest(eventId, waiting);

    const noReason = await call(staffEventAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { intent: "cancel", reason: "" },
    });
    expect(statusOf(noReason)).toBe(400);
    const cancelled = await call(staffEventAction, "/", {
      cookie: staff.cookie,
      params: { eventId },
      form: { intent: "cancel", reason: "Giảng viên ốm" },
    });
    expect(statusOf(cancelled)).toBe(302);
    expect(await eventRow(eventId)).toMatchObject({ status: "cancelled", sequence: 1 });
    expect(await bookingOf(eventId)).toMatchObject({ status: "cancelled" });
    const [founderMessage] = await messagesTo(founder.user.email, "event.event_cancelled");
    expect(founderMessage!.text_body).toContain("Giảng viên ốm");
    expect(await messagesTo(waiting.email, "event.event_cancelled")).toHaveLength(1);

    const late = await registerGuest(eventId, guestForm());
    expect(statusOf(late)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(late).errors._form).toBe("events.error.event_cancelled");
    const item = (await listEventCalendarItems(db(), founder.user.id, "en")).find((i) => i.eventId === eventId);
    expect(item).toMatchObject({ status: "cancelled", sequence: 1 });
  });
});

describe("calendar items for issue 6", () => {
  it("list a person's events: waiting ones tentative, cancelled ones cancelled with a higher sequence, one per event", async () => {
    const { eventId } = await createTestEvent({ capacity: "1" });
    const first = await createUser("founder");
    const second = await createUser("founder");
    await registerMember(first.cookie, eventId);
    await registerMember(second.cookie, eventId);
    const [waiting] = (await listEventCalendarItems(db(), second.user.id, "en")).filter((i) => i.eventId === eventId);
    expect(waiting).toMatchObject({ status: "tentative", title: "Test training", sequence: 0 });
    expect(waiting!.url).toMatch(new RegExp(`/events/${eventId}$`));

    await cancelMember(first.cookie, eventId);
    const [cancelled] = (await listEventCalendarItems(db(), first.user.id, "vi")).filter((i) => i.eventId === eventId);
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 1 });
    const [promoted] = (await listEventCalendarItems(db(), second.user.id, "vi")).filter((i) => i.eventId === eventId);
    expect(promoted).toMatchObject({ status: "confirmed", sequence: 1 });

    // Registering again: one item still, same id, the live registration's status, a higher sequence.
    await registerMember(first.cookie, eventId);
    const again = (await listEventCalendarItems(db(), first.user.id, "vi")).filter((i) => i.eventId === eventId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: cancelled!.id, status: "tentative", sequence: 2 });
  });
});

describe("the demo data", () => {
  it("holds the 2025 plan's events with attendance, and one training coming up in the hall", async () => {
    const centre = await requireCurrentCentre();
    const events = await db().selectFrom("event").selectAll().where("centre_id", "=", centre.id).execute();
    const titles = events.map((e) => e.title_vi);
    expect(titles.some((t) => t.includes("doanh nghiệp du lịch và hợp tác xã"))).toBe(true);
    expect(titles.some((t) => t.includes("mạng lưới cố vấn"))).toBe(true);
    expect(titles.filter((t) => t.includes("Tìm kiếm tài năng")).length).toBe(2);
    expect(titles.some((t) => t.includes("2017–2025"))).toBe(true);
    const rounds = events.filter((e) => e.kind === "competition_round");
    expect(rounds.every((r) => r.programme_id !== null)).toBe(true);
    const upcoming = events.find((e) => e.starts_at > new Date() && e.kind === "training");
    expect(upcoming?.booking_id).toBeTruthy();

    const trained = await db()
      .selectFrom("event_registration as g")
      .innerJoin("event as e", "e.id", "g.event_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("e.counts_as_training", "=", true)
      .where("g.audience", "=", "founders")
      .where("g.attended_at", "is not", null)
      .where("e.starts_at", ">=", new Date("2025-01-01T00:00:00+07:00"))
      .where("e.starts_at", "<", new Date("2026-01-01T00:00:00+07:00"))
      .executeTakeFirstOrThrow();
    expect(Number(trained.n)).toBeGreaterThanOrEqual(20);

    // Seeding again changes nothing.
    const { seedDemoData } = await import("#db/seed/demo.server");
    await seedDemoData(db());
    const again = await db().selectFrom("event").select("id").where("centre_id", "=", centre.id).execute();
    expect(again.length).toBe(events.length);
  });

  it("every string the pages use exists in both languages", () => {
    expect(translate("vi", "events.attendance.present")).toBe("Có mặt");
    expect(translate("en", "events.attendance.present")).toBe("Present");
  });
});
