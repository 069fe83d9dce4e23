import { sql, type Kysely } from "kysely";
import type { Database } from "#db/schema";
import {
  periodInstants,
  roomSupport,
  deskSupport,
  mentoringSupport,
  totalValue,
  trainingSupport,
  type SupportFigure,
  type SupportPeriod,
  type UsedBooking,
} from "./rules";

/**
 * The bookings a team used in a period: booked for the team (not staff blocks), confirmed
 * or checked in, not cancelled, and already over. Taken at each resource's list price,
 * even when the booking itself was free under the quota.
 */
async function usedBookings(
  db: Kysely<Database>,
  teamId: string,
  period: { start: Date; end: Date },
  now: Date,
): Promise<UsedBooking[]> {
  return db
    .selectFrom("booking")
    .innerJoin("resource", "resource.id", "booking.resource_id")
    .select([
      "resource.kind",
      "booking.day_part",
      "booking.starts_at",
      "booking.ends_at",
      "resource.price_hour_vnd",
      "resource.price_half_day_vnd",
      "resource.price_day_vnd",
    ])
    .where("booking.team_id", "=", teamId)
    .where("booking.purpose", "=", "booking")
    .where("booking.status", "in", ["confirmed", "checked_in"])
    .where("booking.starts_at", ">=", period.start)
    .where("booking.starts_at", "<", period.end)
    .where("booking.ends_at", "<=", now)
    .execute();
}

interface SourceQuery {
  teamId: string;
  period: { start: Date; end: Date };
  now: Date;
}

/** Where each kind of support is read from, in the order it is shown. */
const READERS: ReadonlyArray<(db: Kysely<Database>, query: SourceQuery) => Promise<SupportFigure[]>> = [
  async (db, { teamId, period, now }) => {
    const bookings = await usedBookings(db, teamId, period, now);
    return [deskSupport(bookings), roomSupport(bookings)];
  },
  async (db, { teamId, period, now }) => {
    // Sessions recorded as done that started in the period and are over.
    const sessions = await db
      .selectFrom("mentoring_session")
      .select(["starts_at", "ends_at"])
      .where("team_id", "=", teamId)
      .where("status", "=", "done")
      .where("starts_at", ">=", period.start)
      .where("starts_at", "<", period.end)
      .where("ends_at", "<=", now)
      .execute();
    return [mentoringSupport(sessions)];
  },
  async (db, { teamId, period }) => {
    // Trainings (events that count as founder training, not cancelled) that started in the
    // period and where a member of the team was marked present: registered with their
    // account, or as a guest with their email before they had one. Once per person and training.
    const row = await db
      .selectFrom("team_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .innerJoin("event_registration as g", (join) =>
        join.on((eb) =>
          eb.or([
            eb("g.user_id", "=", eb.ref("m.user_id")),
            eb.and([eb("g.user_id", "is", null), eb(sql`lower(g.guest_email)`, "=", sql`lower(u.email)`)]),
          ]),
        ),
      )
      .innerJoin("event as e", "e.id", "g.event_id")
      .select(sql<number>`count(DISTINCT (e.id, m.user_id))::int`.as("attendances"))
      .where("m.team_id", "=", teamId)
      .where("e.counts_as_training", "=", true)
      .where("e.status", "=", "scheduled")
      .where("g.status", "=", "registered")
      .where("g.attended_at", "is not", null)
      .where("e.starts_at", ">=", period.start)
      .where("e.starts_at", "<", period.end)
      .executeTakeFirstOrThrow();
    return [trainingSupport(Number(row.attendances))];
  },
];

export interface SupportReceived {
  period: SupportPeriod;
  figures: SupportFigure[];
  totalVnd: number;
}

/** The support a team received in a period of local days, source by source. */
export async function supportReceived(
  db: Kysely<Database>,
  input: { teamId: string; period: SupportPeriod; zone: string; now: Date },
): Promise<SupportReceived> {
  const query = { teamId: input.teamId, period: periodInstants(input.period, input.zone), now: input.now };
  const figures: SupportFigure[] = [];
  for (const read of READERS) figures.push(...(await read(db, query)));
  return { period: input.period, figures, totalVnd: totalValue(figures) };
}
