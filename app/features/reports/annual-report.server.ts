import { DateTime } from "luxon";
import { db } from "~/utils/database.server";
import { annualReport } from "./figures.server";
import { reportCentre } from "./report-request.server";
import { placeOf } from "./rules";

/** Everything the report page and its exports show for a centre's year. */
export async function readAnnualReport(centreId: number, year: number, now: Date = new Date()) {
  const { centre, scope, thisYear } = await reportCentre(centreId, now);
  const report = await annualReport(db(), scope, year);
  const today = DateTime.fromJSDate(now).setZone(centre.time_zone);
  const until = year === thisYear ? today.toFormat("dd/MM/yyyy") : `31/12/${year}`;
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
