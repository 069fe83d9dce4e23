import { DateTime } from "luxon";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isDesk } from "~/features/bookings/rules";
import {
  bookingsOfDay,
  occupancyByMonth,
  occupancyByResource,
  occupancyHeatmap,
  pastBookingCounts,
  resourcesNow,
} from "./queries.server";
import { extremes, noShowRate, periodInstants, useByKind, type OccupancyPeriod } from "./rules";

/** Today at the centre: desks per floor, rooms now and next, people expected. */
export async function readToday(db: Kysely<Database>, input: { centreId: number; zone: string; now: Date }) {
  const today = DateTime.fromJSDate(input.now).setZone(input.zone).toISODate()!;
  const range = periodInstants({ from: today, to: today }, input.zone);
  const [resources, people] = await Promise.all([
    resourcesNow(db, input.centreId, input.now),
    bookingsOfDay(db, input.centreId, range),
  ]);
  const floors = new Map<
    string,
    { code: string; nameVi: string; nameEn: string; desks: number; booked: number; checkedIn: number; blocked: number }
  >();
  const rooms = [];
  for (const r of resources) {
    if (isDesk(r.kind)) {
      const floor = floors.get(r.floor_id) ?? {
        code: r.floor_code,
        nameVi: r.floor_name_vi,
        nameEn: r.floor_name_en,
        desks: 0,
        booked: 0,
        checkedIn: 0,
        blocked: 0,
      };
      floor.desks += 1;
      if (r.now_purpose === "block") floor.blocked += 1;
      else if (r.now_status) floor.booked += 1;
      if (r.now_purpose === "booking" && r.now_status === "checked_in") floor.checkedIn += 1;
      floors.set(r.floor_id, floor);
    } else {
      rooms.push({
        id: r.id,
        code: r.code,
        nameVi: r.name_vi,
        nameEn: r.name_en,
        kind: r.kind,
        floorCode: r.floor_code,
        state:
          r.now_purpose === "block" ? ("blocked" as const) : r.now_status ? ("in_use" as const) : ("free" as const),
        until: r.now_ends_at,
        title: r.now_title,
        next: r.next_starts_at as Date | null,
      });
    }
  }
  const floorRows = [...floors.values()].map((f) => ({ ...f, free: f.desks - f.booked - f.blocked }));
  const total = floorRows.reduce(
    (sum, f) => ({
      desks: sum.desks + f.desks,
      booked: sum.booked + f.booked,
      checkedIn: sum.checkedIn + f.checkedIn,
      blocked: sum.blocked + f.blocked,
      free: sum.free + f.free,
    }),
    { desks: 0, booked: 0, checkedIn: 0, blocked: 0, free: 0 },
  );
  return { today, floors: floorRows, total, rooms, people };
}

/** Every figure of a period: the heatmap, its extremes, use per resource and kind, no-shows, months. */
export async function readPeriod(
  db: Kysely<Database>,
  input: { centreId: number; zone: string; period: OccupancyPeriod; now: Date },
) {
  const { centreId, period } = input;
  const [heatmap, resources, months, counts] = await Promise.all([
    occupancyHeatmap(db, centreId, period),
    occupancyByResource(db, centreId, period),
    occupancyByMonth(db, centreId, period),
    pastBookingCounts(db, centreId, periodInstants(period, input.zone), input.now),
  ]);
  return {
    period,
    heatmap,
    ...extremes(heatmap),
    resources,
    kinds: useByKind(resources),
    months,
    noShow: { ...counts, rate: noShowRate(counts) },
  };
}

export type PeriodFigures = Awaited<ReturnType<typeof readPeriod>>;
