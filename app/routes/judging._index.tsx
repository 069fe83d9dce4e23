import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { can } from "~/features/auth/permissions";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import {
  assignmentState,
  JudgingPage,
  linkClass,
  Section,
  StateBadge,
} from "~/features/judging/components/judging-parts";
import { listJudgeWork, listProgrammes } from "~/features/judging/queries.server";
import { isScoringOpen } from "~/features/judging/rules";
import { formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:score");
  const manages = can(user.role, "judging:manage");
  const [work, programmes, zone] = await Promise.all([
    listJudgeWork(db(), user.centre_id, user.id),
    manages ? listProgrammes(db(), user.centre_id) : Promise.resolve([]),
    getCentreZone(db(), user.centre_id),
  ]);
  const now = new Date();
  const rounds = new Map<
    string,
    {
      id: string;
      name_vi: string;
      name_en: string;
      programme_vi: string;
      programme_en: string;
      closes: Date;
      open: boolean;
      applications: Array<{ id: string; team_name: string; state: ReturnType<typeof assignmentState> }>;
    }
  >();
  for (const row of work) {
    let round = rounds.get(row.round_id);
    if (!round) {
      round = {
        id: row.round_id,
        name_vi: row.round_vi,
        name_en: row.round_en,
        programme_vi: row.programme_vi,
        programme_en: row.programme_en,
        closes: row.scoring_closes_at,
        open: isScoringOpen(row.scoring_closes_at, now),
        applications: [],
      };
      rounds.set(row.round_id, round);
    }
    round.applications.push({ id: row.application_id, team_name: row.team_name, state: assignmentState(row) });
  }
  return { rounds: [...rounds.values()], programmes, zone };
}

export default function MyJudging() {
  const { rounds, programmes, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <JudgingPage title={t("judging.mine.title")}>
      {programmes.length > 0 ? (
        <Section id="manage" title={t("judging.mine.manage")}>
          <ul className="mt-2 space-y-1">
            {programmes.map((p) => (
              <li key={p.id}>
                <Link to={`/staff/programmes/${p.id}/judging`} className={linkClass}>
                  {named(p, locale)}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {rounds.length === 0 ? <p className="text-stone-700">{t("judging.mine.none")}</p> : null}
      {rounds.map((round) => (
        <Section
          key={round.id}
          id={`round-${round.id}`}
          title={`${named(round, locale)} · ${locale === "vi" ? round.programme_vi : round.programme_en}`}
        >
          <p className="mt-1 text-sm text-stone-700">
            {t(round.open ? "judging.mine.closes" : "judging.mine.closed", {
              closes: formatDateTime(round.closes, zone),
            })}
          </p>
          <ul className="mt-3 divide-y divide-stone-200">
            {round.applications.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/judging/${round.id}/${a.id}`} className={linkClass}>
                  {a.team_name}
                </Link>
                <StateBadge state={a.state} />
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </JudgingPage>
  );
}

export const meta = titleMeta("judging.mine.title");
