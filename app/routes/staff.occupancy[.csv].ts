import type { LoaderFunctionArgs } from "@remix-run/node";
import { DateTime } from "luxon";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { CSV_TABLES, occupancyCsv, type CsvTable } from "~/features/occupancy/csv";
import { readPeriod } from "~/features/occupancy/read-occupancy.server";
import { parsePeriod } from "~/features/occupancy/rules";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";
import { db } from "~/utils/database.server";

// One table of the occupancy page as CSV (?table=heatmap|resources|kinds|months&from=&to=).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "staff-area:view");
  const locale = await resolveLocale(request, user.locale);
  const t = translator(locale);
  const url = new URL(request.url);
  const table = url.searchParams.get("table") ?? "heatmap";
  const plain = { "Content-Type": "text/plain; charset=utf-8" };
  if (!(CSV_TABLES as readonly string[]).includes(table))
    return new Response(t("error.notFound.title"), { status: 404, headers: plain });
  const zone = await getCentreZone(db(), user.centre_id);
  const now = new Date();
  const parsed = parsePeriod(url, DateTime.fromJSDate(now).setZone(zone).toISODate()!);
  if (!parsed.ok) {
    const message = Object.entries(parsed.errors)
      .map(
        ([field, key]) =>
          `${t(field === "to" ? "occupancy.period.to" : "occupancy.period.from")}: ${key ? t(key) : ""}`,
      )
      .join("\n");
    return new Response(message, { status: 400, headers: plain });
  }
  const figures = await readPeriod(db(), { centreId: user.centre_id, zone, period: parsed.period, now });
  return new Response(occupancyCsv(figures, table as CsvTable, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="occupancy-${table}-${parsed.period.from}-${parsed.period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
