import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import {
  cardClass,
  linkClass,
  ProposeLinks,
  SessionList,
  SessionsPage,
} from "~/features/sessions/components/session-parts";
import {
  hoursDelivered,
  listActiveAssignments,
  listPendingForMentor,
  listUpcomingForMentor,
} from "~/features/sessions/queries.server";
import { monthOf } from "~/features/sessions/rules";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  const now = new Date();
  const zone = await getCentreZone(db(), user.centre_id);
  const [pending, upcoming, assignments, hours] = await Promise.all([
    listPendingForMentor(db(), user.centre_id, user.id, now),
    listUpcomingForMentor(db(), user.centre_id, user.id, now),
    listActiveAssignments(db(), user.centre_id, { mentorId: user.id }),
    hoursDelivered(db(), user.id, monthOf(now, zone)),
  ]);
  return { zone, pending, upcoming, assignments, hours };
}

export default function MentorDashboard() {
  const { zone, pending, upcoming, assignments, hours } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <SessionsPage title={t("sessions.mentor.title")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <section className={cardClass} aria-labelledby="mentor-hours">
          <h2 id="mentor-hours" className="text-lg font-semibold">
            {t("sessions.mentor.hoursTitle")}
          </h2>
          <p className="mt-2 text-3xl font-bold" data-testid="hours-delivered">
            {t("sessions.hours", { hours: hours.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB") })}
          </p>
        </section>
        <section className={cardClass} aria-labelledby="mentor-teams">
          <h2 id="mentor-teams" className="text-lg font-semibold">
            {t("sessions.mentor.teams")}
          </h2>
          <div className="mt-2">
            {assignments.length === 0 ? (
              <p className="text-stone-700">{t("sessions.mentor.noTeams")}</p>
            ) : (
              <ProposeLinks assignments={assignments} show="team" />
            )}
          </div>
        </section>
      </div>
      <section className={cardClass} aria-labelledby="mentor-pending">
        <h2 id="mentor-pending" className="mb-3 text-lg font-semibold">
          {t("sessions.mentor.pending", { count: pending.length })}
        </h2>
        <SessionList sessions={pending} zone={zone} show="team" empty={t("sessions.mentor.noPending")} />
      </section>
      <section className={cardClass} aria-labelledby="mentor-upcoming">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="mentor-upcoming" className="text-lg font-semibold">
            {t("sessions.mentor.upcoming")}
          </h2>
          <Link to="/mentor/schedule" className={linkClass}>
            {t("sessions.schedule.link")}
          </Link>
        </div>
        <SessionList sessions={upcoming} zone={zone} show="team" empty={t("sessions.mentor.noUpcoming")} />
      </section>
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.mentor.title");
