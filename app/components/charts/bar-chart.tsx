import { ChartSvg } from "./chart-svg";
import { BAR_FILL } from "./scale";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** How the value reads beside its bar. */
  display: string;
}

interface ChartProps {
  title: string;
  description: string;
  items: readonly BarItem[];
  /** The value a full bar stands for; the largest value when absent. */
  max?: number;
}

/** Horizontal bars, one per item, labelled and valued in the SVG and titled for screen readers. */
export function BarChart({ title, description, items, max }: ChartProps) {
  const top = Math.max(max ?? 0, ...items.map((item) => item.value), 0) || 1;
  const LABEL = 170;
  const BAR = 220;
  const ROW = 26;
  const width = LABEL + BAR + 80;
  const height = Math.max(1, items.length) * ROW + 8;
  return (
    <ChartSvg kind="bar" title={title} description={description} width={width} height={height} maxWidth={width * 1.3}>
      {items.map((item, i) => {
        const y = 4 + i * ROW;
        const w = Math.max(0, (item.value / top) * BAR);
        return (
          <g key={item.key}>
            <title>{`${item.label}: ${item.display}`}</title>
            <text x={LABEL - 6} y={y + ROW / 2 + 3} textAnchor="end" fontSize="11" fill="#292524">
              {item.label.length > 28 ? `${item.label.slice(0, 27)}…` : item.label}
            </text>
            <rect x={LABEL} y={y + 4} width={BAR} height={ROW - 10} fill="#f5f5f4" />
            <rect x={LABEL} y={y + 4} width={w} height={ROW - 10} fill={BAR_FILL} />
            <text x={LABEL + BAR + 6} y={y + ROW / 2 + 3} fontSize="11" fill="#292524">
              {item.display}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/** Vertical columns in time order (a trend), labelled under each column and valued above it. */
export function ColumnChart({ title, description, items, max }: ChartProps) {
  const top = Math.max(max ?? 0, ...items.map((item) => item.value), 0) || 1;
  const COL = 44;
  const HEIGHT = 160;
  const BASE = HEIGHT + 20;
  const width = Math.max(1, items.length) * COL + 16;
  const height = BASE + 24;
  return (
    <ChartSvg
      kind="columns"
      title={title}
      description={description}
      width={width}
      height={height}
      maxWidth={Math.max(width, 240) * 1.3}
    >
      <line x1="8" x2={width - 8} y1={BASE} y2={BASE} stroke="#57534e" />
      {items.map((item, i) => {
        const h = Math.max(0, (item.value / top) * HEIGHT);
        const x = 8 + i * COL;
        return (
          <g key={item.key}>
            <title>{`${item.label}: ${item.display}`}</title>
            <rect x={x + 6} y={BASE - h} width={COL - 12} height={h} fill={BAR_FILL} />
            <text x={x + COL / 2} y={BASE - h - 4} textAnchor="middle" fontSize="10" fill="#292524">
              {item.display}
            </text>
            <text x={x + COL / 2} y={BASE + 16} textAnchor="middle" fontSize="10" fill="#292524">
              {item.label}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
