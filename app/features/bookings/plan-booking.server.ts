import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database, DayPart, Resource, Role } from "#db/schema";
import {
  checkAudience,
  checkBookingWindow,
  checkCapacity,
  checkClosures,
  checkFixedDesk,
  checkLength,
  checkQuota,
  deskDays,
  deskPeriod,
  fixedDeskHolder,
  isDesk,
  isoWeek,
  isStaffRole,
  priceOf,
  roomPeriod,
  type BookingErrorCode,
  type OpeningDay,
  type Period,
  type Policy,
  type RuleResult,
} from "./rules";
import {
  closuresOverlapping,
  deskDaysHeld,
  fixedDeskHolds,
  getCentreZone,
  getOpeningHours,
  getPolicy,
  getResource,
  incubatingTeamOf,
  lockBooker,
  teamsOf,
} from "./queries.server";

/** What a person asks for, as the URL contract and the forms carry it (unchecked). */
export interface BookingChoice {
  resourceId: string;
  date: string;
  part?: string | null;
  start?: string | null;
  minutes?: number | null;
  people?: number | null;
}

/** The person a booking is for. */
export interface Booker {
  id: string;
  centre_id: number;
  role: Role;
}

export interface Alternative {
  resourceId: string;
  code: string;
  name_vi: string;
  name_en: string;
  date: string;
  part: DayPart | null;
  start: string | null;
  minutes: number | null;
  people: number;
  startsAt: string;
  endsAt: string;
}

export interface Refusal {
  ok: false;
  code: BookingErrorCode;
  params?: Record<string, string | number>;
  alternatives?: Alternative[];
}

export interface Plan {
  resource: Resource;
  period: Period;
  dayPart: DayPart | null;
  attendees: number;
  price: number;
  teamId: string | null;
  zone: string;
  policy: Policy;
}

/** What every plan of a centre reads: its time zone, booking policy and opening hours. */
export interface CentreSettings {
  zone: string;
  policy: Policy;
  hours: OpeningDay[];
}

export async function centreSettings(db: Kysely<Database>, centreId: number): Promise<CentreSettings> {
  const [zone, policy, hours] = await Promise.all([
    getCentreZone(db, centreId),
    getPolicy(db, centreId),
    getOpeningHours(db, centreId),
  ]);
  return { zone, policy, hours };
}

export function refuse(code: BookingErrorCode, params?: Refusal["params"]): Refusal {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** The period a choice asks for on a resource, by the pure rules. */
export function periodOf(
  resource: Pick<Resource, "kind">,
  choice: BookingChoice,
  hours: Parameters<typeof deskPeriod>[2],
  policy: Policy,
  zone: string,
): RuleResult<{ period: Period; dayPart: DayPart | null; minutes: number | null }> {
  if (isDesk(resource.kind)) {
    const result = deskPeriod(choice.date, choice.part ?? "", hours, policy, zone);
    return result.ok
      ? { ok: true, value: { period: result.value, dayPart: choice.part as DayPart, minutes: null } }
      : result;
  }
  if (!choice.start) return { ok: false, code: "invalid_time" };
  const minutes = choice.minutes ?? NaN;
  const result = roomPeriod(choice.date, choice.start, minutes, hours, zone);
  return result.ok ? { ok: true, value: { period: result.value, dayPart: null, minutes } } : result;
}

export interface PlanOptions {
  /** Inside a transaction that will write: lock the booker's rows for the quota. */
  lock?: boolean;
  /** The booking being moved, left out of the quota. */
  exceptBookingId?: string;
  /** The team staff book for; the person must belong to it. Default: the person's incubating team. */
  teamId?: string | null;
  /** False for staff's preview, before they name the person a team's fixed desk is for. */
  checkFixedDesk?: boolean;
  /** The centre's settings when already read (a series plans every occurrence with the same). */
  settings?: CentreSettings;
}

/**
 * Checks a choice against every rule and returns what to store, or why not. With `lock`
 * (inside a transaction that will write) the booker's rows are locked first so the weekly
 * quota holds under concurrent requests. The overlap itself is left to the database.
 */
export async function planBooking(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date,
  options: PlanOptions = {},
): Promise<{ ok: true; plan: Plan } | Refusal> {
  const resource = await getResource(db, booker.centre_id, choice.resourceId);
  if (!resource || !resource.is_active) return refuse("unknown_resource");
  const { zone, policy, hours } = options.settings ?? (await centreSettings(db, booker.centre_id));

  const when = periodOf(resource, choice, hours, policy, zone);
  if (!when.ok) return refuse(when.code);
  const { period, dayPart, minutes } = when.value;

  const price = priceOf(resource, dayPart ? { part: dayPart } : { minutes: minutes ?? 0 });
  if (price === null) return refuse("not_sold");

  const incubating = await incubatingTeamOf(db, booker.id);
  const audience = checkAudience(resource.audience, { role: booker.role, inIncubatingTeam: incubating !== null });
  if (!audience.ok) return refuse(audience.code);

  let teamId = incubating;
  let ownFixedDesk = false;
  const fixed = resource.kind === "fixed_desk" && options.checkFixedDesk !== false;
  if (options.teamId || fixed) {
    const teams = await teamsOf(db, booker.id);
    if (options.teamId) {
      if (!teams.includes(options.teamId)) return refuse("not_in_team");
      teamId = options.teamId;
    }
    if (fixed) {
      const date = DateTime.fromJSDate(period.start, { zone }).toISODate()!;
      const holder = fixedDeskHolder(await fixedDeskHolds(db, booker.centre_id, date, date), resource.id, date);
      const allowed = checkFixedDesk(holder, teams);
      // Staff naming another team than the holder is refused too: the desk is not theirs.
      if (!allowed.ok || (holder && options.teamId && options.teamId !== holder)) return refuse("fixed_desk_assigned");
      // The holding team's desk is booked for that team, and outside its free desk-days:
      // the desk is already theirs for the whole assignment (decision 007).
      if (holder) {
        teamId = holder;
        ownFixedDesk = true;
      }
    }
  }

  const window = checkBookingWindow(period, now, policy, zone);
  if (!window.ok) return refuse(window.code, { days: policy.maxDaysAhead });

  const length = checkLength(resource.kind, period, policy, dayPart ? deskDays(dayPart) : 1);
  if (!length.ok) return refuse(length.code);

  const attendees = dayPart ? 1 : (choice.people ?? 1);
  const capacity = checkCapacity(attendees, resource.capacity);
  if (!capacity.ok) return refuse(capacity.code, { capacity: resource.capacity });

  const closed = checkClosures(period, resource.id, await closuresOverlapping(db, booker.centre_id, period));
  if (!closed.ok) return refuse(closed.code);

  // Free desk-days are a founder's and a team's allowance; staff book without one.
  if (dayPart && !isStaffRole(booker.role) && !ownFixedDesk) {
    if (options.lock) await lockBooker(db, booker.id, teamId);
    const week = isoWeek(period.start, zone);
    const person = await deskDaysHeld(db, { userId: booker.id }, week, options.exceptBookingId);
    const team = teamId ? await deskDaysHeld(db, { teamId }, week, options.exceptBookingId) : null;
    const quota = checkQuota({ person, team, adding: deskDays(dayPart) }, policy);
    if (!quota.ok) {
      const max = quota.code === "quota_team" ? policy.freeDeskDaysPerTeamWeek : policy.freeDeskDaysPerPersonWeek;
      return refuse(quota.code, { max });
    }
  }

  return { ok: true, plan: { resource, period, dayPart, attendees, price, teamId, zone, policy } };
}
