export interface BenchOutcome {
  /** Whether the issue's target was met; the figures themselves are printed by the bench. */
  ok: boolean;
}

export interface Bench {
  name: string;
  description: string;
  run(): Promise<BenchOutcome>;
}

/** Prints one figure as an aligned `label: value unit` line. */
export function figure(label: string, value: number | string, unit = ""): void {
  const v = typeof value === "number" ? (Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(2)) : value;
  console.log(`  ${label.padEnd(48)} ${v}${unit ? ` ${unit}` : ""}`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
