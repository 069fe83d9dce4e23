import { IANAZone } from "luxon";

// Luxon works out a zone's UTC offset with Intl.DateTimeFormat.formatToParts for every
// DateTime it makes or moves: about a tenth of a booking's server time went there. Since
// 1973 every zone's offset is a whole number of quarter hours and changes on a quarter
// hour, so one lookup answers a whole quarter hour. Earlier or far later instants are
// computed as before.
const QUARTER_HOUR = 15 * 60_000;
const CACHED_FROM = Date.UTC(1973, 0, 1);
const CACHED_UNTIL = Date.UTC(2100, 0, 1);
const MAX_ENTRIES = 100_000;

class QuarterHourZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    if (!(ts >= CACHED_FROM && ts < CACHED_UNTIL)) return super.offset(ts);
    const quarter = Math.floor(ts / QUARTER_HOUR);
    let minutes = this.#offsets.get(quarter);
    if (minutes === undefined) {
      minutes = super.offset(quarter * QUARTER_HOUR);
      if (this.#offsets.size >= MAX_ENTRIES) this.#offsets.clear();
      this.#offsets.set(quarter, minutes);
    }
    return minutes;
  }
}

const zones = new Map<string, QuarterHourZone>();

/** The IANA zone to hand luxon instead of its name: the same zone, with its offsets remembered. */
export function zoneOf(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new QuarterHourZone(name);
    zones.set(name, zone);
  }
  return zone;
}
