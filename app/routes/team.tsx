import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { IncubationPeriod, MemberList, TeamStatusBadge } from "~/features/teams/components/team-parts";
import { TeamWorkspace, type WorkspaceResult } from "~/features/teams/components/team-workspace";
import { findTeamProfile, listMemberIds } from "~/features/teams/queries.server";
import { ownTeams } from "~/features/teams/read-teams.server";
import { teamAccess } from "~/features/teams/rules";
import { submitTeamPageForm } from "~/features/teams/team-page-action.server";
import { isTeamPageIntent } from "~/features/teams/team-page-intents";
import { centreClock, readTeamPage } from "~/features/teams/team-page.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

const teamIdSchema = z.uuid();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  const [clock, teams] = await Promise.all([centreClock(), ownTeams(db(), user.id)]);
  const pages = await Promise.all(
    teams.map(async (team) => {
      const access = teamAccess(
        user,
        team.members.map((m) => m.id),
      );
      const page = await readTeamPage(db(), { centreId: user.centre_id, teamId: team.id, access, ...clock });
      invariantResponse(page);
      return { ...team, ...page, canEdit: access.edit };
    }),
  );
  return { teams: pages };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  const form = await request.formData();
  const teamId = teamIdSchema.safeParse(form.get("teamId"));
  invariantResponse(teamId.success);
  // Another team's id is answered like an unknown one: a founder learns nothing about it.
  const team = await findTeamProfile(db(), user.centre_id, teamId.data);
  invariantResponse(team && teamAccess(user, await listMemberIds(db(), team.id)).edit);
  const intent = form.get("intent");
  if (!isTeamPageIntent(intent)) throw new Response("Unknown action", { status: 400 });
  const { today } = await centreClock();
  const result = await submitTeamPageForm(db(), {
    intent,
    form,
    centreId: user.centre_id,
    teamId: team.id,
    currentSectorId: team.sector_id,
    userId: user.id,
    today,
  });
  return data(result, { status: result.status });
}

export default function MyTeam() {
  const { teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as WorkspaceResult | undefined;
  const t = useT();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("teams.mine.title")}</h1>
      {teams.length === 0 ? (
        <p className="max-w-2xl rounded-xl bg-white p-6 text-stone-700 shadow-sm ring-1 ring-stone-200">
          {t("teams.mine.none")}
        </p>
      ) : (
        teams.map((team) => (
          <article key={team.id} aria-labelledby={`team-${team.id}`} className="space-y-6">
            <section className={cardClass}>
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
              <p className="mt-2 text-sm text-stone-700">{t("teams.mine.staffFields")}</p>
              <h3 className="mt-5 font-semibold">{t("teams.members")}</h3>
              <MemberList members={team.members} />
            </section>
            <TeamWorkspace page={team} canEdit={team.canEdit} withTeamId withName result={result} />
          </article>
        ))
      )}
    </div>
  );
}

export const meta = titleMeta("teams.mine.title");
