import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { SubscribeLink } from "~/features/calendar/components/add-to-calendar";
import { cardClass, ProposeLinks, SessionList, SessionsPage } from "~/features/sessions/components/session-parts";
import { listActiveAssignments, listTeamSessions, teamIdsOf } from "~/features/sessions/queries.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  const teamIds = await teamIdsOf(db(), user.id);
  const now = new Date();
  const [zone, sessions, assignments] = await Promise.all([
    getCentreZone(db(), user.centre_id),
    listTeamSessions(db(), user.centre_id, teamIds),
    listActiveAssignments(db(), user.centre_id, { teamIds }),
  ]);
  return {
    zone,
    assignments,
    upcoming: sessions.filter((s) => s.ends_at > now).reverse(),
    past: sessions.filter((s) => s.ends_at <= now),
  };
}

export default function TeamSessions() {
  const { zone, assignments, upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <SessionsPage title={t("sessions.team.title")}>
      <SubscribeLink />
      <section className={cardClass} aria-labelledby="team-mentors">
        <h2 id="team-mentors" className="mb-2 text-lg font-semibold">
          {t("sessions.team.mentors")}
        </h2>
        {assignments.length === 0 ? (
          <p className="text-stone-700">{t("sessions.team.noMentors")}</p>
        ) : (
          <ProposeLinks assignments={assignments} show="mentor" />
        )}
      </section>
      <section aria-labelledby="team-upcoming" className="space-y-2">
        <h2 id="team-upcoming" className="text-lg font-semibold">
          {t("sessions.team.upcoming")}
        </h2>
        <SessionList sessions={upcoming} zone={zone} show="mentor" empty={t("sessions.team.noUpcoming")} />
      </section>
      <section aria-labelledby="team-past" className="space-y-2">
        <h2 id="team-past" className="text-lg font-semibold">
          {t("sessions.team.past")}
        </h2>
        <SessionList sessions={past} zone={zone} show="mentor" empty={t("sessions.team.noPast")} />
      </section>
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.team.title");
