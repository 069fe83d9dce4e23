import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { readAnnualReport } from "~/features/reports/annual-report.server";
import { reportXlsx } from "~/features/reports/exports.server";
import { reportCentre, requireYear } from "~/features/reports/report-request.server";
import { resolveLocale } from "~/i18n/locale.server";

// The annual report's figures as an Excel workbook, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const locale = await resolveLocale(request, user.locale);
  const { thisYear } = await reportCentre(user.centre_id);
  const year = requireYear(request, thisYear, locale);
  const report = await readAnnualReport(user.centre_id, year);
  return new Response(new Uint8Array(await reportXlsx(report, locale)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="annual-report-${year}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
