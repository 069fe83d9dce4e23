import { DateTime } from "luxon";
import { zoneOf } from "~/utils/zones";
import type { Locale } from "#db/schema";

// The centre's zone, whatever the server's own TZ is. Another centre sets its own zone in
// the centre table; formatters take it as an argument where a centre is at hand.
export const CENTRE_TIME_ZONE = "Asia/Ho_Chi_Minh";

type Instant = Date | string | DateTime;

function toDateTime(value: Instant, zone: string): DateTime {
  const dt =
    value instanceof DateTime
      ? value
      : value instanceof Date
        ? DateTime.fromJSDate(value)
        : DateTime.fromISO(value, { setZone: false });
  return dt.setZone(zoneOf(zone));
}

/** dd/MM/yyyy in the centre's zone. */
export function formatDate(value: Instant, zone = CENTRE_TIME_ZONE): string {
  return toDateTime(value, zone).toFormat("dd/MM/yyyy");
}

// One Intl formatter per zone, reused: a day's room grid labels hundreds of slots, and a
// reused formatter is about fifteen times quicker than a luxon DateTime each.
const hourMinute = new Map<string, Intl.DateTimeFormat>();

/** 24-hour HH:mm in the centre's zone. */
export function formatTime(value: Instant, zone = CENTRE_TIME_ZONE): string {
  let format = hourMinute.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    hourMinute.set(zone, format);
  }
  return format.format(value instanceof Date ? value : toDateTime(value, zone).toJSDate());
}

/** "HH:mm dd/MM/yyyy" in the centre's zone. */
export function formatDateTime(value: Instant, zone = CENTRE_TIME_ZONE): string {
  return toDateTime(value, zone).toFormat("HH:mm dd/MM/yyyy");
}

/** A calendar date stored as yyyy-MM-dd (no zone) shown as dd/MM/yyyy. */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** "HH:MM:SS" or "HH:MM" wall-clock time as HH:mm. */
export function formatWallClock(time: string): string {
  return time.slice(0, 5);
}

/**
 * Money is an integer number of đồng (VND has no minor unit). Vietnamese groups with dots
 * ("150.000 ₫"); English with commas ("150,000 ₫"), the sign after the amount in both.
 */
export function formatMoney(amountDong: number, locale: Locale = "vi"): string {
  if (!Number.isInteger(amountDong)) throw new RangeError("money must be a whole number of đồng");
  const sign = amountDong < 0 ? "-" : "";
  const grouped = Math.abs(amountDong)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, locale === "vi" ? "." : ",");
  return `${sign}${grouped} ₫`;
}
