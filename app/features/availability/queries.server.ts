import { sql, type Kysely } from "kysely";
import type { Database, DayPart, ResourceKind, Role } from "#db/schema";
import {
  fixedDeskHolds,
  getCentreZone,
  getOpeningHours,
  getPolicy,
  incubatingTeamOf,
  teamsOf,
} from "../bookings/queries.server";
import { deskPeriod, fixedDeskHolder, mayBook, type Period } from "../bookings/rules";
import {
  isRoom,
  localDay,
  openingPeriod,
  periodAt,
  roomStateDuring,
  stateDuring,
  type Busy,
  type SpaceState,
} from "./rules";

type Db = Kysely<Database>;

export interface Viewer {
  id: string;
  role: Role;
  centre_id: number;
}

/** Which part of the day the states describe: a desk half day, or a time range (search). */
export type DayWindow = { part: DayPart } | { start: string; minutes: number };

export function listFloors(db: Db, centreId: number) {
  return db
    .selectFrom("floor")
    .select(["id", "code", "name_vi", "name_en", "plan_width", "plan_height"])
    .where("centre_id", "=", centreId)
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

function listActiveResources(db: Db, centreId: number) {
  return db
    .selectFrom("resource")
    .select([
      "id",
      "floor_id",
      "code",
      "kind",
      "name_vi",
      "name_en",
      "capacity",
      "amenities",
      "audience",
      "price_hour_vnd",
      "price_half_day_vnd",
      "price_day_vnd",
      "plan_x",
      "plan_y",
      "plan_width",
      "plan_height",
    ])
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .orderBy("code")
    .execute();
}

/**
 * Every active booking of the centre that touches the period, in one query. The literal
 * status list matches booking_active_period_idx's predicate so the planner can use it.
 */
function activeBookingsDuring(db: Db, centreId: number, period: Period) {
  return db
    .selectFrom("booking")
    .select(["resource_id", "user_id", "purpose", "starts_at", "ends_at"])
    .where("centre_id", "=", centreId)
    .where(sql<boolean>`status IN ('held', 'confirmed', 'checked_in')`)
    .where(
      sql<boolean>`tstzrange(starts_at, ends_at, '[)') && tstzrange(${period.start}::timestamptz, ${period.end}::timestamptz, '[)')`,
    )
    .execute();
}

function closuresDuring(db: Db, centreId: number, period: Period) {
  return db
    .selectFrom("closure")
    .select(["resource_id", "starts_at", "ends_at"])
    .where("centre_id", "=", centreId)
    .where(
      sql<boolean>`tstzrange(starts_at, ends_at, '[)') && tstzrange(${period.start}::timestamptz, ${period.end}::timestamptz, '[)')`,
    )
    .execute();
}

/**
 * Which resources a page needs: only rooms (the timeline, the search), or one floor (the
 * plan; an unknown or missing floor means the first). Working out the others is wasted time.
 */
export interface Scope {
  rooms?: boolean;
  floor?: string | null;
}

function inScope(r: { kind: ResourceKind; floor_id: string }, scope: Scope, floors: ReadonlyArray<{ id: string }>) {
  if (scope.rooms && !isRoom(r.kind)) return false;
  if (scope.floor !== undefined) {
    const floorId = floors.some((f) => f.id === scope.floor) ? scope.floor : floors[0]?.id;
    if (r.floor_id !== floorId) return false;
  }
  return true;
}

/**
 * What a day's availability reads that does not depend on the day: read once per page and
 * shared by every day it works out (the room search looks at up to eight). A caller that
 * already read the centre's zone passes it.
 */
export async function availabilityBasis(db: Db, viewer: Viewer, zone?: string) {
  const centreId = viewer.centre_id;
  const [centreZone, hours, policy, teamId, teams, floors, resources] = await Promise.all([
    zone ?? getCentreZone(db, centreId),
    getOpeningHours(db, centreId),
    getPolicy(db, centreId),
    incubatingTeamOf(db, viewer.id),
    teamsOf(db, viewer.id),
    listFloors(db, centreId),
    listActiveResources(db, centreId),
  ]);
  return { zone: centreZone, hours, policy, inIncubatingTeam: teamId !== null, teams, floors, resources };
}

export type AvailabilityBasis = Awaited<ReturnType<typeof availabilityBasis>>;

/**
 * A local day's availability of every active resource of the centre, as the viewer sees it:
 * free, taken (someone else), mine, or closed (closure, outside opening hours, closed day).
 * Desks are judged over the chosen half day (or range); rooms over the same window, "free"
 * while a slot of it is free, and carry their busy periods for the whole opening day.
 * A fixed desk that a team holds that day is "mine" to its members (and bookable while
 * none of them has booked it) and "taken" to everyone else. Time already past reads as
 * closed: it can no longer be booked.
 * Returns null for a date that is not a real yyyy-MM-dd.
 */
export async function dayAvailability(
  db: Db,
  viewer: Viewer,
  date: string,
  window: DayWindow = { part: "day" },
  now: Date = new Date(),
  scope: Scope = {},
  basis?: AvailabilityBasis,
) {
  const centreId = viewer.centre_id;
  const { zone, hours, policy, inIncubatingTeam, teams, floors, resources } =
    basis ?? (await availabilityBasis(db, viewer));
  const day = localDay(date, zone);
  if (!day) return null;
  const [holds, bookings, closures] = await Promise.all([
    fixedDeskHolds(db, centreId, date, date),
    activeBookingsDuring(db, centreId, day),
    closuresDuring(db, centreId, day),
  ]);
  const opening = openingPeriod(date, hours, zone);
  let period: Period | null;
  if ("part" in window) {
    const desk = deskPeriod(date, window.part, hours, policy, zone);
    period = desk.ok ? desk.value : null;
  } else {
    period = periodAt(date, window.start, window.minutes, zone);
  }

  const busyByResource = new Map<string, Busy[]>();
  const push = (id: string, busy: Busy) => {
    const list = busyByResource.get(id);
    if (list) list.push(busy);
    else busyByResource.set(id, [busy]);
  };
  for (const b of bookings) {
    // A staff block takes the resource out of use: to a founder it reads as closed.
    const kind = b.purpose === "block" ? "closed" : b.user_id === viewer.id ? "mine" : "taken";
    push(b.resource_id, { kind, start: b.starts_at, end: b.ends_at });
  }
  const centreClosures: Busy[] = [];
  if (now.getTime() > day.start.getTime()) {
    centreClosures.push({
      kind: "closed",
      start: day.start,
      end: new Date(Math.min(now.getTime(), day.end.getTime())),
    });
  }
  for (const c of closures) {
    const busy: Busy = { kind: "closed", start: c.starts_at, end: c.ends_at };
    if (c.resource_id === null) centreClosures.push(busy);
    else push(c.resource_id, busy);
  }
  const booker = { role: viewer.role, inIncubatingTeam };

  return {
    date,
    zone,
    opening,
    period,
    floors,
    resources: resources
      .filter((r) => inScope(r, scope, floors))
      .map((r) => {
        const busy = [...(busyByResource.get(r.id) ?? []), ...centreClosures];
        const holder = r.kind === "fixed_desk" ? fixedDeskHolder(holds, r.id, date) : null;
        const teamDesk = holder !== null && teams.includes(holder);
        const otherTeamDesk = holder !== null && !teamDesk;
        if (otherTeamDesk) busy.push({ kind: "taken", start: day.start, end: day.end });
        const room = isRoom(r.kind);
        // Outside the opening hours (or on a closed day) nothing is free.
        const withinHours = period && opening && period.start >= opening.start && period.end <= opening.end;
        const seen: SpaceState = !withinHours
          ? "closed"
          : room
            ? roomStateDuring(period, busy, zone)
            : stateDuring(period, busy);
        const free = seen === "free";
        const state: SpaceState = teamDesk && free ? "mine" : seen;
        return { ...r, room, state, free, teamDesk, otherTeamDesk, bookable: mayBook(r.audience, booker), busy };
      }),
  };
}

export type DayAvailability = NonNullable<Awaited<ReturnType<typeof dayAvailability>>>;
export type ResourceAvailability = DayAvailability["resources"][number];
