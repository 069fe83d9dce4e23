import { ScrollRegion } from "~/components/scroll-region";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { IncubationPeriod, TeamStatusBadge } from "~/features/teams/components/team-parts";
import { TeamFormFields } from "~/features/teams/components/team-form-fields";
import { milestoneCountsByTeam } from "~/features/milestones/queries.server";
import { OverdueFlag } from "~/features/milestones/components/milestones-section";
import { listTeams } from "~/features/teams/queries.server";
import { centreClock } from "~/features/teams/team-page.server";
import { createTeam } from "~/features/teams/save-team.server";
import { teamFormSchema } from "~/features/teams/team-form";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "teams:manage");
  const { today } = await centreClock();
  const [teams, counts] = await Promise.all([
    listTeams(db(), user.centre_id),
    milestoneCountsByTeam(db(), user.centre_id, today),
  ]);
  return {
    teams: teams.map((team) => ({
      ...team,
      member_count: Number(team.member_count),
      milestones: counts.get(team.id) ?? { total: 0, done: 0, overdue: 0 },
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "teams:manage"));
  const parsed = parseForm(teamFormSchema, await request.formData());
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const result = await createTeam(db(), user.centre_id, parsed.data, user);
  if (!result.ok) {
    const { name, status, startsOn, endsOn } = parsed.data;
    return badRequest({ errors: result.errors, values: { name, status, startsOn, endsOn: endsOn ?? "" } });
  }
  return redirect(`/staff/teams/${result.team.id}?created=1`);
}

export default function StaffTeams() {
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("teams.list.title")}</h1>

      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
        {teams.length === 0 ? (
          <p className="text-stone-700">{t("teams.list.empty")}</p>
        ) : (
          <ScrollRegion label={t("teams.list.title")}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("teams.field.name")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("teams.field.status")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("teams.period")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("teams.list.memberCount")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("teams.list.progress")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("teams.list.overdue")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {teams.map((team) => (
                  <tr key={team.id}>
                    <td className="py-2 pr-4">
                      <Link to={`/staff/teams/${team.id}`} className="font-medium text-brand-800 underline">
                        {team.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-4">
                      <TeamStatusBadge status={team.status} />
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <IncubationPeriod startsOn={team.incubation_starts_on} endsOn={team.incubation_ends_on} />
                    </td>
                    <td className="py-2 pr-4 tabular-nums">{team.member_count}</td>
                    <td className="py-2 pr-4 tabular-nums">
                      {team.milestones.done}/{team.milestones.total}
                    </td>
                    <td className="py-2">
                      {team.milestones.overdue > 0 ? (
                        <OverdueFlag count={team.milestones.overdue} />
                      ) : (
                        <span className="text-stone-700">{t("teams.list.noOverdue")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>

      <section
        aria-labelledby="create-team"
        className="max-w-2xl rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
      >
        <h2 id="create-team" className="text-lg font-semibold">
          {t("teams.create.title")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4">
          <FormErrorSummary errors={actionData?.errors} />
          <TeamFormFields errors={actionData?.errors} values={actionData?.values ?? {}} />
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
          >
            {t("teams.create.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("teams.list.title");
