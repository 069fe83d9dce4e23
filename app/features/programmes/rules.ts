import { DateTime } from "luxon";
import { localDateTimeToInstant } from "~/features/spaces/rules";

// Pure rules of programmes and sectors: no database, no request.

/**
 * A calendar date typed as dd/MM/yyyy (how the centre writes dates) or yyyy-MM-dd (what a
 * date input sends), as yyyy-MM-dd; null when it is no real date.
 */
export function parseCalendarDate(text: string): string | null {
  const value = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return DateTime.fromISO(iso).isValid ? iso : null;
}

/**
 * A moment typed as "dd/MM/yyyy HH:mm" (or what a datetime-local input sends,
 * "yyyy-MM-ddTHH:mm") on the centre's wall clock, as an instant; null when invalid.
 */
export function parseLocalDateTime(text: string, zone: string): Date | null {
  const value = text.trim().replace(/\s+/g, " ");
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(value);
  const local = vn
    ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}T${vn[4]!.padStart(2, "0")}:${vn[5]}`
    : value;
  return localDateTimeToInstant(local, zone);
}

/** An instant as the "dd/MM/yyyy HH:mm" that parseLocalDateTime reads back. */
export function toLocalDateTimeText(value: Date | null, zone: string): string {
  return value ? DateTime.fromJSDate(value).setZone(zone).toFormat("dd/MM/yyyy HH:mm") : "";
}

/** The programme's address in public links: lower-case letters, digits and dashes. */
export function isValidSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 80;
}

/** A sector's stable code, made from its English name ("Food & drink" → "food-drink"). */
export function sectorCode(nameEn: string): string {
  const code = nameEn
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return code || "sector";
}
