import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { ScrollRegion } from "../scroll-region";

/**
 * A chart and its data side by side (stacked on phones): the SVG for the eye, the table for
 * screen readers and for copying. Both come from the same server data.
 */
export function ChartWithTable({ chart, table, label }: { chart: ReactNode; table: ReactNode; label: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
      <div className="min-w-0">{chart}</div>
      <ScrollRegion label={label} className="min-w-0">
        {table}
      </ScrollRegion>
    </div>
  );
}

export const tableClass = "w-full border-collapse text-sm tabular-nums";
export const thClass = "border-b border-stone-300 px-2 py-1 text-left font-semibold text-stone-800";
export const tdClass = "border-b border-stone-200 px-2 py-1 text-stone-900";

/** A table's header row, one column heading per dictionary key. */
export function HeadRow({ labels }: { labels: MessageKey[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className={thClass}>
            {t(label)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
