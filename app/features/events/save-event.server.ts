import type { Kysely } from "kysely";
import type { CentreEvent, Database, Locale } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { SessionUser } from "~/features/auth/session.server";
import { getCentreZone, holdClosuresSteady, isExclusionViolation } from "~/features/bookings/queries.server";
import { bookEventRoom, releaseEventRoom } from "./book-event-room.server";
import { fillFreeSeats } from "./cancel-registration.server";
import type { EventInput } from "./forms";
import { tellRegistrant } from "./notify.server";
import { countRegistered, getEvent, liveRegistrations, lockEvent, programmeExists } from "./queries.server";
import { refusal, Refused, type EventRefusal } from "./refusal";
import { eventPeriod, type Period } from "./rules";

type Saved = { ok: true; eventId: string } | EventRefusal;

/** The checks that need no lock: the times on the calendar, the programme. */
async function checkInput(
  db: Kysely<Database>,
  staff: SessionUser,
  input: EventInput,
): Promise<{ ok: true; period: Period; zone: string } | EventRefusal> {
  const zone = await getCentreZone(db, staff.centre_id);
  const when = eventPeriod(input.date, input.start, input.end, zone);
  if (!when.ok) return refusal(400, `events.error.${when.code}`, { field: when.field });
  if (input.programmeId && !(await programmeExists(db, staff.centre_id, input.programmeId)))
    return refusal(400, "events.error.programme_not_found", { field: "programmeId" });
  return { ok: true, period: when.period, zone };
}

function fieldsOf(input: EventInput, period: Period) {
  return {
    kind: input.kind,
    title_vi: input.titleVi,
    title_en: input.titleEn,
    description_vi: input.descriptionVi,
    description_en: input.descriptionEn,
    organiser: input.organiser,
    starts_at: period.start,
    ends_at: period.end,
    resource_id: input.resourceId,
    venue_text: input.resourceId ? "" : input.venueText,
    capacity: input.capacity,
    audiences: input.audiences,
    counts_as_training: input.countsAsTraining,
    programme_id: input.programmeId,
  };
}

/** Runs a transaction that books a room, turning the core's refusals into the form's. */
async function withRoom(work: () => Promise<Saved>): Promise<Saved> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (isExclusionViolation(error)) return refusal(409, "bookings.error.taken", { field: "resourceId" });
    throw error;
  }
}

/** Staff create an event; its hall or room is booked through the bookings core in the same transaction. */
export async function createEvent(
  db: Kysely<Database>,
  staff: SessionUser,
  input: EventInput,
  now: Date = new Date(),
): Promise<Saved> {
  const checked = await checkInput(db, staff, input);
  if (!checked.ok) return checked;
  const { period, zone } = checked;
  if (period.start.getTime() <= now.getTime()) return refusal(400, "events.error.in_past", { field: "date" });
  return withRoom(() =>
    db.transaction().execute(async (trx) => {
      // The closures lock first, as every writer of bookings takes it.
      if (input.resourceId) await holdClosuresSteady(trx, staff.centre_id);
      const bookingId = input.resourceId
        ? await bookEventRoom(
            trx,
            staff,
            { resourceId: input.resourceId, period, capacity: input.capacity, title: input.titleVi, zone },
            now,
          )
        : null;
      const row = await trx
        .insertInto("event")
        .values({ centre_id: staff.centre_id, ...fieldsOf(input, period), booking_id: bookingId, created_by: staff.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, staff, { action: "event.create", entityType: "event", entityId: row.id, after: row });
      return { ok: true as const, eventId: row.id };
    }),
  );
}

/**
 * Staff change an event. A new time, place or capacity books the room again (the old booking
 * is cancelled first, in the same transaction); a larger capacity gives seats to the waitlist;
 * a new time or place is told to everyone registered or waiting. Every change bumps the
 * calendar sequence.
 */
export async function updateEvent(
  db: Kysely<Database>,
  staff: SessionUser,
  eventId: string,
  input: EventInput,
  now: Date = new Date(),
): Promise<Saved> {
  const checked = await checkInput(db, staff, input);
  if (!checked.ok) return checked;
  const { period, zone } = checked;
  return withRoom(() =>
    db.transaction().execute(async (trx) => {
      await holdClosuresSteady(trx, staff.centre_id);
      const event = await lockEvent(trx, staff.centre_id, eventId);
      if (!event) return refusal(404, "events.error.not_found");
      if (event.status === "cancelled") return refusal(409, "events.error.event_cancelled");
      const registered = await countRegistered(trx, event.id);
      if (input.capacity < registered)
        return refusal(400, "events.error.capacity_below_registered", { field: "capacity", params: { registered } });

      const timeChanged =
        event.starts_at.getTime() !== period.start.getTime() || event.ends_at.getTime() !== period.end.getTime();
      const placeChanged =
        event.resource_id !== input.resourceId || (!input.resourceId && event.venue_text !== input.venueText);
      if (timeChanged && period.start.getTime() <= now.getTime())
        return refusal(400, "events.error.in_past", { field: "date" });

      let bookingId = event.booking_id;
      if (timeChanged || placeChanged || event.capacity !== input.capacity) {
        if (event.booking_id) await releaseEventRoom(trx, staff, event.booking_id, input.titleVi, now);
        bookingId = input.resourceId
          ? await bookEventRoom(
              trx,
              staff,
              { resourceId: input.resourceId, period, capacity: input.capacity, title: input.titleVi, zone },
              now,
            )
          : null;
      } else if (event.booking_id && event.title_vi !== input.titleVi) {
        await trx.updateTable("booking").set({ title: input.titleVi }).where("id", "=", event.booking_id).execute();
      }
      const updated = await trx
        .updateTable("event")
        .set((eb) => ({
          ...fieldsOf(input, period),
          booking_id: bookingId,
          sequence: eb("sequence", "+", 1),
          updated_at: now,
        }))
        .where("id", "=", event.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, staff, {
        action: "event.update",
        entityType: "event",
        entityId: event.id,
        before: event,
        after: updated,
      });
      if (input.capacity > event.capacity) await fillFreeSeats(trx, staff.centre_id, event.id, zone, now);
      if (timeChanged || placeChanged) {
        const view = (await getEvent(trx, staff.centre_id, event.id))!;
        for (const person of await liveRegistrations(trx, event.id)) {
          await tellRegistrant(trx, "changed", view, person, zone);
        }
      }
      return { ok: true as const, eventId: event.id };
    }),
  );
}

/**
 * Staff cancel an event: its room booking is cancelled and everyone registered or waiting is
 * told, in one transaction. Registrations keep their status, so calendars show the event cancelled.
 */
export async function cancelEvent(
  db: Kysely<Database>,
  staff: SessionUser,
  eventId: string,
  reason: string,
  now: Date = new Date(),
): Promise<{ ok: true; told: number } | EventRefusal> {
  return db.transaction().execute(async (trx) => {
    await holdClosuresSteady(trx, staff.centre_id);
    const event = await lockEvent(trx, staff.centre_id, eventId);
    if (!event) return refusal(404, "events.error.not_found");
    if (event.status === "cancelled") return refusal(409, "events.error.event_cancelled");
    if (event.ends_at.getTime() <= now.getTime()) return refusal(409, "events.error.event_over");
    return { ok: true as const, told: await cancelLockedEvent(trx, staff, event, reason, now) };
  });
}

/**
 * Cancels an event the caller has locked, inside its transaction: the room is released, the
 * change recorded, and everyone registered or waiting told (the reason in their language
 * when given in both). Also used when a closure or a block staff confirmed covers the room.
 * Returns how many people were told.
 */
export async function cancelLockedEvent(
  trx: Kysely<Database>,
  actor: AuditActor,
  event: CentreEvent,
  reason: string | { vi: string; en: string },
  now: Date,
): Promise<number> {
  const said = (locale: Locale) => (typeof reason === "string" ? reason : reason[locale]);
  if (event.booking_id) await releaseEventRoom(trx, actor, event.booking_id, said("vi"), now);
  const cancelled = await trx
    .updateTable("event")
    .set((eb) => ({ status: "cancelled", cancelled_at: now, sequence: eb("sequence", "+", 1), updated_at: now }))
    .where("id", "=", event.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "event.cancel",
    entityType: "event",
    entityId: event.id,
    before: event,
    after: cancelled,
  });
  const zone = await getCentreZone(trx, event.centre_id);
  const view = (await getEvent(trx, event.centre_id, event.id))!;
  const people = await liveRegistrations(trx, event.id);
  for (const person of people)
    await tellRegistrant(trx, "event_cancelled", view, person, zone, { reason: said(person.person_locale) });
  return people.length;
}
