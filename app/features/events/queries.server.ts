import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";

type Db = Kysely<Database>;

/** An event with its place and seat counts, as the pages show it. */
export async function getEvent(db: Db, centreId: number, eventId: string) {
  if (!isUuid(eventId)) return undefined;
  return eventsWithCounts(db, centreId).where("e.id", "=", eventId).executeTakeFirst();
}
export type EventView = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

function eventsWithCounts(db: Db, centreId: number) {
  return db
    .selectFrom("event as e")
    .leftJoin("resource as r", "r.id", "e.resource_id")
    .selectAll("e")
    .select(["r.code as resource_code", "r.name_vi as resource_name_vi", "r.name_en as resource_name_en"])
    .select((eb) => [
      eb
        .selectFrom("event_registration as g")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("g.event_id", "=", "e.id")
        .where("g.status", "=", "registered")
        .as("registered"),
      eb
        .selectFrom("event_registration as g")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("g.event_id", "=", "e.id")
        .where("g.status", "=", "waitlisted")
        .as("waitlisted"),
      eb
        .selectFrom("event_registration as g")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("g.event_id", "=", "e.id")
        .where("g.status", "=", "registered")
        .where("g.attended_at", "is not", null)
        .as("attended"),
    ])
    .where("e.centre_id", "=", centreId);
}

/** Events not yet over, soonest first (the public list); cancelled ones stay listed, marked. */
export async function listUpcomingEvents(db: Db, centreId: number, now: Date) {
  return eventsWithCounts(db, centreId).where("e.ends_at", ">", now).orderBy("e.starts_at").limit(100).execute();
}

/** Events already over, latest first. */
export async function listPastEvents(db: Db, centreId: number, now: Date, limit = 20) {
  return eventsWithCounts(db, centreId)
    .where("e.ends_at", "<=", now)
    .orderBy("e.starts_at", "desc")
    .limit(limit)
    .execute();
}

/** Locks the event row: registrations of one event are decided one at a time. */
export async function lockEvent(db: Db, centreId: number, eventId: string) {
  if (!isUuid(eventId)) return undefined;
  return db
    .selectFrom("event")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
}

export async function countRegistered(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom("event_registration")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The registration with the person it is for: a member's account or the guest's own details. */
function registrationsWithPeople(db: Db) {
  return db
    .selectFrom("event_registration as g")
    .leftJoin("app_user as u", "u.id", "g.user_id")
    .selectAll("g")
    .select([
      sql<string>`coalesce(u.name, g.guest_name)`.as("person_name"),
      sql<string>`coalesce(u.email, g.guest_email)`.as("person_email"),
      sql<string>`coalesce(u.phone, g.guest_phone)`.as("person_phone"),
      sql<"vi" | "en">`coalesce(u.locale, g.guest_locale)`.as("person_locale"),
    ]);
}

/** Everyone registered or waitlisted for an event (staff's attendance list), waitlist in order. */
export async function listRegistrations(db: Db, eventId: string) {
  return registrationsWithPeople(db)
    .where("g.event_id", "=", eventId)
    .where("g.status", "in", ["registered", "waitlisted"])
    .orderBy(sql`g.status = 'waitlisted'`)
    .orderBy(sql`CASE WHEN g.status = 'waitlisted' THEN g.queue_order END`)
    .orderBy(sql`lower(coalesce(u.name, g.guest_name))`)
    .execute();
}

export async function getRegistration(db: Db, eventId: string, registrationId: string) {
  if (!isUuid(registrationId)) return undefined;
  return registrationsWithPeople(db)
    .where("g.event_id", "=", eventId)
    .where("g.id", "=", registrationId)
    .executeTakeFirst();
}

/** Several registrations of one event at once (the people just promoted from the waitlist). */
export async function registrationsByIds(db: Db, eventId: string, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return registrationsWithPeople(db).where("g.event_id", "=", eventId).where("g.id", "in", registrationIds).execute();
}

export async function registrationByToken(db: Db, eventId: string, token: string) {
  return registrationsWithPeople(db).where("g.event_id", "=", eventId).where("g.token", "=", token).executeTakeFirst();
}

/** A member's live registration, else their latest one. */
export async function memberRegistration(db: Db, eventId: string, userId: string) {
  return registrationsWithPeople(db)
    .where("g.event_id", "=", eventId)
    .where("g.user_id", "=", userId)
    .orderBy(sql`g.status = 'cancelled'`)
    .orderBy("g.created_at", "desc")
    .executeTakeFirst();
}

/** 1 for the first person waiting, counted among the live waitlist. */
export async function waitlistPosition(db: Db, eventId: string, queueOrder: string): Promise<number> {
  const row = await db
    .selectFrom("event_registration")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "waitlisted")
    .where("queue_order", "<=", queueOrder)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The next people waiting, in the order they came. */
export async function nextWaiting(db: Db, eventId: string, count: number) {
  if (count <= 0) return [];
  return db
    .selectFrom("event_registration")
    .select("id")
    .where("event_id", "=", eventId)
    .where("status", "=", "waitlisted")
    .orderBy("queue_order")
    .limit(count)
    .forUpdate()
    .execute();
}

/** Every live registration of an event, with who to tell. */
export async function liveRegistrations(db: Db, eventId: string) {
  return registrationsWithPeople(db)
    .where("g.event_id", "=", eventId)
    .where("g.status", "in", ["registered", "waitlisted"])
    .execute();
}

/** Rooms and halls an event can take. */
export async function listEventRooms(db: Db, centreId: number) {
  return db
    .selectFrom("resource")
    .select(["id", "code", "name_vi", "name_en", "capacity", "kind"])
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .where("kind", "in", ["meeting_room", "event_hall"])
    .orderBy("kind", "desc")
    .orderBy("code")
    .execute();
}

/** Programmes a competition round may belong to. */
export async function listProgrammeChoices(db: Db, centreId: number) {
  return db
    .selectFrom("programme")
    .select(["id", "name_vi", "name_en"])
    .where("centre_id", "=", centreId)
    .orderBy("starts_on", "desc")
    .execute();
}

export async function programmeExists(db: Db, centreId: number, programmeId: string): Promise<boolean> {
  if (!isUuid(programmeId)) return false;
  const row = await db
    .selectFrom("programme")
    .select("id")
    .where("centre_id", "=", centreId)
    .where("id", "=", programmeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The team a member belongs to (the certificate names it as their organisation), if any. */
export async function teamNameOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("team_member as m")
    .innerJoin("team as t", "t.id", "m.team_id")
    .select("t.name")
    .where("m.user_id", "=", userId)
    .orderBy("m.joined_at", "desc")
    .executeTakeFirst();
  return row?.name ?? null;
}
