import { DateTime } from "luxon";
import { z } from "zod";
import type { ResourceKind } from "#db/schema";
import { parseCalendarDate } from "~/features/programmes/rules";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";

// Pure rules of occupancy: no database, no request.

/** A period of local calendar days "yyyy-MM-dd", both included. */
export interface OccupancyPeriod {
  from: string;
  to: string;
}

/** The longest period one page computes: a year and a bit, so a whole year fits. */
const MAX_PERIOD_DAYS = 400;
/** Without a chosen period: the last four weeks, today included. */
const DEFAULT_PERIOD_DAYS = 28;

function defaultPeriod(today: string): OccupancyPeriod {
  const to = DateTime.fromISO(today);
  return { from: to.minus({ days: DEFAULT_PERIOD_DAYS - 1 }).toISODate()!, to: today };
}

const day = (message: MessageKey) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const date = parseCalendarDate(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return date;
    });

const periodSchema = z
  .object({ from: day("occupancy.error.invalidDate"), to: day("occupancy.error.invalidDate") })
  .superRefine((period, ctx) => {
    if (period.to < period.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "occupancy.error.endBeforeStart" });
    } else if (daysIn(period) > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "occupancy.error.tooLong" });
    }
  });

/** Days in a period, both ends included. */
function daysIn(period: OccupancyPeriod): number {
  return DateTime.fromISO(period.to).diff(DateTime.fromISO(period.from), "days").days + 1;
}

export type PeriodParse =
  | { ok: true; period: OccupancyPeriod; chosen: boolean }
  | { ok: false; errors: FieldErrors; values: { from: string; to: string } };

/** Reads ?from=&to= (dd/MM/yyyy): the default period when both are absent, errors when wrong. */
export function parsePeriod(url: URL, today: string): PeriodParse {
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");
  if (!from && !to) return { ok: true, period: defaultPeriod(today), chosen: false };
  const result = periodSchema.safeParse({ from: from ?? "", to: to ?? "" });
  if (result.success) return { ok: true, period: result.data, chosen: true };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] === "to" ? "to" : "from";
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false, errors, values: { from: from ?? "", to: to ?? "" } };
}

/** The instants a period of local days covers: from its first midnight to the midnight after it. */
export function periodInstants(period: OccupancyPeriod, zone: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(period.from, { zone }).startOf("day").toJSDate(),
    end: DateTime.fromISO(period.to, { zone }).startOf("day").plus({ days: 1 }).toJSDate(),
  };
}

/** A share in [0, 1], or null when nothing could have been used (no opening hours). */
export function share(used: number, capacity: number): number | null {
  return capacity > 0 ? used / capacity : null;
}

/** A share as a whole percentage for people ("37 %"); "—" when there was nothing to use. */
export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)} %`;
}

/** A heatmap hour as people read it: 9 → "09:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export interface HeatmapCell {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local hour, 0–23: the cell covers hour:00 to hour+1:00. */
  hour: number;
  /** Resource-minutes the centre was open for in this cell over the period. */
  capacityMinutes: number;
  /** Resource-minutes booked in it. */
  bookedMinutes: number;
  share: number | null;
}

/** The busiest and emptiest cells of a heatmap (cells the centre was open for only), n of each. */
export function extremes(cells: readonly HeatmapCell[], n = 3): { busiest: HeatmapCell[]; emptiest: HeatmapCell[] } {
  const open = cells.filter((cell) => cell.share !== null);
  const order = (a: HeatmapCell, b: HeatmapCell) => a.weekday - b.weekday || a.hour - b.hour;
  const busiest = [...open].sort((a, b) => b.share! - a.share! || order(a, b)).slice(0, n);
  const emptiest = [...open].sort((a, b) => a.share! - b.share! || order(a, b)).slice(0, n);
  return { busiest, emptiest };
}

export interface ResourceUse {
  resourceId: string;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: ResourceKind;
  floorCode: string;
  bookings: number;
  deskDays: number;
  hours: number;
  bookedMinutes: number;
  capacityMinutes: number;
  share: number | null;
}

export interface KindUse {
  kind: ResourceKind;
  resources: number;
  bookings: number;
  deskDays: number;
  hours: number;
  share: number | null;
}

/** Use per kind of resource, summed from the use per resource. */
export function useByKind(rows: readonly ResourceUse[]): KindUse[] {
  const byKind = new Map<ResourceKind, KindUse & { booked: number; capacity: number }>();
  for (const row of rows) {
    const sum = byKind.get(row.kind) ?? {
      kind: row.kind,
      resources: 0,
      bookings: 0,
      deskDays: 0,
      hours: 0,
      share: null,
      booked: 0,
      capacity: 0,
    };
    sum.resources += 1;
    sum.bookings += row.bookings;
    sum.deskDays += row.deskDays;
    sum.hours += row.hours;
    sum.booked += row.bookedMinutes;
    sum.capacity += row.capacityMinutes;
    byKind.set(row.kind, sum);
  }
  return [...byKind.values()].map(({ booked, capacity, ...kind }) => ({ ...kind, share: share(booked, capacity) }));
}

/** no_show / (confirmed + checked_in + no_show) of bookings already over; null when none. */
export function noShowRate(counts: { confirmed: number; checkedIn: number; noShow: number }): number | null {
  const all = counts.confirmed + counts.checkedIn + counts.noShow;
  return all > 0 ? counts.noShow / all : null;
}
