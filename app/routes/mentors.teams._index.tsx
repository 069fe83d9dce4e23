import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { AssignmentSummary } from "~/features/assignments/components/assignment-summary";
import { readMentorTeams } from "~/features/assignments/read-team-mentors.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

// The teams a mentor coaches: founders' contacts while the assignment is active.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  return { assignments: await readMentorTeams(db(), user.centre_id, user.id) };
}

export default function MentorTeams() {
  const { assignments } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("mentors.myTeams.title")}</h1>
      {assignments.length === 0 ? <p className="text-stone-700">{t("mentors.myTeams.none")}</p> : null}
      <ul className="space-y-4">
        {assignments.map((a) => (
          <li key={a.id} className={cardClass}>
            <AssignmentSummary assignment={a} heading={a.team_name} />
            {a.status === "active" ? (
              <>
                <Link
                  to={`/mentors/teams/${a.team_id}`}
                  className="mt-2 inline-block font-medium text-brand-800 underline"
                >
                  {t("mentors.myTeams.open", { team: a.team_name })}
                </Link>
                <Link
                  to={`/sessions/new?assignment=${a.id}`}
                  className="mt-2 ml-4 inline-block font-medium text-brand-800 underline"
                >
                  {t("mentors.proposeSession", { name: a.team_name })}
                </Link>
                <h2 className="mt-3 text-sm font-semibold">{t("mentors.myTeams.founders")}</h2>
                <ul className="mt-1 space-y-1 text-sm">
                  {a.founders.map((f) => (
                    <li key={f.id}>
                      {f.name} ·{" "}
                      <a href={`mailto:${f.email}`} className="text-brand-800 underline">
                        {f.email}
                      </a>
                      {f.phone ? (
                        <>
                          {" · "}
                          <a href={`tel:${f.phone.replace(/\s/g, "")}`} className="text-brand-800 underline">
                            {f.phone}
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta = titleMeta("mentors.myTeams.title");
