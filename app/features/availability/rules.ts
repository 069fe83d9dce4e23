import type { DateTime } from "luxon";
import type { ResourceKind } from "#db/schema";
import { formatTime } from "~/i18n/format";
import { zoneOf } from "~/utils/zones";
import { minutesOfDay, overlaps, parseLocalDate, SLOT_MINUTES, type OpeningDay, type Period } from "../bookings/rules";

// Pure availability rules: a day's opening window, its 30-minute slots, the free intervals
// between bookings and closures, and the room search filter. Local dates and wall-clock
// times are read in the centre's zone, never in the server's.

export type SpaceState = "free" | "taken" | "mine" | "closed";
export const SPACE_STATES = ["free", "taken", "mine", "closed"] as const satisfies readonly SpaceState[];

/** Something that occupies a resource for a while: a booking (mine or not) or a closure. */
export interface Busy extends Period {
  kind: "taken" | "mine" | "closed";
}

export interface Slot extends Period {
  /** Local "HH:mm" of the slot's start. */
  time: string;
}

/** Rooms are booked by slots; desks by half days. */
export function isRoom(kind: ResourceKind): boolean {
  return kind === "meeting_room" || kind === "event_hall" || kind === "phone_booth";
}

/** The day's opening period in the zone, or null when the centre is closed that weekday. */
export function openingPeriod(date: string, hours: readonly OpeningDay[], zone: string): Period | null {
  const day = parseLocalDate(date, zone);
  if (!day) return null;
  const row = hours.find((h) => h.weekday === day.weekday);
  if (!row) return null;
  const opens = minutesOfDay(row.opensAt);
  const closes = minutesOfDay(row.closesAt);
  if (opens === null || closes === null || opens >= closes) return null;
  return { start: atMinutes(day, opens), end: atMinutes(day, closes) };
}

function atMinutes(day: DateTime, minutes: number): Date {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
}

/** The whole local day [00:00, next 00:00) as instants; 23 or 25 hours where DST applies. */
export function localDay(date: string, zone: string): Period | null {
  const day = parseLocalDate(date, zone);
  if (!day) return null;
  return { start: day.toJSDate(), end: day.plus({ days: 1 }).toJSDate() };
}

/**
 * Local "HH:mm" of an instant, as formatTime writes it, from the zone's remembered offset:
 * a room timeline makes hundreds of slots (each room's state looks at its own too), and
 * formatting every one with Intl cost about 0.4 ms of the page's server time.
 */
function localTime(t: number, zone: string): string {
  const offset = zoneOf(zone).offset(t);
  if (!Number.isFinite(offset)) return formatTime(new Date(t), zone);
  const minutes = ((Math.floor((t + offset * 60_000) / 60_000) % 1440) + 1440) % 1440;
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${hh < 10 ? "0" : ""}${hh}:${mm < 10 ? "0" : ""}${mm}`;
}

/** The 30-minute slots of a period, labelled with their local start time. */
export function slotGrid(period: Period, zone: string): Slot[] {
  const slots: Slot[] = [];
  const step = SLOT_MINUTES * 60_000;
  for (let t = period.start.getTime(); t + step <= period.end.getTime(); t += step) {
    slots.push({ start: new Date(t), end: new Date(t + step), time: localTime(t, zone) });
  }
  return slots;
}

/** The parts of `window` no busy period covers, in order; touching busy periods merge. */
export function freeIntervals(window: Period, busy: readonly Period[]): Period[] {
  const sorted = busy
    .filter((b) => overlaps(b, window))
    .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))
    .sort((a, b) => a.start - b.start);
  const free: Period[] = [];
  let cursor = window.start.getTime();
  for (const b of sorted) {
    if (b.start > cursor) free.push({ start: new Date(cursor), end: new Date(b.start) });
    cursor = Math.max(cursor, b.end);
  }
  if (cursor < window.end.getTime()) free.push({ start: new Date(cursor), end: window.end });
  return free;
}

/** Whether nothing busy overlaps the whole period (half-open: touching ends are fine). */
export function isFreeDuring(period: Period, busy: readonly Period[]): boolean {
  return !busy.some((b) => overlaps(b, period));
}

/** Whether `inner` lies within `outer` (ends included). */
export function contains(outer: Period, inner: Period): boolean {
  return outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();
}

/**
 * A resource's state over a period, as the viewer sees it: their own booking first (so
 * they find it), then a closure, then someone else's booking.
 */
export function stateDuring(period: Period | null, busy: readonly Busy[]): SpaceState {
  if (!period) return "closed";
  const during = busy.filter((b) => overlaps(b, period));
  if (during.some((b) => b.kind === "mine")) return "mine";
  if (during.some((b) => b.kind === "closed")) return "closed";
  if (during.some((b) => b.kind === "taken")) return "taken";
  return "free";
}

/**
 * A room's state over a period: "free" while at least one 30-minute slot of it is free,
 * "taken" when none is, "closed" when closures (not bookings) leave no slot.
 */
export function roomStateDuring(period: Period | null, busy: readonly Busy[], zone: string): SpaceState {
  if (!period) return "closed";
  const during = busy.filter((b) => overlaps(b, period));
  if (during.some((b) => b.kind === "mine")) return "mine";
  const slots = slotGrid(period, zone);
  if (slots.some((s) => isFreeDuring(s, during))) return "free";
  const closures = during.filter((b) => b.kind === "closed");
  return slots.every((s) => !isFreeDuring(s, closures)) ? "closed" : "taken";
}

/** Each slot's state, for the room timeline. */
export function slotStates(slots: readonly Slot[], busy: readonly Busy[]): SpaceState[] {
  return slots.map((slot) => stateDuring(slot, busy));
}

export interface RoomCandidate {
  kind: ResourceKind;
  capacity: number;
}

/** The room search filter: a room (not a desk) with room for everyone, free the whole time. */
export function roomFits(
  room: RoomCandidate,
  people: number,
  period: Period,
  opening: Period | null,
  busy: readonly Period[],
): boolean {
  return (
    isRoom(room.kind) &&
    room.capacity >= people &&
    opening !== null &&
    contains(opening, period) &&
    isFreeDuring(period, busy)
  );
}

/** A period of `minutes` starting at a local "HH:mm" on a local date, or null. */
export function periodAt(date: string, time: string, minutes: number, zone: string): Period | null {
  const day = parseLocalDate(date, zone);
  const start = minutesOfDay(time);
  if (!day || start === null || minutes <= 0) return null;
  const startsAt = day.set({ hour: Math.floor(start / 60), minute: start % 60 });
  return { start: startsAt.toJSDate(), end: startsAt.plus({ minutes }).toJSDate() };
}

/** Local "HH:mm–HH:mm" ranges, e.g. for "free 08:00–10:30, 13:00–17:00". */
export function describeRanges(periods: readonly Period[], zone: string): string[] {
  return periods.map((p) => `${formatTime(p.start, zone)}–${formatTime(p.end, zone)}`);
}
