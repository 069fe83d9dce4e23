// Test data and steps for events: a staff member's event form, a fresh hall, and the
// registration steps done through the routes, as people do them.
import type { DateTime } from "luxon";
import { action as eventPageAction, loader as eventPageLoader } from "~/routes/events.$eventId._index";
import { action as newEventAction } from "~/routes/staff.events.new";
import { db } from "~/utils/database.server";
import { createResource, openWeek } from "./bookings";
import { createUser } from "./factories";
import { call, dataOf, statusOf } from "./requests";

/** A staff member's event form: a training on the day, in the room given (or outside the centre). */
export function eventForm(day: DateTime, overrides: Record<string, string | string[]> = {}) {
  return {
    kind: "training",
    titleVi: `Tập huấn thử ${Math.random().toString(36).slice(2, 8)}`,
    titleEn: "Test training",
    descriptionVi: "Nội dung tập huấn.",
    descriptionEn: "What the training covers.",
    organiser: "Trung tâm",
    date: day.toISODate()!,
    start: "08:00",
    end: "10:00",
    resourceId: "",
    venueText: "Hội trường tỉnh",
    capacity: "30",
    audiences: ["founders", "public"],
    countsAsTraining: "on",
    ...overrides,
  };
}

/** A Tuesday the centre is open, at least `minDays` ahead. */
export async function openTuesday(minDays = 2) {
  return (await openWeek(minDays)).plus({ days: 1 });
}

export async function createStaff() {
  return createUser("staff");
}

/** Staff create an event through the form; returns the response and the new event's id. */
export async function createEventAs(cookie: string, form: Record<string, string | string[]>) {
  const response = await call(newEventAction, "/staff/events/new", { cookie, form });
  const location = response instanceof Response ? response.headers.get("Location") : null;
  const eventId = location?.match(/\/staff\/events\/([0-9a-f-]{36})/)?.[1] ?? null;
  return { response, status: statusOf(response), eventId };
}

/** An event in a fresh hall, through the staff form. */
export async function createTestEvent(overrides: Record<string, string | string[]> = {}) {
  const staff = await createStaff();
  const hall = await createResource("event_hall", { capacity: 60 });
  const day = await openTuesday();
  const created = await createEventAs(staff.cookie, eventForm(day, { resourceId: hall.id, ...overrides }));
  if (!created.eventId) throw new Error(`event not created: ${JSON.stringify(dataOf(created.response))}`);
  return { eventId: created.eventId, staff, hall, day };
}

export async function registerMember(cookie: string, eventId: string) {
  return call(eventPageAction, `/events/${eventId}`, { cookie, form: { intent: "register" }, params: { eventId } });
}

export async function cancelMember(cookie: string, eventId: string) {
  return call(eventPageAction, `/events/${eventId}`, { cookie, form: { intent: "cancel" }, params: { eventId } });
}

export function guestForm(overrides: Record<string, string> = {}) {
  const id = Math.random().toString(36).slice(2, 8);
  return {
    intent: "guest",
    name: `Khách ${id}`,
    organisation: "HTX Du lịch bản Áng",
    email: `khach-${id}@example.vn`,
    phone: "0912 345 678",
    audience: "public",
    ...overrides,
  };
}

export async function registerGuest(
  eventId: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return call(eventPageAction, `/events/${eventId}`, { form, params: { eventId }, headers });
}

/** The guest's token from the redirect to their registration page. */
export function tokenFrom(response: unknown): string | null {
  const location = response instanceof Response ? response.headers.get("Location") : null;
  const token = location?.match(/\/registration\/([^?]+)/)?.[1];
  return token ? decodeURIComponent(token) : null;
}

export async function viewEvent(eventId: string, cookie: string | null = null) {
  return dataOf<Awaited<ReturnType<typeof eventPageLoader>>>(
    await call(eventPageLoader, `/events/${eventId}`, { cookie, params: { eventId } }),
  );
}

export async function registrationsOf(eventId: string) {
  return db()
    .selectFrom("event_registration")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("queue_order")
    .execute();
}

export async function eventRow(eventId: string) {
  return db().selectFrom("event").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
}

export async function messagesTo(email: string, kind?: string) {
  let query = db().selectFrom("outbox").selectAll().where("to_address", "=", email);
  if (kind) query = query.where("kind", "=", kind);
  return query.orderBy("created_at").execute();
}
