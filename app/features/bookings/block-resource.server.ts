import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { refuse, type Booker, type Refusal } from "./plan-booking.server";
import { getResource, isExclusionViolation } from "./queries.server";
import { isStaffRole } from "./rules";

export type BlockResult = { ok: true; bookingId: string } | Refusal;

/**
 * Staff take a resource out of use for a period (purpose 'block'). The exclusion
 * constraint refuses a block over an active booking: cancel those first.
 */
export async function blockResource(
  db: Kysely<Database>,
  staff: Booker,
  block: { resourceId: string; startsAt: Date; endsAt: Date; title?: string | null },
): Promise<BlockResult> {
  if (!isStaffRole(staff.role)) return refuse("not_allowed");
  if (
    Number.isNaN(block.startsAt.getTime()) ||
    Number.isNaN(block.endsAt.getTime()) ||
    block.endsAt.getTime() <= block.startsAt.getTime()
  ) {
    return refuse("invalid_period");
  }
  const resource = await getResource(db, staff.centre_id, block.resourceId);
  if (!resource) return refuse("unknown_resource");
  try {
    const row = await db
      .insertInto("booking")
      .values({
        centre_id: staff.centre_id,
        resource_id: resource.id,
        booked_by: staff.id,
        purpose: "block",
        status: "confirmed",
        starts_at: block.startsAt,
        ends_at: block.endsAt,
        title: block.title ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, bookingId: row.id };
  } catch (error) {
    if (isExclusionViolation(error)) return refuse("taken");
    throw error;
  }
}
