import { sql, type Kysely } from "kysely";
import type { BookingPolicy, Database, DayPart, Floor, ResourceKind, Role } from "#db/schema";
import { fixedDeskHolds, policyOf } from "../bookings/queries.server";
import { DEFAULT_POLICY, deskPeriod, fixedDeskHolder, mayBook, type OpeningDay, type Period } from "../bookings/rules";
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

// Every page of availability reads them: prepared (see db/connect.server.ts).
function listActiveResources(db: Db, centreId: number) {
  return db
    .selectFrom("resource")
    .modifyFront(sql`/* prepare:active_resources */`)
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
 * Every page of availability sends it: prepared, like the day's closures.
 */
function activeBookingsDuring(db: Db, centreId: number, period: Period) {
  return db
    .selectFrom("booking")
    .modifyFront(sql`/* prepare:day_bookings */`)
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
    .modifyFront(sql`/* prepare:day_closures */`)
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

type BasisFloor = Pick<Floor, "id" | "code" | "name_vi" | "name_en" | "plan_width" | "plan_height">;

/**
 * What a day's availability reads that does not depend on the day: the centre's zone,
 * policy and opening hours, the viewer's teams and the floors in one prepared statement,
 * the active resources in another (it was seven queries, each a round trip; the resources
 * as JSON cost PostgreSQL more than as rows). Read once per page and shared by every day it
 * works out (the room search looks at up to eight). A caller that already read the centre's
 * zone passes it.
 */
export async function availabilityBasis(db: Db, viewer: Viewer, zone?: string) {
  const [settings, resources] = await Promise.all([
    sql<{
      zone: string;
      policy: BookingPolicy | null;
      hours: [number, string, string][];
      teams: [string, string][];
      floors: [string, string, string, string, number, number][];
    }>`/* prepare:availability_basis */
      SELECT c.time_zone AS zone,
        (SELECT to_jsonb(p) FROM booking_policy AS p WHERE p.centre_id = c.id) AS policy,
        (SELECT coalesce(json_agg(json_build_array(h.weekday, h.opens_at, h.closes_at) ORDER BY h.weekday), '[]')
           FROM opening_hours AS h WHERE h.centre_id = c.id) AS hours,
        (SELECT coalesce(json_agg(json_build_array(t.id, t.status) ORDER BY t.name, t.id), '[]')
           FROM team_member AS m JOIN team AS t ON t.id = m.team_id WHERE m.user_id = ${viewer.id}) AS teams,
        (SELECT coalesce(json_agg(json_build_array(f.id, f.code, f.name_vi, f.name_en, f.plan_width, f.plan_height)
             ORDER BY f.sort_order, f.code), '[]')
           FROM floor AS f WHERE f.centre_id = c.id) AS floors
      FROM centre AS c WHERE c.id = ${viewer.centre_id}`.execute(db),
    listActiveResources(db, viewer.centre_id),
  ]);
  const row = settings.rows[0];
  if (!row) throw new Error(`No centre ${viewer.centre_id}`);
  const floors: BasisFloor[] = row.floors.map(([id, code, name_vi, name_en, plan_width, plan_height]) => ({
    id,
    code,
    name_vi,
    name_en,
    plan_width,
    plan_height,
  }));
  return {
    zone: zone ?? row.zone,
    hours: row.hours.map(([weekday, opensAt, closesAt]): OpeningDay => ({ weekday, opensAt, closesAt })),
    policy: row.policy ? policyOf(row.policy) : DEFAULT_POLICY,
    inIncubatingTeam: row.teams.some(([, status]) => status === "incubating"),
    teams: row.teams.map(([id]) => id),
    floors,
    resources,
  };
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
