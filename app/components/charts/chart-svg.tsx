import type { ReactNode } from "react";

/**
 * The SVG every chart draws in: an image named by its title and description for screen
 * readers, scaled to its box and never drawn much larger than its own size.
 */
export function ChartSvg({
  kind,
  title,
  description,
  width,
  height,
  maxWidth,
  className = "h-auto w-full",
  children,
}: {
  /** Prefix of the element ids ("bar", "heatmap"). */
  kind: string;
  title: string;
  description: string;
  width: number;
  height: number;
  maxWidth: number;
  className?: string;
  children: ReactNode;
}) {
  const id = `${kind}-${title.replace(/[^a-zA-Z0-9]/g, "").slice(0, 24) || "chart"}`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className={className}
      style={{ maxWidth: `${maxWidth}px` }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}
