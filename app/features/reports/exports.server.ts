import ExcelJS from "exceljs";
import type { Locale } from "#db/schema";
import { toCsv } from "~/features/judging/rules";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/translate";
import { COMPARISON_COLUMNS, REPORT_SECTIONS, roman } from "./report-rows";
import { EVENT_AUDIENCES, type YearFigures } from "./rules";

export interface ReportExport {
  unitName: string;
  zone: string;
  year: number;
  figures: YearFigures;
  years: YearFigures[];
  generatedAt: Date;
}

/** An export as a file to save; private, as the report is for staff. */
export function reportDownload(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** A number for a spreadsheet cell typed as text: the locale's decimal mark, no grouping. */
function plain(value: number, locale: Locale): string {
  const text = String(value);
  return locale === "vi" ? text.replace(".", ",") : text;
}

/** The report as rows of cells (numbers kept as numbers): the CSV and the workbook share them. */
function reportTable(report: ReportExport, locale: Locale) {
  const t = translator(locale);
  const head: Array<Array<string | number>> = [
    [t("reports.doc.titleLine", { year: report.year })],
    [t("reports.export.unit"), report.unitName],
    [t("reports.export.period"), `01/01/${report.year} - 31/12/${report.year}`],
    [t("reports.export.generatedOn"), formatDate(report.generatedAt, report.zone)],
    [],
  ];
  const figures: Array<Array<string | number>> = [
    [t("reports.column.number"), t("reports.column.figure"), t("reports.column.unit"), t("reports.column.value")],
  ];
  REPORT_SECTIONS.forEach((section, s) => {
    figures.push([roman(s + 1), t(section.title)]);
    section.rows.forEach((row, r) => {
      figures.push([`${s + 1}.${r + 1}`, t(row.label), t(row.unit), report.figures[row.key]]);
    });
  });
  const audiences: Array<Array<string | number>> = [
    [
      t("reports.audience.column"),
      t("reports.column.events"),
      t("reports.column.registered"),
      t("reports.column.attended"),
    ],
    ...EVENT_AUDIENCES.map((audience) => {
      const a = report.figures.byAudience.find((x) => x.audience === audience)!;
      return [t(`reports.audience.${audience}`), a.events, a.registered, a.attended];
    }),
  ];
  const comparison: Array<Array<string | number>> = [
    [t("reports.column.year"), ...COMPARISON_COLUMNS.map((c) => t(c.label))],
    ...report.years.map((y) => [y.year, ...COMPARISON_COLUMNS.map((c) => y[c.key])]),
  ];
  return { head, figures, audiences, comparison, t };
}

/** The report's figures as CSV for Excel (BOM, the reader's list separator, dd/MM/yyyy). */
export function reportCsv(report: ReportExport, locale: Locale): string {
  const { head, figures, audiences, comparison, t } = reportTable(report, locale);
  const asText = (rows: Array<Array<string | number>>) =>
    rows.map((row) => row.map((cell) => (typeof cell === "number" ? plain(cell, locale) : cell)));
  return toCsv(
    [
      ...asText(head),
      ...asText(figures),
      [],
      [t("reports.section.byAudience")],
      ...asText(audiences),
      [],
      [t("reports.section.comparison")],
      ...asText(comparison),
      [],
      [t("reports.notes.listPrice")],
    ],
    locale,
  );
}

/** The same figures as an XLSX workbook: the report, then the year-by-year comparison. */
export async function reportXlsx(report: ReportExport, locale: Locale): Promise<Buffer> {
  const { head, figures, audiences, comparison, t } = reportTable(report, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.unitName;
  workbook.created = report.generatedAt;

  const sheet = workbook.addWorksheet(t("reports.export.sheetReport", { year: report.year }));
  sheet.columns = [{ width: 8 }, { width: 60 }, { width: 16 }, { width: 18 }];
  for (const row of head) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true, size: 13 };
  const figuresHeader = sheet.addRow(figures[0]!);
  figuresHeader.font = { bold: true };
  for (const row of figures.slice(1)) {
    const added = sheet.addRow(row);
    if (row.length === 2) added.font = { bold: true };
    const value = added.getCell(4);
    if (typeof value.value === "number") value.numFmt = Number.isInteger(value.value) ? "#,##0" : "#,##0.0";
  }
  sheet.addRow([]);
  sheet.addRow([t("reports.section.byAudience")]).font = { bold: true };
  const audienceHeader = sheet.addRow(["", ...audiences[0]!]);
  audienceHeader.font = { bold: true };
  for (const row of audiences.slice(1)) sheet.addRow(["", ...row]);
  sheet.addRow([]);
  sheet.addRow([t("reports.notes.listPrice")]);

  const years = workbook.addWorksheet(t("reports.export.sheetComparison"));
  years.columns = [{ width: 8 }, ...COMPARISON_COLUMNS.map(() => ({ width: 16 }))];
  years.addRow(comparison[0]!).font = { bold: true };
  for (const row of comparison.slice(1)) years.addRow(row);
  years.views = [{ state: "frozen", ySplit: 1 }];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
