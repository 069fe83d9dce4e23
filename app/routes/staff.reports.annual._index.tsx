import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { readAnnualReport } from "~/features/reports/annual-report.server";
import { ReportDocument } from "~/features/reports/components/annual-report";
import { YearForm } from "~/features/reports/components/year-form";
import { reportCentre, yearOf } from "~/features/reports/report-request.server";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";

const linkClass = "font-medium text-brand-800 underline hover:text-brand-700";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const centre = await reportCentre(user.centre_id);
  const year = yearOf(request, centre.thisYear);
  if (!year.ok) return data({ report: null, input: year.input, error: year.error as MessageKey }, { status: 400 });
  return { report: await readAnnualReport(centre, year.year), input: String(year.year), error: null };
}

export default function AnnualReport() {
  const { report, input, error } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <div className="space-y-3 print:hidden">
        {/* With a report, its document carries the page's h1. */}
        {report ? null : <h1 className="text-2xl font-bold">{t("reports.error.title")}</h1>}
        <p className="max-w-2xl text-stone-700">{t("reports.annual.lead")}</p>
        <YearForm value={input} error={error ?? undefined} />
        {report ? (
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            <a href={`/staff/reports/annual.csv?year=${report.year}`} className={linkClass} download>
              {t("reports.exportCsv")}
            </a>
            <a href={`/staff/reports/annual.xlsx?year=${report.year}`} className={linkClass} download>
              {t("reports.exportXlsx")}
            </a>
            <Link to={`/staff/targets?year=${report.year}`} className={linkClass}>
              {t("reports.targetsLink", { year: report.year })}
            </Link>
          </div>
        ) : null}
        {report ? <p className="text-sm text-stone-700">{t("reports.printHint")}</p> : null}
      </div>
      {report ? (
        <ReportDocument
          year={report.year}
          unitName={report.unitName}
          place={report.place}
          today={report.today}
          until={report.until}
          figures={report.figures}
          years={report.years}
        />
      ) : null}
    </div>
  );
}

export const meta = titleMeta("reports.nav");
