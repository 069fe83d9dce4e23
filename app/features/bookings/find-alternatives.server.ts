import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { zoneOf } from "~/utils/zones";
import { DAY_PARTS, type Database, type Resource } from "#db/schema";
import {
  checkBookingWindow,
  checkCapacity,
  checkFixedDesk,
  closureOver,
  fixedDeskHolder,
  isDesk,
  mayBook,
  overlaps,
  SLOT_MINUTES,
  type Period,
} from "./rules";
import { centreSettings, periodOf, type Alternative, type Booker, type BookingChoice } from "./plan-booking.server";
import {
  activeResourcesOfKind,
  bookedPeriods,
  busyResourceIds,
  closuresOverlapping,
  fixedDeskHolds,
  getResource,
  incubatingTeamOf,
  teamsOf,
} from "./queries.server";

const MAX_EACH = 3;

/**
 * The nearest free choices after a refusal: the same resource at nearby times (other day
 * parts and the next days for desks; earlier or later slots for rooms), then other
 * resources of the same kind at the same time.
 */
export async function findAlternatives(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  now: Date,
): Promise<Alternative[]> {
  const resource = await getResource(db, booker.centre_id, choice.resourceId);
  if (!resource) return [];
  const [{ zone, policy, hours }, teamId] = await Promise.all([
    centreSettings(db, booker.centre_id),
    incubatingTeamOf(db, booker.id),
  ]);
  const day = DateTime.fromISO(choice.date, { zone: zoneOf(zone) });
  if (!day.isValid) return [];
  const people = isDesk(resource.kind) ? 1 : (choice.people ?? 1);
  const span: Period = { start: day.minus({ days: 1 }).toJSDate(), end: day.plus({ days: 9 }).toJSDate() };
  const [closures, holds, teams] = await Promise.all([
    closuresOverlapping(db, booker.centre_id, span),
    fixedDeskHolds(db, booker.centre_id, day.minus({ days: 1 }).toISODate()!, day.plus({ days: 9 }).toISODate()!),
    teamsOf(db, booker.id),
  ]);
  const allowed = (r: Resource) =>
    r.is_active &&
    mayBook(r.audience, { role: booker.role, inIncubatingTeam: teamId !== null }) &&
    checkCapacity(people, r.capacity).ok;

  const candidates: BookingChoice[] = [];
  if (isDesk(resource.kind)) {
    for (const part of DAY_PARTS) if (part !== choice.part) candidates.push({ ...choice, part });
    for (let d = 1; d <= 7; d++) candidates.push({ ...choice, date: day.plus({ days: d }).toISODate()! });
  } else if (choice.start) {
    const [h, m] = choice.start.split(":").map(Number);
    const start = (h ?? 0) * 60 + (m ?? 0);
    for (let step = 1; step <= 8; step++) {
      for (const sign of [-1, 1]) {
        const minute = start + sign * step * SLOT_MINUTES;
        if (minute < 0 || minute >= 24 * 60) continue;
        const hh = String(Math.floor(minute / 60)).padStart(2, "0");
        const mm = String(minute % 60).padStart(2, "0");
        candidates.push({ ...choice, start: `${hh}:${mm}` });
      }
    }
  }

  const usable = (r: Resource, c: BookingChoice) => {
    const when = periodOf(r, c, hours, policy, zone);
    if (!when.ok) return null;
    if (!checkBookingWindow(when.value.period, now, policy, zone).ok) return null;
    if (closureOver(when.value.period, r.id, closures)) return null;
    // Another team's fixed desk is no alternative.
    if (r.kind === "fixed_desk" && !checkFixedDesk(fixedDeskHolder(holds, r.id, c.date), teams).ok) return null;
    return when.value;
  };
  const toAlternative = (r: Resource, c: BookingChoice, when: NonNullable<ReturnType<typeof usable>>): Alternative => ({
    resourceId: r.id,
    code: r.code,
    name_vi: r.name_vi,
    name_en: r.name_en,
    date: c.date,
    part: when.dayPart,
    start: when.dayPart ? null : (c.start ?? null),
    minutes: when.minutes,
    people,
    startsAt: when.period.start.toISOString(),
    endsAt: when.period.end.toISOString(),
    zone,
  });

  const found: Alternative[] = [];
  if (allowed(resource)) {
    const taken = await bookedPeriods(db, resource.id, span);
    for (const c of candidates) {
      if (found.length >= MAX_EACH) break;
      const when = usable(resource, c);
      if (!when || taken.some((b) => overlaps(when.period, b))) continue;
      found.push(toAlternative(resource, c, when));
    }
  }

  const same = usable(resource, choice);
  if (same) {
    const others = (await activeResourcesOfKind(db, booker.centre_id, resource.kind)).filter(
      (r) => r.id !== resource.id && allowed(r),
    );
    const busy = await busyResourceIds(
      db,
      others.map((r) => r.id),
      same.period,
    );
    let added = 0;
    for (const r of others) {
      if (added >= MAX_EACH) break;
      if (busy.has(r.id) || !usable(r, choice)) continue;
      found.push(toAlternative(r, choice, same));
      added++;
    }
  }
  return found;
}
