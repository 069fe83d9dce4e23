import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { coverBooking, type Coverage } from "~/features/payments/rules";
import { zoneOf } from "~/utils/zones";
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
  isStaffRole,
  priceOf,
  roomPeriod,
  type BookingErrorCode,
  type OpeningDay,
  type Period,
  type Policy,
  type RuleResult,
} from "./rules";
import { getCentreZone, getOpeningHours, getPolicy, readBookingContext, type BookingContext } from "./queries.server";

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
  /** The centre's zone, in which the times are shown. */
  zone: string;
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
  /** Who gets the confirmation (the person the booking is for). */
  recipient: BookingContext["recipient"];
  /** The free desk-days this booking takes and the weekly allowances it must stay within, if any. */
  quota: { adding: number; personMax: number; teamMax: number | null } | null;
  /** How it is paid for: free, the allowance, a pass or money (price is then the amount). */
  coverage: Coverage;
  /** Minutes a booking that costs money is held while it is paid. */
  holdMinutes: number;
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
  /** The booking being moved, left out of the quota. */
  exceptBookingId?: string;
  /** The team staff book for; the person must belong to it. Default: the person's incubating team. */
  teamId?: string | null;
  /** False for staff's preview, before they name the person a team's fixed desk is for. */
  checkFixedDesk?: boolean;
}

/** The choice's date when it is a real yyyy-MM-dd day, else null (the rules then refuse it). */
function dayOf(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid ? date : null;
}

/**
 * Checks a choice against every rule and returns what to store, or why not. Everything it
 * needs is read in one statement. Under concurrent requests the write checks again what
 * could have changed (writeBooking, or lockBookerRows before a move); the overlap itself is
 * left to the database.
 */
export async function planBooking(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date,
  options: PlanOptions = {},
): Promise<{ ok: true; plan: Plan } | Refusal> {
  const context = await readBookingContext(
    db,
    booker.centre_id,
    booker.id,
    choice.resourceId,
    dayOf(choice.date),
    options.exceptBookingId ?? null,
  );
  return planFrom(context, booker, choice, now, options);
}

/** The rules applied to what readBookingContext read: no database. */
export function planFrom(
  context: BookingContext,
  booker: Booker,
  choice: BookingChoice,
  now: Date,
  options: PlanOptions = {},
): { ok: true; plan: Plan } | Refusal {
  const { resource, zone, policy, hours, teams, recipient } = context;
  if (!resource || !resource.is_active) return refuse("unknown_resource");

  const when = periodOf(resource, choice, hours, policy, zone);
  if (!when.ok) return refuse(when.code);
  const { period, dayPart, minutes } = when.value;

  const price = priceOf(resource, dayPart ? { part: dayPart } : { minutes: minutes ?? 0 });
  if (price === null) return refuse("not_sold");

  const incubating = teams.find((t) => t.status === "incubating") ?? null;
  const audience = checkAudience(resource.audience, { role: booker.role, inIncubatingTeam: incubating !== null });
  if (!audience.ok) return refuse(audience.code);

  const teamIds = teams.map((t) => t.id);
  let teamId = incubating?.id ?? null;
  let ownFixedDesk = false;
  if (options.teamId) {
    if (!teamIds.includes(options.teamId)) return refuse("not_in_team");
    teamId = options.teamId;
  }
  if (resource.kind === "fixed_desk" && options.checkFixedDesk !== false) {
    const date = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) }).toISODate()!;
    const holder = fixedDeskHolder(context.holds, resource.id, date);
    const allowed = checkFixedDesk(holder, teamIds);
    // Staff naming another team than the holder is refused too: the desk is not theirs.
    if (!allowed.ok || (holder && options.teamId && options.teamId !== holder)) return refuse("fixed_desk_assigned");
    // The holding team's desk is booked for that team, and outside its free desk-days:
    // the desk is already theirs for the whole assignment (decision 007).
    if (holder) {
      teamId = holder;
      ownFixedDesk = true;
    }
  }

  const window = checkBookingWindow(period, now, policy, zone);
  if (!window.ok) return refuse(window.code, { days: policy.maxDaysAhead });

  const length = checkLength(resource.kind, period, policy, dayPart ? deskDays(dayPart) : 1);
  if (!length.ok) return refuse(length.code);

  const attendees = dayPart ? 1 : (choice.people ?? 1);
  const capacity = checkCapacity(attendees, resource.capacity);
  if (!capacity.ok) return refuse(capacity.code, { capacity: resource.capacity });

  const closed = checkClosures(period, resource.id, context.closures);
  if (!closed.ok) return refuse(closed.code);

  // Free desk-days are the allowance of an incubating team's founders (the province pays);
  // staff book without one. A team in a programme that sets its own weekly allowance gets
  // that one. Beyond it, a pass or money pays (decision 015).
  const team = teams.find((t) => t.id === teamId) ?? null;
  const incubated = team?.status === "incubating";
  const staff = isStaffRole(booker.role);
  const teamPolicy = team?.quota != null ? { ...policy, freeDeskDaysPerTeamWeek: team.quota } : policy;
  let quota: Plan["quota"] = null;
  let fits: Parameters<typeof coverBooking>[0]["quota"] = null;
  if (dayPart && !staff && !ownFixedDesk && incubated) {
    const adding = deskDays(dayPart);
    const checked = checkQuota({ person: context.held, team: team.held, adding }, teamPolicy);
    if (checked.ok) {
      fits = { fits: true };
      quota = { adding, personMax: teamPolicy.freeDeskDaysPerPersonWeek, teamMax: teamPolicy.freeDeskDaysPerTeamWeek };
    } else {
      fits = { fits: false, code: checked.code as "quota_person" | "quota_team" };
    }
  }
  const covered = coverBooking({
    resourceKind: resource.kind,
    price,
    staff: staff || ownFixedDesk,
    incubated,
    quota: fits,
    passes: context.passes,
    userId: booker.id,
    date: DateTime.fromJSDate(period.start, { zone: zoneOf(zone) }).toISODate()!,
  });
  if (!covered.ok) return refuse(covered.code, { max: quotaMax(covered.code, teamPolicy) });
  const coverage = covered.value;
  const charged = coverage.kind === "money" ? coverage.amountVnd : 0;

  return {
    ok: true,
    plan: {
      resource,
      period,
      dayPart,
      attendees,
      price: charged,
      teamId,
      zone,
      policy,
      recipient,
      quota,
      coverage,
      holdMinutes: context.holdMinutes,
    },
  };
}

/** The allowance a quota refusal names. */
export function quotaMax(code: BookingErrorCode, policy: Policy): number {
  return code === "quota_team" ? policy.freeDeskDaysPerTeamWeek : policy.freeDeskDaysPerPersonWeek;
}
