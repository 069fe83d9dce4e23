import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { IncubationPeriod, MemberList, TeamStatusBadge } from "~/features/teams/components/team-parts";
import { ownTeams } from "~/features/teams/read-teams.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  return { teams: await ownTeams(db(), user.id) };
}

export default function MyTeam() {
  const { teams } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("teams.mine.title")}</h1>
      {teams.length === 0 ? (
        <p className="max-w-2xl rounded-xl bg-white p-6 text-stone-700 shadow-sm ring-1 ring-stone-200">
          {t("teams.mine.none")}
        </p>
      ) : (
        teams.map((team) => (
          <section
            key={team.id}
            aria-labelledby={`team-${team.id}`}
            className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200"
          >
            <h2 id={`team-${team.id}`} className="text-xl font-semibold">
              {team.name}
            </h2>
            <dl className="mt-3 grid gap-3 sm:grid-cols-2">
              <div>
                <dt className="text-sm text-stone-700">{t("teams.field.status")}</dt>
                <dd className="mt-1">
                  <TeamStatusBadge status={team.status} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-stone-700">{t("teams.period")}</dt>
                <dd className="mt-1">
                  <IncubationPeriod startsOn={team.incubation_starts_on} endsOn={team.incubation_ends_on} />
                </dd>
              </div>
            </dl>
            <h3 className="mt-5 font-semibold">{t("teams.members")}</h3>
            <MemberList members={team.members} />
          </section>
        ))
      )}
    </div>
  );
}

export const meta = titleMeta("teams.mine.title");
