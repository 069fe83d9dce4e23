import type { Kysely } from "kysely";
import type { Database, Resource } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { isUniqueViolation } from "~/features/auth/queries.server";
import type { FieldErrors } from "~/utils/forms";
import type { ResourceForm } from "./forms";
import { findFloor } from "./queries.server";
import { fitsFloor } from "./rules";

export type SaveResourceResult = { ok: true; resource: Resource } | { ok: false; errors: FieldErrors } | null;

function columns(form: ResourceForm) {
  return {
    floor_id: form.floorId,
    code: form.code,
    kind: form.kind,
    name_vi: form.nameVi,
    name_en: form.nameEn,
    capacity: form.capacity,
    amenities: form.amenities,
    audience: form.audience,
    price_hour_vnd: form.priceHour,
    price_half_day_vnd: form.priceHalfDay,
    price_day_vnd: form.priceDay,
    plan_x: form.planX,
    plan_y: form.planY,
    plan_width: form.planWidth,
    plan_height: form.planHeight,
    is_active: form.isActive,
  };
}

/**
 * Creates a resource (resourceId null) or changes one. Null when the resource or the floor
 * is not the centre's (the route answers 404); a code in use or a shape off the plan is
 * refused beside its field.
 */
export async function saveResource(
  db: Kysely<Database>,
  centreId: number,
  resourceId: string | null,
  form: ResourceForm,
  actor?: AuditActor,
): Promise<SaveResourceResult> {
  const floor = await findFloor(db, centreId, form.floorId);
  if (!floor) return null;
  if (!fitsFloor({ x: form.planX, y: form.planY, width: form.planWidth, height: form.planHeight }, floor)) {
    return { ok: false, errors: { planX: "spacesAdmin.error.offPlan" } };
  }
  try {
    return await db.transaction().execute(async (trx): Promise<SaveResourceResult> => {
      if (resourceId === null) {
        const resource = await trx
          .insertInto("resource")
          .values({ centre_id: centreId, ...columns(form) })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (actor) {
          await recordAudit(trx, actor, {
            action: "resource.create",
            entityType: "resource",
            entityId: resource.id,
            after: resource,
          });
        }
        return { ok: true, resource };
      }
      const before = await trx
        .selectFrom("resource")
        .selectAll()
        .where("centre_id", "=", centreId)
        .where("id", "=", resourceId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return null;
      const resource = await trx
        .updateTable("resource")
        .set({ ...columns(form), updated_at: new Date() })
        .where("id", "=", resourceId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (actor) {
        await recordAudit(trx, actor, {
          action: "resource.update",
          entityType: "resource",
          entityId: resource.id,
          before,
          after: resource,
        });
      }
      return { ok: true, resource };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { code: "spacesAdmin.error.codeTaken" } };
    throw error;
  }
}
