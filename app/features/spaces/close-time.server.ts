import type { Kysely } from "kysely";
import type { ClosureKind, Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { lockClosures } from "~/features/bookings/queries.server";
import type { FieldErrors } from "~/utils/forms";
import { cancelHeldBookings, mustConfirm } from "./cancel-held-bookings.server";
import type { ClosureForm } from "./forms";
import { findResource, listActiveBookingsDuring, type HeldBooking } from "./queries.server";
import { periodInZone } from "./rules";

export type CloseTimeResult =
  | { outcome: "invalid"; errors: FieldErrors }
  | { outcome: "confirm"; bookings: HeldBooking[] }
  | { outcome: "stopped" }
  | { outcome: "closed"; closureId: string; cancelled: number };

interface CloseTimeInput {
  centreId: number;
  zone: string;
  form: ClosureForm;
  /** The staff member closing: the closure's author, and who the audit log records. */
  actor: AuditActor;
}

/**
 * Closes the centre or one resource for a period. Active bookings in that period are first
 * shown to staff (outcome "confirm"); only the "cancel" decision, for the very bookings that
 * were shown, cancels them — each person gets a message in their language, in the same
 * transaction as the closure. "stop" saves nothing. Null when the resource is not the centre's.
 */
export async function closeTime(db: Kysely<Database>, input: CloseTimeInput): Promise<CloseTimeResult | null> {
  const { form, zone, centreId } = input;
  const period = periodInZone(form, zone);
  if (!period.ok) return { outcome: "invalid", errors: period.errors };
  const { startsAt, endsAt } = period;

  const resourceId = form.scope === "centre" ? null : form.scope;
  if (resourceId && !(await findResource(db, centreId, resourceId))) return null;
  if (form.decision === "stop") return { outcome: "stopped" };

  return db.transaction().execute(async (trx) => {
    // No booking may commit between reading the bookings in the way and saving the closure,
    // or it would be neither shown nor cancelled; and a booking waiting for this lock checks
    // the closures only once it holds it (see lockClosures). Closures are rare; bookings
    // wait a moment.
    await lockClosures(trx, centreId);
    const held = await listActiveBookingsDuring(trx, { centreId, resourceId }, startsAt, endsAt);
    if (mustConfirm(held, form.decision, form.shown)) return { outcome: "confirm", bookings: held } as const;

    const kind: ClosureKind = form.kind;
    const closure = await trx
      .insertInto("closure")
      .values({
        centre_id: centreId,
        resource_id: resourceId,
        kind,
        reason_vi: form.reasonVi,
        reason_en: form.reasonEn,
        starts_at: startsAt,
        ends_at: endsAt,
        created_by: input.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, input.actor, {
      action: "closure.create",
      entityType: "closure",
      entityId: closure.id,
      after: { ...closure, cancelled_bookings: held.map((b) => b.id) },
    });

    await cancelHeldBookings(trx, {
      centreId,
      zone,
      actor: input.actor,
      held,
      reason: { vi: form.reasonVi, en: form.reasonEn },
      cause: "closure",
    });
    return { outcome: "closed", closureId: closure.id, cancelled: held.length } as const;
  });
}
