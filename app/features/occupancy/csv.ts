import type { Locale } from "#db/schema";
import { toCsv } from "~/features/judging/rules";
import { translator } from "~/i18n/translate";
import type { PeriodFigures } from "./read-occupancy.server";
import { hourLabel } from "./rules";

export const CSV_TABLES = ["heatmap", "resources", "kinds", "months"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

// One formatter per table, not per cell: a heatmap has a cell per open hour of the week.
function decimalFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits, useGrouping: false });
}

/**
 * One table of the period as CSV for Excel: UTF-8 with a byte-order mark (so Vietnamese
 * reads right), ";" and decimal commas in Vietnamese, "," in English, months as MM/yyyy.
 */
export function occupancyCsv(figures: PeriodFigures, table: CsvTable, locale: Locale): string {
  const t = translator(locale);
  const percentFormat = decimalFormat(locale, 1);
  const numberFormat = decimalFormat(locale, 2);
  // A share as a percentage with one decimal, in the reader's decimal mark; empty when none.
  const pct = (v: number | null) => (v === null ? "" : percentFormat.format(v * 100));
  const num = (v: number) => numberFormat.format(v);
  const hours = (minutes: number) => num(minutes / 60);
  switch (table) {
    case "heatmap":
      return toCsv(
        [
          [
            t("occupancy.column.weekday"),
            t("occupancy.column.hour"),
            t("occupancy.column.bookedHours"),
            t("occupancy.column.openHours"),
            `${t("occupancy.column.share")} (%)`,
          ],
          ...figures.heatmap.map((cell) => [
            t(`weekday.${cell.weekday}` as "weekday.1"),
            hourLabel(cell.hour),
            hours(cell.bookedMinutes),
            hours(cell.capacityMinutes),
            pct(cell.share),
          ]),
        ],
        locale,
      );
    case "resources":
      return toCsv(
        [
          [
            t("occupancy.column.code"),
            t("occupancy.column.resource"),
            t("occupancy.column.floor"),
            t("occupancy.column.kind"),
            t("occupancy.column.bookings"),
            t("occupancy.column.deskDays"),
            t("occupancy.column.hours"),
            `${t("occupancy.column.share")} (%)`,
          ],
          ...figures.resources.map((row) => [
            row.code,
            locale === "vi" ? row.nameVi : row.nameEn,
            row.floorCode,
            t(`bookings.kind.${row.kind}`),
            row.bookings,
            num(row.deskDays),
            num(row.hours),
            pct(row.share),
          ]),
        ],
        locale,
      );
    case "kinds":
      return toCsv(
        [
          [
            t("occupancy.column.kind"),
            t("occupancy.column.count"),
            t("occupancy.column.bookings"),
            t("occupancy.column.deskDays"),
            t("occupancy.column.hours"),
            `${t("occupancy.column.share")} (%)`,
          ],
          ...figures.kinds.map((row) => [
            t(`bookings.kind.${row.kind}`),
            row.resources,
            row.bookings,
            num(row.deskDays),
            num(row.hours),
            pct(row.share),
          ]),
        ],
        locale,
      );
    case "months":
      return toCsv(
        [
          [
            t("occupancy.column.month"),
            t("occupancy.column.bookedHours"),
            t("occupancy.column.openHours"),
            `${t("occupancy.column.share")} (%)`,
          ],
          ...figures.months.map((row) => [
            `${row.month.slice(5, 7)}/${row.month.slice(0, 4)}`,
            hours(row.bookedMinutes),
            hours(row.capacityMinutes),
            pct(row.share),
          ]),
        ],
        locale,
      );
  }
}
