import { ChartSvg } from "./chart-svg";
import { SCALE, stepOf } from "./scale";
import { tableClass, tdClass, thClass } from "./chart-table";

export interface HeatmapProps {
  /** The chart's name, read first by screen readers. */
  title: string;
  /** One sentence on what the colours mean. */
  description: string;
  rows: readonly { key: string | number; label: string }[];
  columns: readonly { key: string | number; label: string }[];
  /** value(row, column): a share in [0, 1], or null where there is nothing to measure. */
  value: (row: string | number, column: string | number) => number | null;
  /** How a value reads ("37 %"); null reads as `empty`. */
  format: (value: number) => string;
  /** The text of a cell without a value ("closed", "—"). */
  empty: string;
  legendLabel: string;
  /** The header of the rows' column in the table. */
  corner: string;
}

const CELL_W = 44;
const CELL_H = 30;
const LEFT = 92;
const TOP = 28;

/** A grid of cells coloured by value, in SVG, each cell titled with its row, column and value. */
export function Heatmap(props: HeatmapProps) {
  const { rows, columns, value, format, empty, title, description } = props;
  const width = LEFT + columns.length * CELL_W + 8;
  const height = TOP + rows.length * CELL_H + 8;
  return (
    <figure className="space-y-2">
      <ChartSvg
        kind="heatmap"
        title={title}
        description={description}
        width={width}
        height={height}
        maxWidth={width * 1.4}
        className="h-auto w-full max-w-full"
      >
        {columns.map((column, ci) => (
          <text
            key={column.key}
            x={LEFT + ci * CELL_W + CELL_W / 2}
            y={TOP - 10}
            textAnchor="middle"
            fontSize="11"
            fill="#292524"
          >
            {column.label}
          </text>
        ))}
        {rows.map((row, ri) => (
          <g key={row.key}>
            <text x={LEFT - 6} y={TOP + ri * CELL_H + CELL_H / 2 + 4} textAnchor="end" fontSize="12" fill="#292524">
              {row.label}
            </text>
            {columns.map((column, ci) => {
              const v = value(row.key, column.key);
              const step = v === null ? null : stepOf(v);
              const x = LEFT + ci * CELL_W;
              const y = TOP + ri * CELL_H;
              const text = v === null ? empty : format(v);
              return (
                <g key={column.key}>
                  <title>{`${row.label}, ${column.label}: ${text}`}</title>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={CELL_W - 2}
                    height={CELL_H - 2}
                    rx="3"
                    fill={step ? step.fill : "#ffffff"}
                    stroke="#a8a29e"
                    strokeWidth={step ? 0 : 1}
                    strokeDasharray={step ? undefined : "3 2"}
                  />
                  <text
                    x={x + CELL_W / 2}
                    y={y + CELL_H / 2 + 4}
                    textAnchor="middle"
                    fontSize="10"
                    fill={step ? step.text : "#44403c"}
                  >
                    {v === null ? "" : text}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </ChartSvg>
      <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-800">
        <span className="font-medium">{props.legendLabel}</span>
        {SCALE.map((step, i) => (
          <span key={step.from} className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-4 w-6 rounded-sm ring-1 ring-stone-400"
              style={{ backgroundColor: step.fill }}
            />
            {format(step.from)}
            {i < SCALE.length - 1 ? `–${format(SCALE[i + 1]!.from)}` : "+"}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-dashed border-stone-500" />
          {empty}
        </span>
      </figcaption>
    </figure>
  );
}

/** The heatmap's numbers as a table: one row per row, one column per column. */
export function HeatmapTable(
  props: Pick<HeatmapProps, "title" | "rows" | "columns" | "value" | "format" | "empty" | "corner">,
) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">{props.title}</caption>
      <thead>
        <tr>
          <th scope="col" className={thClass}>
            {props.corner}
          </th>
          {props.columns.map((column) => (
            <th key={column.key} scope="col" className={thClass}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={thClass}>
              {row.label}
            </th>
            {props.columns.map((column) => {
              const v = props.value(row.key, column.key);
              return (
                <td key={column.key} className={tdClass}>
                  {v === null ? props.empty : props.format(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
