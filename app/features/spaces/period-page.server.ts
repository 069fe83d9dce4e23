import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { savedNotice } from "~/features/spaces/components/closure-parts";
import { listResources } from "~/features/spaces/queries.server";
import type { MessageKey } from "~/i18n/translate";
import { db } from "~/utils/database.server";

/**
 * What the staff closures and blocks pages both load: the upcoming periods, the resources to
 * choose from, the centre's zone and the notice left by the last redirect.
 */
export async function loadPeriodPage<T, K extends MessageKey>(
  request: Request,
  listPeriods: (db: Kysely<Database>, centreId: number, from: Date) => Promise<T>,
  removedParam: string,
  notices: { removed: K; saved: K; savedCancelled: K },
) {
  const user = await requirePermission(request, "spaces:manage");
  const [periods, resources, zone] = await Promise.all([
    listPeriods(db(), user.centre_id, new Date()),
    listResources(db(), user.centre_id),
    getCentreZone(db(), user.centre_id),
  ]);
  return {
    zone,
    periods,
    resources: resources.map((r) => ({ id: r.id, code: r.code, name_vi: r.name_vi, name_en: r.name_en })),
    ...savedNotice(new URL(request.url).searchParams, removedParam, notices),
  };
}
