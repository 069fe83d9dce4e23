import { DateTime } from "luxon";
import { zoneOf } from "~/utils/zones";
import type { FieldErrors } from "~/utils/forms";

// Pure rules of the staff side of spaces: no database, no request.

/** "yyyy-MM-ddTHH:mm" (an <input type="datetime-local">) in the centre's zone, as an instant. */
export function localDateTimeToInstant(value: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const dt = DateTime.fromISO(value, { zone: zoneOf(zone) });
  // Luxon moves a wall-clock time that does not exist (a DST gap) instead of refusing it.
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== value) return null;
  return dt.toJSDate();
}

/** An instant shown in a datetime-local input, in the centre's zone. */
export function instantToLocalInput(value: Date, zone: string): string {
  return DateTime.fromJSDate(value).setZone(zoneOf(zone)).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "HH:mm" on a 24-hour clock. */
export function isWallClock(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A resource's rectangle lies inside its floor's drawing area. */
export function fitsFloor(
  rect: { x: number; y: number; width: number; height: number },
  floor: { plan_width: number; plan_height: number },
): boolean {
  return (
    rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= floor.plan_width && rect.y + rect.height <= floor.plan_height
  );
}

/** Prices are typed as "100.000", "100,000" or "100000" đồng; empty means not sold that way. */
export function parseDong(value: string): number | null | "invalid" {
  const compact = value.replace(/[\s.,₫đ]/g, "");
  if (compact === "") return null;
  if (!/^\d{1,10}$/.test(compact)) return "invalid";
  const amount = Number(compact);
  return amount <= 2_000_000_000 ? amount : "invalid";
}

/** A closure or block ends after it starts (the tables' CHECKs say the same). */
export function isValidPeriod(startsAt: Date, endsAt: Date): boolean {
  return endsAt.getTime() > startsAt.getTime();
}

/**
 * The start and end staff typed (closures, blocks) as instants of the centre's zone, or the
 * errors to show beside those fields.
 */
export function periodInZone(
  form: { startsAt: string; endsAt: string },
  zone: string,
): { ok: true; startsAt: Date; endsAt: Date } | { ok: false; errors: FieldErrors } {
  const startsAt = localDateTimeToInstant(form.startsAt, zone);
  const endsAt = localDateTimeToInstant(form.endsAt, zone);
  const errors: FieldErrors = {};
  if (!startsAt) errors.startsAt = "spacesAdmin.error.dateTime";
  if (!endsAt) errors.endsAt = "spacesAdmin.error.dateTime";
  if (startsAt && endsAt && !isValidPeriod(startsAt, endsAt)) errors.endsAt = "spacesAdmin.error.endBeforeStart";
  if (!startsAt || !endsAt || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, startsAt, endsAt };
}
