import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { readReportExport } from "~/features/reports/annual-report.server";
import { reportDownload, reportXlsx } from "~/features/reports/exports.server";

// The annual report's figures as an Excel workbook, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const { locale, year, report } = await readReportExport(request, user);
  return reportDownload(
    new Uint8Array(await reportXlsx(report, locale)),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    `annual-report-${year}.xlsx`,
  );
}
