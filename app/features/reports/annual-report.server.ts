import { DateTime } from "luxon";
import type { Locale } from "#db/schema";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";
import { annualReport } from "./figures.server";
import { reportCentre, requireYear, type ReportCentre } from "./report-request.server";
import { placeOf } from "./rules";

/** Everything the report page and its exports show for a centre's year (the centre as the route read it). */
export async function readAnnualReport({ centre, scope, thisYear }: ReportCentre, year: number) {
  const { now } = scope;
  const report = await annualReport(db(), scope, year);
  const today = DateTime.fromJSDate(now).setZone(centre.time_zone);
  const until = year === thisYear ? formatDate(now, centre.time_zone) : `31/12/${year}`;
  return {
    year,
    unitName: centre.legal_name,
    // The place name reads the same in both languages (Sơn La); English addresses end in the country.
    place: placeOf(centre.address_vi),
    zone: centre.time_zone,
    today: [today.toFormat("dd"), today.toFormat("MM"), today.toFormat("yyyy")] as [string, string, string],
    until,
    figures: report.figures,
    years: report.years,
    generatedAt: now,
  };
}

/** What an export of the report asks for: the reader's language, the ?year= (a bad one is a 400) and the report. */
export async function readReportExport(request: Request, user: { centre_id: number; locale: Locale | null }) {
  const locale = await resolveLocale(request, user.locale);
  const centre = await reportCentre(user.centre_id);
  const year = requireYear(request, centre.thisYear, locale);
  return { locale, year, report: await readAnnualReport(centre, year) };
}
