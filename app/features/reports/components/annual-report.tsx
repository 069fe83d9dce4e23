import { ScrollRegion } from "~/components/scroll-region";
import { Link } from "@remix-run/react";
import type { Locale } from "#db/schema";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { COMPARISON_COLUMNS, REPORT_SECTIONS, listHref, roman, type FigureKey } from "../report-rows";
import { EVENT_AUDIENCES, formatFigure, type YearFigures } from "../rules";

// The annual report as a Vietnamese administrative document (Nghị định 30/2020 layout):
// national motto on the right, the unit on the left, place and date, title, numbered
// sections, signature block. Printed on A4 in a serif face at 13pt.
const printCss = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
.report-a4 { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; line-height: 1.4; color: #000; }
.report-a4 table { border-collapse: collapse; width: 100%; }
.report-a4 .grid-table th, .report-a4 .grid-table td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
.report-a4 a { color: inherit; }
@media print {
  body * { visibility: hidden; }
  .report-a4, .report-a4 * { visibility: visible; }
  .report-a4 { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none; padding: 0; }
  .report-a4 a { text-decoration: none; }
  .report-a4 h2, .report-a4 tr { break-inside: avoid; }
}
`;

export interface ReportDocumentProps {
  year: number;
  unitName: string;
  place: string;
  /** Today in the centre's zone: [day, month, year] as two- and four-digit strings. */
  today: [string, string, string];
  /** dd/MM/yyyy: the last day the figures cover. */
  until: string;
  figures: YearFigures;
  years: YearFigures[];
}

/** The list behind a figure, as the report's sections name it. */
function listOf(key: FigureKey) {
  return REPORT_SECTIONS.flatMap((section) => section.rows).find((row) => row.key === key)!.list;
}

function figureText(key: FigureKey, value: number, locale: Locale): string {
  return key === "inKindValueVnd" ? formatMoney(value, locale) : formatFigure(value, locale);
}

export function ReportDocument({ year, unitName, place, today, until, figures, years }: ReportDocumentProps) {
  const t = useT();
  const locale = useLocale();
  const [day, month, thisYear] = today;
  const audienceSection = REPORT_SECTIONS.length + 1;
  return (
    <article
      className="report-a4 mx-auto max-w-[210mm] bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-10"
      lang={locale}
    >
      <style dangerouslySetInnerHTML={{ __html: printCss }} />
      <table className="mb-4">
        <tbody>
          <tr>
            <td className="w-[42%] text-center align-top">
              <p className="font-bold uppercase">{unitName}</p>
              <p className="mx-auto mt-1 w-1/3 border-t border-black" aria-hidden="true" />
              <p className="mt-2">{t("reports.doc.number")}</p>
            </td>
            <td className="text-center align-top">
              <p className="font-bold">{t("reports.doc.nation")}</p>
              <p className="font-bold">{t("reports.doc.motto")}</p>
              <p className="mx-auto mt-1 w-1/2 border-t border-black" aria-hidden="true" />
              <p className="mt-2 italic">
                {place
                  ? t("reports.doc.placeDate", { place, day, month, year: thisYear })
                  : t("reports.doc.dateOnly", { day, month, year: thisYear })}
              </p>
            </td>
          </tr>
        </tbody>
      </table>

      <h1 className="mt-6 text-center font-bold">
        <span className="block">{t("reports.doc.heading")}</span>
        <span className="block">{t("reports.doc.titleLine", { year })}</span>
      </h1>
      <p className="mt-3 text-center">{t("reports.doc.recipient")}</p>
      <p className="mt-4 text-justify indent-8">{t("reports.doc.intro", { unit: unitName, year, until })}</p>

      {REPORT_SECTIONS.map((section, s) => (
        <section key={section.title} className="mt-4" aria-labelledby={`report-section-${s + 1}`}>
          <h2 id={`report-section-${s + 1}`} className="font-bold">
            {roman(s + 1)}. {t(section.title)}
          </h2>
          <table className="grid-table mt-2">
            <thead>
              <tr>
                <th scope="col" className="w-12">
                  {t("reports.column.number")}
                </th>
                <th scope="col">{t("reports.column.figure")}</th>
                <th scope="col" className="w-28">
                  {t("reports.column.unit")}
                </th>
                <th scope="col" className="w-36">
                  {t("reports.column.value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row, r) => (
                <tr key={row.key}>
                  <td className="text-center">
                    {s + 1}.{r + 1}
                  </td>
                  <th scope="row" className="text-left font-normal">
                    {t(row.label)}
                  </th>
                  <td className="text-center">{t(row.unit)}</td>
                  <td className="text-right">
                    <Link to={listHref(row.list, year)} className="underline" data-figure={row.key}>
                      {figureText(row.key, figures[row.key], locale)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <section className="mt-4" aria-labelledby="report-section-audience">
        <h2 id="report-section-audience" className="font-bold">
          {roman(audienceSection)}. {t("reports.section.byAudience")}
        </h2>
        <table className="grid-table mt-2">
          <thead>
            <tr>
              <th scope="col">{t("reports.audience.column")}</th>
              <th scope="col">{t("reports.column.events")}</th>
              <th scope="col">{t("reports.column.registered")}</th>
              <th scope="col">{t("reports.column.attended")}</th>
            </tr>
          </thead>
          <tbody>
            {EVENT_AUDIENCES.map((audience) => {
              const a = figures.byAudience.find((x) => x.audience === audience)!;
              // The events for the audience; the people of the group, at whatever event.
              const hrefs = [
                listHref("events", year, { audience }),
                listHref("events", year, { group: audience }),
                listHref("events", year, { group: audience }),
              ];
              return (
                <tr key={audience}>
                  <th scope="row" className="text-left font-normal">
                    {t(`reports.audience.${audience}`)}
                  </th>
                  {[a.events, a.registered, a.attended].map((value, i) => (
                    <td key={i} className="text-right">
                      <Link to={hrefs[i]!} className="underline" data-audience={`${audience}-${i}`}>
                        {formatFigure(value, locale)}
                      </Link>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="mt-4" aria-labelledby="report-section-years">
        <h2 id="report-section-years" className="font-bold">
          {roman(audienceSection + 1)}. {t("reports.section.comparison")}
        </h2>
        <p className="mt-1">{t("reports.doc.comparisonLead", { from: years[0]?.year ?? year, to: year })}</p>
        <ScrollRegion label={t("reports.section.comparison")}>
          <table className="grid-table mt-2 text-[11pt]">
            <thead>
              <tr>
                <th scope="col">{t("reports.column.year")}</th>
                {COMPARISON_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">
                    <Link to={`/staff/reports/annual?year=${y.year}`} className="underline">
                      {y.year}
                    </Link>
                  </th>
                  {COMPARISON_COLUMNS.map((c) => (
                    <td key={c.key} className="text-right">
                      <Link to={listHref(listOf(c.key), y.year)} className="underline">
                        {formatFigure(y[c.key], locale)}
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section className="mt-4" aria-labelledby="report-section-notes">
        <h2 id="report-section-notes" className="font-bold">
          {roman(audienceSection + 2)}. {t("reports.section.notes")}
        </h2>
        <ol className="mt-1 list-decimal space-y-1 pl-8 text-justify">
          <li>{t("reports.notes.listPrice")}</li>
          <li>{t("reports.notes.definitions")}</li>
          <li>{t("reports.notes.teams")}</li>
        </ol>
      </section>

      <table className="mt-8">
        <tbody>
          <tr>
            <td className="w-1/2 align-top text-[11pt]">
              <p className="font-bold italic">{t("reports.doc.recipients")}</p>
              <p>{t("reports.doc.recipientDepartment")}</p>
              <p>{t("reports.doc.recipientArchive")}</p>
            </td>
            <td className="text-center align-top">
              <p className="font-bold">{t("reports.doc.signTitle")}</p>
              <p className="italic">{t("reports.doc.signHint")}</p>
              <div className="h-24" />
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
