import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { JudgingPage, linkClass, named, Section } from "~/features/judging/components/judging-parts";
import { readRanking } from "~/features/judging/read-ranking.server";
import { requireRound } from "~/features/judging/require-round.server";
import { formatScore } from "~/features/judging/rules";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:manage");
  const { programme, round } = await requireRound(user.centre_id, params);
  const [ranking, zone] = await Promise.all([readRanking(db(), round), getCentreZone(db(), user.centre_id)]);
  return { programme, round, ranking, zone };
}

export default function Ranking() {
  const { programme, round, ranking, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/staff/programmes/${programme.id}/judging/${round.id}`;
  return (
    <JudgingPage
      title={t("judging.ranking.heading", { round: named(round, locale) })}
      subtitle={t("judging.round.subtitle", {
        programme: named(programme, locale),
        closes: formatDateTime(round.scoring_closes_at, zone),
      })}
      back={{ to: base, label: t("judging.round.back") }}
    >
      <p>
        <a href={`${base}/ranking.csv`} className={linkClass} download>
          {t("judging.ranking.csv")}
        </a>
      </p>
      <Section id="ranking" title={t("judging.ranking.title")}>
        <p className="mt-1 text-sm text-stone-700">{t("judging.ranking.note")}</p>
        {ranking.rows.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("judging.ranking.none")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("judging.ranking.title")}</caption>
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("judging.column.rank")}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("judging.column.team")}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("judging.column.sector")}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("judging.column.status")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    {t("judging.column.average")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">
                    {t("judging.column.spread")}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("judging.column.scored")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("judging.column.conflicts")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {ranking.rows.map((row) => (
                  <tr key={row.applicationId}>
                    <td className="py-2 pr-3 tabular-nums">{row.rank ?? "—"}</td>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link to={`${base}/applications/${row.applicationId}`} className={linkClass}>
                        {row.teamName}
                      </Link>
                    </th>
                    <td className="py-2 pr-3">{locale === "vi" ? row.sectorVi : row.sectorEn}</td>
                    <td className="py-2 pr-3">{t(`judging.status.${row.status}`)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatScore(row.average, locale)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatScore(row.spread, locale)}</td>
                    <td className="py-2 pr-3 tabular-nums">
                      {t("judging.ranking.scoredOf", { scored: row.scored, expected: row.expected })}
                    </td>
                    <td className="py-2 tabular-nums">{row.conflicts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </JudgingPage>
  );
}

export const meta = titleMeta("judging.ranking.title");
