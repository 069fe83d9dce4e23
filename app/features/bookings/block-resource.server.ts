import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit } from "~/features/audit/record-audit.server";
import { cancelHeldBookings, mustConfirm } from "~/features/spaces/cancel-held-bookings.server";
import { listActiveBookingsDuring, type HeldBooking } from "~/features/spaces/queries.server";
import { isValidPeriod } from "~/features/spaces/rules";
import { translate } from "~/i18n/translate";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import { getCentreZone, getResource, lockClosures } from "./queries.server";
import { isStaffRole } from "./rules";

export type BlockResult = { ok: true; bookingId: string; cancelled: number } | (Refusal & { held?: HeldBooking[] });

/**
 * Staff take a resource out of use for a period (a booking with purpose 'block'). Like a
 * closure, bookings in the way are refused as "taken" and listed (`held`) until staff
 * decide to cancel exactly those: then they are cancelled, each person is told, and the
 * block is saved, all in one transaction under the closures lock (see lockClosures).
 */
export async function blockResource(
  db: Kysely<Database>,
  staff: Booker,
  block: { resourceId: string; startsAt: Date; endsAt: Date; title?: string | null },
  choice: { decision?: "cancel" | "stop"; shown?: string[] } = {},
): Promise<BlockResult> {
  if (!isStaffRole(staff.role)) return refuse("not_allowed");
  // An invalid Date compares false, so it is refused here too.
  if (!isValidPeriod(block.startsAt, block.endsAt)) return refuse("invalid_period");
  const resource = await getResource(db, staff.centre_id, block.resourceId);
  if (!resource) return refuse("unknown_resource");
  const zone = await getCentreZone(db, staff.centre_id);
  return db.transaction().execute(async (trx): Promise<BlockResult> => {
    await lockClosures(trx, staff.centre_id);
    const held = await listActiveBookingsDuring(
      trx,
      { centreId: staff.centre_id, resourceId: resource.id },
      block.startsAt,
      block.endsAt,
    );
    if (mustConfirm(held, choice.decision, choice.shown ?? [])) return { ...refuse("taken"), held };
    const title = block.title?.trim() || null;
    await cancelHeldBookings(trx, {
      centreId: staff.centre_id,
      zone,
      actor: staff,
      held,
      reason: {
        vi: title ?? translate("vi", "spacesAdmin.blocks.noReason"),
        en: title ?? translate("en", "spacesAdmin.blocks.noReason"),
      },
      cause: "block",
    });
    const row = await trx
      .insertInto("booking")
      .values({
        centre_id: staff.centre_id,
        resource_id: resource.id,
        booked_by: staff.id,
        purpose: "block",
        status: "confirmed",
        starts_at: block.startsAt,
        ends_at: block.endsAt,
        title,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, staff, {
      action: "block.create",
      entityType: "booking",
      entityId: row.id,
      after: { ...row, cancelled_bookings: held.map((b) => b.id) },
    });
    return { ok: true, bookingId: row.id, cancelled: held.length };
  });
}
