import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import { plannedBookingMessage } from "./notify.server";
import { refuse, type Plan, type Refusal } from "./plan-booking.server";

/**
 * Stores a planned booking with its confirmation to the person it is for, in one round
 * trip: the database function book_resource() takes the locks, checks again what another
 * request could have changed since the plan was read (a closure, the weekly desk-days),
 * and inserts both (docs/decisions/011-one-round-trip-booking.md). Outside a transaction it
 * commits at once; inside one (a series) it is part of it. A taken slot throws the
 * exclusion violation (see isExclusionViolation).
 */
export async function writeBooking(
  db: Kysely<Database>,
  plan: Plan,
  who: { centreId: number; userId: string; bookedBy: string; seriesId?: string },
): Promise<{ ok: true; bookingId: string } | Refusal> {
  const id = randomUUID();
  const row = {
    id,
    centre_id: who.centreId,
    user_id: who.userId,
    day_part: plan.dayPart,
    starts_at: plan.period.start,
    ends_at: plan.period.end,
    price_vnd: plan.price,
  };
  const message = plannedBookingMessage("confirmed", row, plan);
  const { quota } = plan;
  const result = await sql<{ outcome: "ok" | "closed" | "quota_person" | "quota_team" }>`
    SELECT book_resource(${id}::uuid, ${who.centreId}::int, ${plan.resource.id}::uuid, ${who.userId}::uuid,
      ${plan.teamId}::uuid, ${who.bookedBy}::uuid, ${who.seriesId ?? null}::uuid, ${plan.dayPart}::text,
      ${plan.period.start}::timestamptz, ${plan.period.end}::timestamptz, ${plan.attendees}::int,
      ${plan.price}::int, ${quota?.adding ?? 0}::numeric, ${quota?.personMax ?? null}::numeric,
      ${quota?.teamMax ?? null}::numeric, ${message?.kind ?? null}::text, ${message?.to ?? null}::text,
      ${message?.subject ?? null}::text, ${message?.text ?? null}::text) AS outcome`.execute(db);
  const outcome = result.rows[0]!.outcome;
  if (outcome === "ok") return { ok: true, bookingId: id };
  if (outcome === "closed") return refuse("closed");
  const max = outcome === "quota_team" ? quota?.teamMax : quota?.personMax;
  return refuse(outcome, { max: max ?? 0 });
}
