import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database } from "#db/schema";
import { newReference } from "~/features/payments/ledger.server";
import { bookingItem } from "~/features/payments/items.server";
import { zoneOf } from "~/utils/zones";
import { plannedBookingMessage } from "./notify.server";
import { refuse, type Plan, type Refusal } from "./plan-booking.server";

/**
 * Stores a planned booking with its confirmation to the person it is for, in one round
 * trip: the database function book_resource() takes the locks, checks again what another
 * request could have changed since the plan was read (a closure, the weekly desk-days),
 * and inserts both (docs/decisions/011-one-round-trip-booking.md). Outside a transaction it
 * commits at once; inside one (a series) it is part of it. A taken slot throws the
 * exclusion violation (see isExclusionViolation). A booking that costs money is written 'held'
 * with a pending payment due after the centre's hold minutes, and told nothing until it is paid
 * (decision 015); one a pass covers takes one use of it.
 */
export async function writeBooking(
  db: Kysely<Database>,
  plan: Plan,
  who: { centreId: number; userId: string; bookedBy: string; seriesId?: string },
  now: Date = new Date(),
): Promise<{ ok: true; bookingId: string; paymentId: string | null } | Refusal> {
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
  const { quota, coverage } = plan;
  const money = coverage.kind === "money";
  const message = money ? null : plannedBookingMessage("confirmed", row, plan);
  const paymentId = money ? randomUUID() : null;
  const holdUntil = money ? new Date(now.getTime() + plan.holdMinutes * 60_000) : null;
  const item = money ? bookingItem(plan) : null;
  const passId = coverage.kind === "pass" ? coverage.passId : null;
  const passDate = passId ? DateTime.fromJSDate(plan.period.start, { zone: zoneOf(plan.zone) }).toISODate() : null;
  const result = await sql<{
    outcome: "ok" | "closed" | "quota_person" | "quota_team" | "pass_unusable";
  }>`/* prepare:book_resource */
    SELECT book_resource(${id}::uuid, ${who.centreId}::int, ${plan.resource.id}::uuid, ${who.userId}::uuid,
      ${plan.teamId}::uuid, ${who.bookedBy}::uuid, ${who.seriesId ?? null}::uuid, ${plan.dayPart}::text,
      ${plan.period.start}::timestamptz, ${plan.period.end}::timestamptz, ${plan.attendees}::int,
      ${plan.price}::int, ${quota?.adding ?? 0}::numeric, ${quota?.personMax ?? null}::numeric,
      ${quota?.teamMax ?? null}::numeric, ${message?.kind ?? null}::text, ${message?.to ?? null}::text,
      ${message?.subject ?? null}::text, ${message?.text ?? null}::text, ${now}::timestamptz,
      ${passId}::uuid, ${passDate}::date, ${paymentId}::uuid, ${holdUntil}::timestamptz,
      ${money ? newReference() : null}::text, ${item?.vi ?? null}::text, ${item?.en ?? null}::text) AS outcome`.execute(
    db,
  );
  const outcome = result.rows[0]!.outcome;
  if (outcome === "ok") return { ok: true, bookingId: id, paymentId };
  if (outcome === "closed") return refuse("closed");
  // The pass was used up or cancelled since the plan was read.
  if (outcome === "pass_unusable") return refuse("pass_unusable");
  const max = outcome === "quota_team" ? quota?.teamMax : quota?.personMax;
  return refuse(outcome, { max: max ?? 0 });
}
