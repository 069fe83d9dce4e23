import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { activeMentorIds } from "~/features/assignments/queries.server";
import { TeamStatusBadge } from "~/features/teams/components/team-parts";
import { TeamWorkspace } from "~/features/teams/components/team-workspace";
import { teamWithMembers } from "~/features/teams/read-teams.server";
import { teamAccess } from "~/features/teams/rules";
import { centreClock, readTeamPage } from "~/features/teams/team-page.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// A team's private page as its mentor sees it while assigned: read only, never the revenue band.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  const teamId = z.uuid().safeParse(params.teamId);
  invariantResponse(teamId.success);
  const team = await teamWithMembers(db(), user.centre_id, teamId.data);
  invariantResponse(team);
  const access = teamAccess(
    user,
    team.members.map((m) => m.id),
    await activeMentorIds(db(), team.id),
  );
  // A team the mentor does not coach now is answered like an unknown one.
  invariantResponse(access.see);
  const page = await readTeamPage(db(), {
    centreId: user.centre_id,
    teamId: team.id,
    access,
    ...(await centreClock()),
  });
  invariantResponse(page);
  return { team: { id: team.id, name: team.name, status: team.status }, page };
}

export default function MentorTeamPage() {
  const { team, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <Link to="/mentors/teams" className="text-sm font-medium text-brand-800 underline">
          {t("mentors.myTeams.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{team.name}</h1>
          <TeamStatusBadge status={team.status} />
        </div>
      </div>
      <TeamWorkspace page={page} canEdit={false} withTeamId={false} withName={false} />
    </div>
  );
}

export const meta = titleMeta("mentors.myTeams.title");
