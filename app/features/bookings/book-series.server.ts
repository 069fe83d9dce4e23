import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { enqueueBookingMessage } from "./notify.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import { busyResourceIds, getCentreZone, isExclusionViolation } from "./queries.server";
import { seriesDates, type BookingErrorCode, type SeriesEnd } from "./rules";

export interface SeriesRequest extends SeriesEnd {
  weekdays: number[];
}

export type OccurrenceCheck = { date: string; ok: true } | { date: string; ok: false; code: BookingErrorCode };

export type SeriesResult =
  | { ok: true; seriesId: string; booked: number; skipped: OccurrenceCheck[] }
  | (Refusal & { occurrences?: OccurrenceCheck[] });

/** Thrown inside the transaction to undo a series that cannot be booked as asked. */
class Undo extends Error {
  constructor(readonly occurrences: OccurrenceCheck[]) {
    super("undo series");
  }
}

/**
 * Books a weekly series in one transaction. Every occurrence goes through the same rules as
 * a single booking (quota counts the occurrences booked before it). With conflicts the
 * series is refused with the list per occurrence, unless `bookFreeOnly` asks to book the
 * free ones and skip the rest.
 */
export async function bookSeries(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  series: SeriesRequest,
  options: { bookFreeOnly: boolean },
  now: Date = new Date(),
): Promise<SeriesResult> {
  const zone = await getCentreZone(db, booker.centre_id);
  const dates = seriesDates(choice.date, series.weekdays, series, zone);
  if (!dates.ok) return refuse(dates.code);
  try {
    return await db.transaction().execute(async (trx): Promise<SeriesResult> => {
      const row = await trx
        .insertInto("booking_series")
        .values({
          centre_id: booker.centre_id,
          resource_id: choice.resourceId,
          user_id: booker.id,
          weekdays: [...new Set(series.weekdays)].sort(),
          until_on: series.until ?? null,
          occurrences: series.occurrences ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const checks: OccurrenceCheck[] = [];
      let booked = 0;
      for (const date of dates.value) {
        const planned = await planBooking(trx, booker, { ...choice, date }, now, { lock: true });
        if (!planned.ok) {
          checks.push({ date, ok: false, code: planned.code });
          continue;
        }
        const { plan } = planned;
        // Checked first so one taken occurrence does not abort the whole transaction.
        if ((await busyResourceIds(trx, [plan.resource.id], plan.period)).size > 0) {
          checks.push({ date, ok: false, code: "taken" });
          continue;
        }
        const inserted = await trx
          .insertInto("booking")
          .values({
            centre_id: booker.centre_id,
            resource_id: plan.resource.id,
            user_id: booker.id,
            team_id: plan.teamId,
            booked_by: booker.id,
            series_id: row.id,
            status: "confirmed",
            day_part: plan.dayPart,
            starts_at: plan.period.start,
            ends_at: plan.period.end,
            attendees: plan.attendees,
            price_vnd: plan.price,
          })
          .returning(["id", "centre_id", "user_id", "day_part", "starts_at", "ends_at", "price_vnd"])
          .executeTakeFirstOrThrow();
        await enqueueBookingMessage(
          trx,
          "confirmed",
          {
            ...inserted,
            resource_code: plan.resource.code,
            resource_name_vi: plan.resource.name_vi,
            resource_name_en: plan.resource.name_en,
          },
          zone,
        );
        booked++;
        checks.push({ date, ok: true });
      }
      const skipped = checks.filter((c) => !c.ok);
      if (booked === 0 || (skipped.length > 0 && !options.bookFreeOnly)) throw new Undo(checks);
      return { ok: true, seriesId: row.id, booked, skipped };
    });
  } catch (error) {
    if (error instanceof Undo) return { ...refuse("series_conflicts"), occurrences: error.occurrences };
    if (isExclusionViolation(error)) return refuse("taken");
    throw error;
  }
}
