import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { rankingCsv } from "~/features/judging/ranking-csv";
import { readRanking } from "~/features/judging/read-ranking.server";
import { requireRound } from "~/features/judging/require-round.server";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";

// The ranking of a round as a CSV file for Excel, headed in the reader's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:manage");
  const { round } = await requireRound(user.centre_id, params);
  const locale = await resolveLocale(request, user.locale);
  const ranking = await readRanking(db(), round);
  const fileName = `ranking-${
    round.name_en
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "round"
  }.csv`;
  return new Response(rankingCsv(ranking, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
