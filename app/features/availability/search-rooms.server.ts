import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database } from "#db/schema";
import { priceOf } from "../bookings/rules";
import { availabilityBasis, dayAvailability, type DayAvailability, type Viewer } from "./queries.server";
import { periodAt, roomFits, slotGrid } from "./rules";

export interface RoomSearch {
  people: number;
  date: string;
  start: string;
  minutes: number;
}

export interface RoomMatch {
  id: string;
  code: string;
  kind: string;
  name_vi: string;
  name_en: string;
  capacity: number;
  amenities: string[];
  price: number | null;
  date: string;
  start: string;
}

const SAME_DAY_ALTERNATIVES = 4;
const DAYS_AHEAD = 7;
const LATER_DAY_ALTERNATIVES = 3;
const ROOMS_ONLY = { rooms: true } as const;

function roomsFree(day: DayAvailability, search: RoomSearch, start: string): RoomMatch[] {
  const period = periodAt(day.date, start, search.minutes, day.zone);
  if (!period) return [];
  return day.resources
    .filter((r) => r.bookable && roomFits(r, search.people, period, day.opening, r.busy))
    .sort((a, b) => a.capacity - b.capacity || a.code.localeCompare(b.code))
    .map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      name_vi: r.name_vi,
      name_en: r.name_en,
      capacity: r.capacity,
      amenities: r.amenities,
      price: priceOf(r, { minutes: search.minutes }),
      date: day.date,
      start,
    }));
}

/**
 * Rooms for `people` free for the whole interval, smallest first. When there are none, the
 * nearest alternatives: other start times that day (closest first), then the same time on
 * the following days.
 */
export async function searchRooms(db: Kysely<Database>, viewer: Viewer, search: RoomSearch, zone?: string) {
  const window = { start: search.start, minutes: search.minutes };
  const basis = await availabilityBasis(db, viewer, zone);
  const day = await dayAvailability(db, viewer, search.date, window, undefined, ROOMS_ONLY, basis);
  if (!day) return { matches: [], alternatives: [] };
  const matches = roomsFree(day, search, search.start);
  if (matches.length > 0) return { matches, alternatives: [] };

  const alternatives: RoomMatch[] = [];
  if (day.opening) {
    const wanted = periodAt(search.date, search.start, search.minutes, day.zone)?.start.getTime() ?? 0;
    const starts = slotGrid(day.opening, day.zone)
      .filter((s) => s.time !== search.start)
      .sort((a, b) => Math.abs(a.start.getTime() - wanted) - Math.abs(b.start.getTime() - wanted));
    for (const slot of starts) {
      if (alternatives.length >= SAME_DAY_ALTERNATIVES) break;
      const first = roomsFree(day, search, slot.time)[0];
      if (first) alternatives.push(first);
    }
  }
  let next = DateTime.fromISO(search.date, { zone: day.zone });
  let later = 0;
  for (let i = 0; i < DAYS_AHEAD && later < LATER_DAY_ALTERNATIVES; i++) {
    next = next.plus({ days: 1 });
    const nextDay = await dayAvailability(db, viewer, next.toISODate()!, window, undefined, ROOMS_ONLY, basis);
    const first = nextDay ? roomsFree(nextDay, search, search.start)[0] : undefined;
    if (first) {
      alternatives.push(first);
      later += 1;
    }
  }
  return { matches, alternatives };
}
