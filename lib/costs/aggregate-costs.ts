import "server-only";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { addMonths, listPeriods } from "@/lib/billing/month";
import { roundDiv } from "@/lib/money/round-div";
import { type CostDimension, costGroupLabel } from "./cost-dimensions";
import { costGroupsSql } from "./cost-groups-sql";
import { anomalyWindowMonths, type CostAnomalyThresholds, detectCostAnomaly } from "./detect-cost-anomaly";

export interface AggregateCostsInput {
  /** First and last month of the range, `YYYY-MM-01`, inclusive. */
  from: string;
  to: string;
  groupBy: CostDimension;
  groupBy2?: CostDimension;
  tagPrefix: string;
  thresholds: CostAnomalyThresholds;
}

/** One group's (or pair of groups') cost in one month and currency. */
export interface CostGroupRow {
  /** The dimension's value: a kind, project, tenant id, resource id, product or category; null when the lines have none. */
  group: string | null;
  groupLabel: string;
  group2: string | null;
  group2Label: string | null;
  period: string;
  currency: string;
  amountCents: number;
  /** The month before; 0 when it had lines but none of this group's, null when it had no cost lines at all. */
  previousCents: number | null;
  /** Percent change on the month before (two decimals); null when that was 0 or had no cost data. */
  changePct: number | null;
  /** Percent of the month's total in the currency (two decimals); null when that total is 0. */
  sharePct: number | null;
  /** Median of the three months before, what the anomaly rule compares with. */
  baselineCents: number | null;
  isAnomaly: boolean;
}

export interface CostGroupsResult {
  from: string;
  to: string;
  groupBy: CostDimension;
  groupBy2: CostDimension | undefined;
  rows: CostGroupRow[];
  /** Every month of the range with its total per currency (months without lines have none). */
  totals: { period: string; currency: string; amountCents: number }[];
}

export type CostGroupsSqlRow = { period: string; currency: string; g1: string | null; n1: string | null; g2: string | null; n2: string | null; cents: string | number };

const pct = (part: number, whole: number) => Number(roundDiv(BigInt(part) * 10_000n, BigInt(whole))) / 100;

/**
 * Costs of the range grouped by one or two dimensions, per month and currency, with each group's share of its
 * month, change on the month before and anomaly verdict. The lines are summed in one SQL statement reaching back
 * three months before the range (the anomaly rule's history); what happens here is per group and month only.
 */
export async function aggregateCosts(db: DbOrTx, q: AggregateCostsInput): Promise<CostGroupsResult> {
  const raw = rowsOf<CostGroupsSqlRow>(await db.execute(costGroupsSql({ ...q, from: addMonths(q.from, -anomalyWindowMonths) })));
  return summarizeCostGroups(raw, q);
}

/**
 * The groups of `raw` (costGroupsSql's rows, reaching back the anomaly rule's three months before `q.from`, in its
 * order) with their shares, changes on the month before and anomaly verdicts; rows before the range only give history.
 */
export function summarizeCostGroups(raw: readonly CostGroupsSqlRow[], q: Omit<AggregateCostsInput, "tagPrefix">): CostGroupsResult {
  // A month with any line has cost data: a group absent from it cost 0 there, rather than being unknown.
  const monthsWithData = new Set(raw.map((r) => r.period));
  const totals = new Map<string, number>();
  const series = new Map<string, Map<string, number>>();
  for (const r of raw) {
    const cents = Number(r.cents);
    totals.set(`${r.period}|${r.currency}`, (totals.get(`${r.period}|${r.currency}`) ?? 0) + cents);
    const key = JSON.stringify([r.g1, r.g2, r.currency]);
    const months = series.get(key) ?? new Map<string, number>();
    series.set(key, months.set(r.period, cents));
  }
  const amountIn = (months: Map<string, number>, period: string) => (monthsWithData.has(period) ? (months.get(period) ?? 0) : null);

  const rows: CostGroupRow[] = [];
  for (const r of raw) {
    if (r.period < q.from) continue;
    const months = series.get(JSON.stringify([r.g1, r.g2, r.currency]))!;
    const amountCents = Number(r.cents);
    const previousCents = amountIn(months, addMonths(r.period, -1));
    const prior = Array.from({ length: anomalyWindowMonths }, (_, i) => amountIn(months, addMonths(r.period, i - anomalyWindowMonths)));
    const verdict = detectCostAnomaly(amountCents, prior, q.thresholds);
    const total = totals.get(`${r.period}|${r.currency}`)!;
    rows.push({
      group: r.g1,
      groupLabel: costGroupLabel(q.groupBy, r.g1, r.n1),
      group2: q.groupBy2 ? r.g2 : null,
      group2Label: q.groupBy2 ? costGroupLabel(q.groupBy2, r.g2, r.n2) : null,
      period: r.period,
      currency: r.currency,
      amountCents,
      previousCents,
      changePct: previousCents ? pct(amountCents - previousCents, Math.abs(previousCents)) : null,
      sharePct: total ? pct(amountCents, total) : null,
      baselineCents: verdict.baselineCents,
      isAnomaly: verdict.isAnomaly,
    });
  }
  const inRange = new Set(listPeriods(q.from, q.to));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    groupBy2: q.groupBy2,
    rows,
    totals: [...totals]
      .map(([key, amountCents]) => {
        const [period, currency] = key.split("|") as [string, string];
        return { period, currency, amountCents };
      })
      .filter((t) => inRange.has(t.period)),
  };
}
