import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit } from "~/features/audit/record-audit.server";
import type { SessionUser } from "~/features/auth/session.server";
import { getEvent, getRegistration, registrationByToken } from "./queries.server";
import { refusal, type EventRefusal } from "./refusal";

/**
 * Staff mark a registered person present (or take it back), from the list or by scanning the
 * QR code of their confirmation (which names the registration by its token).
 */
export async function markAttendance(
  db: Kysely<Database>,
  staff: SessionUser,
  eventId: string,
  which: { registrationId: string } | { token: string },
  present: boolean,
  now: Date = new Date(),
): Promise<{ ok: true; name: string } | EventRefusal> {
  const event = await getEvent(db, staff.centre_id, eventId);
  if (!event) return refusal(404, "events.error.not_found");
  const registration =
    "token" in which
      ? await registrationByToken(db, event.id, which.token)
      : await getRegistration(db, event.id, which.registrationId);
  if (!registration) return refusal(404, "events.error.registration_not_found");
  if (event.status === "cancelled") return refusal(409, "events.error.event_cancelled");
  if (registration.status !== "registered") return refusal(409, `events.error.not_registered_${registration.status}`);
  await db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable("event_registration")
      .set({
        attended_at: present ? (registration.attended_at ?? now) : null,
        attendance_marked_by: staff.id,
        updated_at: now,
      })
      .where("id", "=", registration.id)
      .returning(["id", "attended_at"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, staff, {
      action: "event_registration.attendance",
      entityType: "event_registration",
      entityId: registration.id,
      before: { id: registration.id, attended_at: registration.attended_at },
      after,
    });
  });
  return { ok: true, name: registration.person_name };
}
