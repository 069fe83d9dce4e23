// Figures the benchmark scripts print: nearest-rank quantiles of timed samples.

/** The q-quantile (0–1) of samples sorted ascending, by nearest rank; NaN when there are none. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
