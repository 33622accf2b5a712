import { roundDiv } from "@/lib/money/round-div";

/**
 * The anomaly rule, one pure function so the explorer, the invoices view and notifications (`cost.anomaly`) judge
 * alike: a group's month is an anomaly when it is more than `minPct` % and more than `minCents` above the median of
 * the group's three calendar months before it. A month with no cost data at all (no invoice lines) is no history,
 * and with fewer than three such months nothing is judged; a group absent from a month that has lines counts as 0.
 * A zero (or negative, credits) median has no meaningful percentage, so there the amount threshold alone decides.
 */
export const anomalyWindowMonths = 3;

export interface CostAnomalyThresholds {
  /** Percent above the median, e.g. 50. */
  minPct: number;
  /** Cents above the median in the amount's currency, e.g. 10,000 (US$100.00). */
  minCents: number;
}

export interface CostAnomalyVerdict {
  isAnomaly: boolean;
  /** Median of the trailing months; null without three months of history. */
  baselineCents: number | null;
  increaseCents: number | null;
  /** Percent above (below, when negative) the median, two decimals; null without a positive median. */
  increasePct: number | null;
}

/** The middle value, or the mean of the middle two rounded half away from zero (as money is). */
export function medianCents(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[mid]!;
  return Number(roundDiv(BigInt(sorted[mid - 1]!) + BigInt(sorted[mid]!), 2n));
}

/**
 * `priorCents`: the group's amounts in the three calendar months before, oldest first, null for a month without
 * any cost data (0 for a month with lines, none of them this group's).
 */
export function detectCostAnomaly(amountCents: number, priorCents: readonly (number | null)[], t: CostAnomalyThresholds): CostAnomalyVerdict {
  const history = priorCents.slice(-anomalyWindowMonths);
  if (history.length < anomalyWindowMonths || history.some((c) => c === null)) {
    return { isAnomaly: false, baselineCents: null, increaseCents: null, increasePct: null };
  }
  const baselineCents = medianCents(history as number[]);
  const increaseCents = amountCents - baselineCents;
  const increasePct = baselineCents > 0 ? Number(roundDiv(BigInt(increaseCents) * 10_000n, BigInt(baselineCents))) / 100 : null;
  // Compared on integers: increase / baseline > minPct / 100, without a float.
  const isAbovePct = baselineCents <= 0 || increaseCents * 100 > baselineCents * t.minPct;
  return { isAnomaly: increaseCents > t.minCents && isAbovePct, baselineCents, increaseCents, increasePct };
}

/** The thresholds as the environment sets them (COST_ANOMALY_MIN_PCT, COST_ANOMALY_MIN_USD). */
export function anomalyThresholdsOf(e: { COST_ANOMALY_MIN_PCT: number; COST_ANOMALY_MIN_USD: number }): CostAnomalyThresholds {
  return { minPct: e.COST_ANOMALY_MIN_PCT, minCents: Math.round(e.COST_ANOMALY_MIN_USD * 100) };
}
