import { ScrollRegion } from "~/components/scroll-region";
import { BarChart, ColumnChart } from "~/components/charts/bar-chart";
import { ChartWithTable, HeadRow, tableClass, tdClass, thClass } from "~/components/charts/chart-table";
import { Heatmap, HeatmapTable } from "~/components/charts/heatmap";
import { cardClass } from "~/components/card";
import { useLocale, useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import type { PeriodFigures } from "../read-occupancy.server";
import { hourLabel, percent, type HeatmapCell } from "../rules";
import type { CsvTable } from "../csv";

function CsvLink({ table, values, label }: { table: CsvTable; values: { from: string; to: string }; label: string }) {
  const t = useT();
  const query = new URLSearchParams({ table, from: values.from, to: values.to });
  return (
    <a
      href={`/staff/occupancy.csv?${query.toString()}`}
      className="text-sm font-medium text-brand-800 underline"
      download
    >
      {t("occupancy.csv")}
      <span className="sr-only"> – {label}</span>
    </a>
  );
}

function SectionHead({ id, title, csv }: { id: string; title: string; csv?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      {csv}
    </div>
  );
}

function CellList({
  title,
  cells,
  text,
}: {
  title: string;
  cells: HeatmapCell[];
  text: (cell: HeatmapCell) => string;
}) {
  return (
    <div>
      <h4 className="font-semibold">{title}</h4>
      <ol className="mt-1 list-decimal pl-6 text-stone-900">
        {cells.map((cell) => (
          <li key={`${cell.weekday}-${cell.hour}`}>{text(cell)}</li>
        ))}
      </ol>
    </div>
  );
}

/** Every figure of the chosen period: heatmap, extremes, per resource, per kind, no-shows, months. */
export function PeriodSections({ figures, values }: { figures: PeriodFigures; values: { from: string; to: string } }) {
  const t = useT();
  const locale = useLocale();
  const weekday = (n: number) => t(`weekday.${n}` as MessageKey);
  const cells = new Map(figures.heatmap.map((cell) => [`${cell.weekday}-${cell.hour}`, cell]));
  const weekdays = [...new Set(figures.heatmap.map((c) => c.weekday))].sort((a, b) => a - b);
  const hours = figures.heatmap.map((c) => c.hour);
  const first = Math.min(...hours);
  const columns = hours.length === 0 ? [] : Array.from({ length: Math.max(...hours) - first + 1 }, (_, i) => first + i);
  const heatmapProps = {
    title: t("occupancy.heatmap.title"),
    rows: weekdays.map((w) => ({ key: w, label: weekday(w) })),
    columns: columns.map((h) => ({ key: h, label: hourLabel(h) })),
    value: (row: string | number, column: string | number) => cells.get(`${row}-${column}`)?.share ?? null,
    format: (v: number) => percent(v),
    empty: t("occupancy.heatmap.closed"),
    corner: t("occupancy.heatmap.weekday"),
  };
  const cellText = (cell: HeatmapCell) =>
    t("occupancy.extremes.item", {
      weekday: weekday(cell.weekday),
      hour: hourLabel(cell.hour),
      share: percent(cell.share),
    });
  const name = (vi: string, en: string) => (locale === "vi" ? vi : en);
  const numberFormat = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB");
  const number = (n: number) => numberFormat.format(n);

  return (
    <>
      <p className="font-medium text-stone-800">{t("occupancy.period.range", { from: values.from, to: values.to })}</p>

      <section aria-labelledby="occupancy-heatmap" className={cardClass}>
        <SectionHead
          id="occupancy-heatmap"
          title={t("occupancy.heatmap.title")}
          csv={<CsvLink table="heatmap" values={values} label={t("occupancy.heatmap.title")} />}
        />
        <p className="mb-3 text-sm text-stone-700">{t("occupancy.heatmap.description")}</p>
        {figures.heatmap.length === 0 ? (
          <p className="text-stone-700">{t("occupancy.heatmap.empty")}</p>
        ) : (
          <div className="space-y-4">
            <Heatmap
              {...heatmapProps}
              description={t("occupancy.heatmap.description")}
              legendLabel={t("occupancy.heatmap.legend")}
            />
            <ScrollRegion label={t("occupancy.heatmap.title")}>
              <HeatmapTable {...heatmapProps} />
            </ScrollRegion>
            <div className="grid gap-4 sm:grid-cols-2">
              <CellList title={t("occupancy.extremes.busiest")} cells={figures.busiest} text={cellText} />
              <CellList title={t("occupancy.extremes.emptiest")} cells={figures.emptiest} text={cellText} />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="occupancy-resources" className={cardClass}>
        <SectionHead
          id="occupancy-resources"
          title={t("occupancy.resources.title")}
          csv={<CsvLink table="resources" values={values} label={t("occupancy.resources.title")} />}
        />
        <ChartWithTable
          label={t("occupancy.resources.title")}
          chart={
            <BarChart
              title={t("occupancy.resources.title")}
              description={t("occupancy.resources.description")}
              max={1}
              items={figures.resources.map((r) => ({
                key: r.resourceId,
                label: `${r.code} · ${name(r.nameVi, r.nameEn)}`,
                value: r.share ?? 0,
                display: percent(r.share),
              }))}
            />
          }
          table={
            <table className={tableClass}>
              <caption className="sr-only">{t("occupancy.resources.title")}</caption>
              <HeadRow
                labels={[
                  "occupancy.column.resource",
                  "occupancy.column.bookings",
                  "occupancy.column.deskDays",
                  "occupancy.column.hours",
                  "occupancy.column.share",
                ]}
              />
              <tbody>
                {figures.resources.map((r) => (
                  <tr key={r.resourceId}>
                    <th scope="row" className={thClass}>
                      {r.code} · {name(r.nameVi, r.nameEn)}
                    </th>
                    <td className={tdClass}>{number(r.bookings)}</td>
                    <td className={tdClass}>{number(r.deskDays)}</td>
                    <td className={tdClass}>{number(r.hours)}</td>
                    <td className={tdClass}>{percent(r.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>

      <section aria-labelledby="occupancy-kinds" className={cardClass}>
        <SectionHead
          id="occupancy-kinds"
          title={t("occupancy.kinds.title")}
          csv={<CsvLink table="kinds" values={values} label={t("occupancy.kinds.title")} />}
        />
        <ChartWithTable
          label={t("occupancy.kinds.title")}
          chart={
            <BarChart
              title={t("occupancy.kinds.title")}
              description={t("occupancy.kinds.description")}
              max={1}
              items={figures.kinds.map((k) => ({
                key: k.kind,
                label: t(`bookings.kind.${k.kind}`),
                value: k.share ?? 0,
                display: percent(k.share),
              }))}
            />
          }
          table={
            <table className={tableClass}>
              <caption className="sr-only">{t("occupancy.kinds.title")}</caption>
              <HeadRow
                labels={[
                  "occupancy.column.kind",
                  "occupancy.column.count",
                  "occupancy.column.bookings",
                  "occupancy.column.deskDays",
                  "occupancy.column.hours",
                  "occupancy.column.share",
                ]}
              />
              <tbody>
                {figures.kinds.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row" className={thClass}>
                      {t(`bookings.kind.${k.kind}`)}
                    </th>
                    <td className={tdClass}>{number(k.resources)}</td>
                    <td className={tdClass}>{number(k.bookings)}</td>
                    <td className={tdClass}>{number(k.deskDays)}</td>
                    <td className={tdClass}>{number(k.hours)}</td>
                    <td className={tdClass}>{percent(k.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>

      <section aria-labelledby="occupancy-no-show" className={cardClass}>
        <SectionHead id="occupancy-no-show" title={t("occupancy.noShow.title")} />
        {figures.noShow.rate === null ? (
          <p className="text-stone-700">{t("occupancy.noShow.none")}</p>
        ) : (
          <>
            <p className="text-2xl font-bold">{percent(figures.noShow.rate)}</p>
            <p className="text-stone-800">{t("occupancy.noShow.rate", { rate: percent(figures.noShow.rate) })}</p>
            <p className="mt-1 text-sm text-stone-700">
              {t("occupancy.noShow.counts", {
                checkedIn: figures.noShow.checkedIn,
                confirmed: figures.noShow.confirmed,
                noShow: figures.noShow.noShow,
              })}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="occupancy-months" className={cardClass}>
        <SectionHead
          id="occupancy-months"
          title={t("occupancy.months.title")}
          csv={<CsvLink table="months" values={values} label={t("occupancy.months.title")} />}
        />
        <ChartWithTable
          label={t("occupancy.months.title")}
          chart={
            <ColumnChart
              title={t("occupancy.months.title")}
              description={t("occupancy.months.description")}
              max={1}
              items={figures.months.map((m) => ({
                key: m.month,
                label: `${m.month.slice(5, 7)}/${m.month.slice(2, 4)}`,
                value: m.share ?? 0,
                display: percent(m.share),
              }))}
            />
          }
          table={
            <table className={tableClass}>
              <caption className="sr-only">{t("occupancy.months.title")}</caption>
              <HeadRow
                labels={[
                  "occupancy.column.month",
                  "occupancy.column.bookedHours",
                  "occupancy.column.openHours",
                  "occupancy.column.share",
                ]}
              />
              <tbody>
                {figures.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className={thClass}>
                      {`${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`}
                    </th>
                    <td className={tdClass}>{number(Math.round((m.bookedMinutes / 60) * 10) / 10)}</td>
                    <td className={tdClass}>{number(Math.round((m.capacityMinutes / 60) * 10) / 10)}</td>
                    <td className={tdClass}>{percent(m.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>
    </>
  );
}
