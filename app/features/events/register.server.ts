import type { Kysely } from "kysely";
import type { Database, EventAudience, Locale } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { newToken } from "~/features/auth/session.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import type { GuestInput } from "./forms";
import { tellRegistrant } from "./notify.server";
import { countRegistered, getEvent, lockEvent, registrationByToken, waitlistPosition } from "./queries.server";
import { refusal, Refused, type EventRefusal } from "./refusal";
import { checkOpen, isForAudience, memberAudience, seatFor } from "./rules";

export type Registrant = { member: SessionUser } | { guest: GuestInput; locale: Locale };

export type Registered = {
  ok: true;
  registrationId: string;
  token: string;
  status: "registered" | "waitlisted";
  /** On the waitlist: 1 for the first person waiting. */
  position: number | null;
};

/**
 * A member (one click) or a guest registers. The event row is locked first, so the seats are
 * counted by one registration at a time: while fewer than the capacity are registered the
 * person takes a seat, otherwise they join the waitlist. The message goes out with the commit.
 */
export async function registerForEvent(
  db: Kysely<Database>,
  centreId: number,
  eventId: string,
  who: Registrant,
  now: Date = new Date(),
): Promise<Registered | EventRefusal> {
  const audience: EventAudience = "member" in who ? memberAudience(who.member.role) : who.guest.audience;
  const duplicate =
    "member" in who
      ? refusal(409, "events.error.already_registered")
      : refusal(409, "events.error.guest_already_registered", { field: "email" });
  try {
    return await db.transaction().execute(async (trx) => {
      const event = await lockEvent(trx, centreId, eventId);
      if (!event) return refusal(404, "events.error.not_found");
      const closed = checkOpen(event, now);
      if (closed) return refusal(409, `events.error.${closed}`);
      if (!isForAudience(event.audiences, audience))
        return "member" in who
          ? refusal(409, "events.error.not_for_audience")
          : refusal(400, "events.error.not_for_audience", { field: "audience" });

      const status = seatFor(await countRegistered(trx, event.id), event.capacity);
      const token = newToken();
      const row = await trx
        .insertInto("event_registration")
        .values({
          event_id: event.id,
          token,
          audience,
          status,
          ...("member" in who
            ? { user_id: who.member.id }
            : {
                user_id: null,
                guest_name: who.guest.name,
                guest_organisation: who.guest.organisation,
                guest_email: who.guest.email,
                guest_phone: who.guest.phone,
                guest_locale: who.locale,
              }),
        })
        .returning(["id", "queue_order"])
        .executeTakeFirstOrThrow();
      const position = status === "waitlisted" ? await waitlistPosition(trx, event.id, row.queue_order) : null;

      const view = (await getEvent(trx, centreId, event.id))!;
      const registrant = (await registrationByToken(trx, event.id, token))!;
      await tellRegistrant(trx, status, view, registrant, await getCentreZone(trx, centreId), {
        position: position ?? 0,
      });
      return { ok: true as const, registrationId: row.id, token, status, position };
    });
  } catch (error) {
    // The partial unique indexes: one live registration per member, and per guest email.
    if (isUniqueViolation(error)) return duplicate;
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}
