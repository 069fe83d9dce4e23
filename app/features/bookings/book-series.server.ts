import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { planBooking, refuse, type Booker, type BookingChoice, type Refusal } from "./plan-booking.server";
import { busyResourceIds, getCentreZone, holdClosuresSteady, isExclusionViolation } from "./queries.server";
import { seriesDates, type BookingErrorCode, type SeriesEnd } from "./rules";
import { writeBooking } from "./write-booking.server";

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
 * free ones and skip the rest. Staff booking for someone pass `bookedBy` and may name the team.
 */
export async function bookSeries(
  db: Kysely<Database>,
  booker: Booker,
  choice: BookingChoice,
  series: SeriesRequest,
  options: { bookFreeOnly: boolean; bookedBy?: string; teamId?: string | null; auditActor?: AuditActor },
  now: Date = new Date(),
): Promise<SeriesResult> {
  const dates = seriesDates(choice.date, series.weekdays, series, await getCentreZone(db, booker.centre_id));
  if (!dates.ok) return refuse(dates.code);
  try {
    return await db.transaction().execute(async (trx): Promise<SeriesResult> => {
      await holdClosuresSteady(trx, booker.centre_id);
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
        .returningAll()
        .executeTakeFirstOrThrow();
      const checks: OccurrenceCheck[] = [];
      let booked = 0;
      for (const date of dates.value) {
        const planned = await planBooking(trx, booker, { ...choice, date }, now, { teamId: options.teamId });
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
        const written = await writeBooking(trx, plan, {
          centreId: booker.centre_id,
          userId: booker.id,
          bookedBy: options.bookedBy ?? booker.id,
          seriesId: row.id,
        });
        if (!written.ok) {
          checks.push({ date, ok: false, code: written.code });
          continue;
        }
        booked++;
        checks.push({ date, ok: true });
      }
      const skipped = checks.filter((c) => !c.ok);
      if (booked === 0 || (skipped.length > 0 && !options.bookFreeOnly)) throw new Undo(checks);
      const actor = options.auditActor;
      if (actor && actor.id !== booker.id) {
        await recordAudit(trx, actor, {
          action: "booking_series.create",
          entityType: "booking_series",
          entityId: row.id,
          after: { ...row, team_id: options.teamId ?? null, booked, skipped: skipped.map((c) => c.date) },
        });
      }
      return { ok: true, seriesId: row.id, booked, skipped };
    });
  } catch (error) {
    if (error instanceof Undo) return { ...refuse("series_conflicts"), occurrences: error.occurrences };
    if (isExclusionViolation(error)) return refuse("taken");
    throw error;
  }
}
