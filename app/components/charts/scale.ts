// The colour scale every chart shares: five steps of one hue, dark enough at the top for white
// text and light enough at the bottom for dark text (contrast 4.5:1 or more either way).

export interface ScaleStep {
  /** Lower bound of the step, a share in [0, 1]. */
  from: number;
  fill: string;
  text: string;
}

export const SCALE: readonly ScaleStep[] = [
  { from: 0, fill: "#e7f5f3", text: "#1c1917" },
  { from: 0.2, fill: "#9fd8cf", text: "#1c1917" },
  { from: 0.4, fill: "#3fa796", text: "#1c1917" },
  { from: 0.6, fill: "#0f6b5c", text: "#ffffff" },
  { from: 0.8, fill: "#053b33", text: "#ffffff" },
];

/** The step a share falls in; null (nothing to measure) has no step. */
export function stepOf(value: number): ScaleStep {
  let step = SCALE[0]!;
  for (const candidate of SCALE) if (value >= candidate.from) step = candidate;
  return step;
}

/** The bar colour of bar and column charts: the scale's darkest but one, 7:1 on white. */
export const BAR_FILL = "#0f6b5c";
