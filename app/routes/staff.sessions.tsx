import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { cardClass, ProposeLinks, SessionList, SessionsPage } from "~/features/sessions/components/session-parts";
import { listActiveAssignments, listCentreSessions } from "~/features/sessions/queries.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { zoneOf } from "~/utils/zones";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "teams:manage");
  const zone = await getCentreZone(db(), user.centre_id);
  // The last 30 days and everything to come.
  const from = DateTime.now().setZone(zoneOf(zone)).startOf("day").minus({ days: 30 }).toJSDate();
  const [sessions, assignments] = await Promise.all([
    listCentreSessions(db(), user.centre_id, from),
    listActiveAssignments(db(), user.centre_id, {}),
  ]);
  return { zone, sessions, assignments };
}

export default function StaffSessions() {
  const { zone, sessions, assignments } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <SessionsPage title={t("sessions.staff.title")}>
      <section aria-labelledby="staff-sessions" className="space-y-2">
        <h2 id="staff-sessions" className="text-lg font-semibold">
          {t("sessions.staff.recent")}
        </h2>
        <SessionList sessions={sessions} zone={zone} show="both" empty={t("sessions.staff.none")} />
      </section>
      <section className={cardClass} aria-labelledby="staff-assignments">
        <h2 id="staff-assignments" className="mb-2 text-lg font-semibold">
          {t("sessions.staff.assignments")}
        </h2>
        {assignments.length === 0 ? (
          <p className="text-stone-700">{t("sessions.staff.noAssignments")}</p>
        ) : (
          <ProposeLinks assignments={assignments} show="both" />
        )}
      </section>
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.staff.title");
