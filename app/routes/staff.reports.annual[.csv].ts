import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { readReportExport } from "~/features/reports/annual-report.server";
import { reportCsv, reportDownload } from "~/features/reports/exports.server";

// The annual report's figures as CSV for Excel, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const { locale, year, report } = await readReportExport(request, user);
  return reportDownload(reportCsv(report, locale), "text/csv; charset=utf-8", `annual-report-${year}.csv`);
}
