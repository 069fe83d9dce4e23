import { sql, type Kysely } from "kysely";
import { ACTIVE_BOOKING_STATUSES, type Database } from "#db/schema";

// Kysely queries of the staff side of spaces; db (or a transaction) first.

export function listFloors(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("floor")
    .selectAll()
    .where("centre_id", "=", centreId)
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

export function findFloor(db: Kysely<Database>, centreId: number, floorId: string) {
  return db
    .selectFrom("floor")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", floorId)
    .executeTakeFirst();
}

export function listResources(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("resource")
    .selectAll()
    .where("centre_id", "=", centreId)
    .orderBy("kind")
    .orderBy("code")
    .execute();
}

export function findResource(db: Kysely<Database>, centreId: number, resourceId: string) {
  return db
    .selectFrom("resource")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", resourceId)
    .executeTakeFirst();
}

export function listOpeningHours(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("opening_hours")
    .select(["weekday", "opens_at", "closes_at"])
    .where("centre_id", "=", centreId)
    .orderBy("weekday")
    .execute();
}

export function findBookingPolicy(db: Kysely<Database>, centreId: number) {
  return db.selectFrom("booking_policy").selectAll().where("centre_id", "=", centreId).executeTakeFirst();
}

export function listClosures(db: Kysely<Database>, centreId: number, from: Date) {
  return db
    .selectFrom("closure")
    .leftJoin("resource", "resource.id", "closure.resource_id")
    .select([
      "closure.id",
      "closure.kind",
      "closure.reason_vi",
      "closure.reason_en",
      "closure.starts_at",
      "closure.ends_at",
      "closure.resource_id",
      "resource.code as resource_code",
    ])
    .where("closure.centre_id", "=", centreId)
    .where("closure.ends_at", ">", from)
    .orderBy("closure.starts_at")
    .execute();
}

/** Active bookings of the centre (or of one resource) that overlap a period, with their person and event. */
export function listActiveBookingsDuring(
  db: Kysely<Database>,
  scope: { centreId: number; resourceId: string | null },
  startsAt: Date,
  endsAt: Date,
) {
  let query = db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .leftJoin("app_user", "app_user.id", "booking.user_id")
    // The room of a scheduled event: cancelling it cancels the event (its people are told).
    .leftJoin("event", (join) => join.onRef("event.booking_id", "=", "booking.id").on("event.status", "=", "scheduled"))
    .select([
      "booking.id",
      "booking.starts_at",
      "booking.ends_at",
      "booking.purpose",
      "booking.title",
      "event.id as event_id",
      "event.title_vi as event_title_vi",
      "event.title_en as event_title_en",
      sql<number>`(SELECT count(*) FROM event_registration g
        WHERE g.event_id = event.id AND g.status IN ('registered', 'waitlisted'))::int`.as("event_people"),
      "resource.code as resource_code",
      "resource.name_vi as resource_name_vi",
      "resource.name_en as resource_name_en",
      "app_user.name as person_name",
      "app_user.email as person_email",
      "app_user.locale as person_locale",
    ])
    .where("booking.centre_id", "=", scope.centreId)
    .where("booking.status", "in", ACTIVE_BOOKING_STATUSES)
    .where(sql<boolean>`tstzrange(booking.starts_at, booking.ends_at, '[)') && tstzrange(${startsAt}, ${endsAt}, '[)')`)
    .orderBy("booking.starts_at")
    .orderBy("resource.code");
  if (scope.resourceId) query = query.where("booking.resource_id", "=", scope.resourceId);
  return query.execute();
}

export type HeldBooking = Awaited<ReturnType<typeof listActiveBookingsDuring>>[number];

export function listFixedDeskAssignments(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("fixed_desk_assignment")
    .innerJoin("resource", "resource.id", "fixed_desk_assignment.resource_id")
    .innerJoin("team", "team.id", "fixed_desk_assignment.team_id")
    .select([
      "fixed_desk_assignment.id",
      "fixed_desk_assignment.starts_on",
      "fixed_desk_assignment.ends_on",
      "resource.code as resource_code",
      "team.name as team_name",
    ])
    .where("resource.centre_id", "=", centreId)
    .orderBy("resource.code")
    .orderBy("fixed_desk_assignment.starts_on")
    .execute();
}

export function listTeamsForDesks(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("team")
    .select(["id", "name", "incubation_starts_on", "incubation_ends_on"])
    .where("centre_id", "=", centreId)
    .where("status", "=", "incubating")
    .orderBy("name")
    .execute();
}

export function findTeamOfCentre(db: Kysely<Database>, centreId: number, teamId: string) {
  return db
    .selectFrom("team")
    .select(["id", "name"])
    .where("centre_id", "=", centreId)
    .where("id", "=", teamId)
    .executeTakeFirst();
}
