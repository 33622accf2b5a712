import { listPeriods } from "@/lib/billing/month";
import { kindStyles } from "@/lib/inventory/kind-styles";
import { roundDiv } from "@/lib/money/round-div";
import type { CostGroupRow, CostGroupsResult } from "./aggregate-costs";

// The grouped view's table and chart, shaped from the aggregate rows (pure, so the page and tests share it).

export type PivotCell = Pick<CostGroupRow, "amountCents" | "previousCents" | "changePct" | "sharePct" | "baselineCents" | "isAnomaly">;

export interface PivotGroup {
  key: string;
  group: string | null;
  groupLabel: string;
  group2: string | null;
  group2Label: string | null;
  currency: string;
  totalCents: number;
  /** Percent of the range's total in the currency, two decimals; null when that is 0. */
  sharePct: number | null;
  /** By period; a month without the group's lines has no cell. */
  cells: Record<string, PivotCell>;
  anomalyMonths: string[];
}

export interface CostGroupPivot {
  months: string[];
  /** Largest total first (then by name), so the first page shows what costs most. */
  groups: PivotGroup[];
  totals: { currency: string; totalCents: number; byMonth: Record<string, number> }[];
  anomalyCount: number;
}

const pct = (part: number, whole: number) => (whole ? Number(roundDiv(BigInt(part) * 10_000n, BigInt(whole))) / 100 : null);

export function pivotCostGroups(result: CostGroupsResult): CostGroupPivot {
  const groups = new Map<string, PivotGroup>();
  for (const r of result.rows) {
    const key = JSON.stringify([r.group, r.group2, r.currency]);
    let g = groups.get(key);
    if (!g) {
      g = { key, group: r.group, groupLabel: r.groupLabel, group2: r.group2, group2Label: r.group2Label, currency: r.currency, totalCents: 0, sharePct: null, cells: {}, anomalyMonths: [] };
      groups.set(key, g);
    }
    g.totalCents += r.amountCents;
    const { amountCents, previousCents, changePct, sharePct, baselineCents, isAnomaly } = r;
    g.cells[r.period] = { amountCents, previousCents, changePct, sharePct, baselineCents, isAnomaly };
    if (isAnomaly) g.anomalyMonths.push(r.period);
  }
  const totals = new Map<string, { currency: string; totalCents: number; byMonth: Record<string, number> }>();
  for (const t of result.totals) {
    const sum = totals.get(t.currency) ?? { currency: t.currency, totalCents: 0, byMonth: {} };
    sum.totalCents += t.amountCents;
    sum.byMonth[t.period] = t.amountCents;
    totals.set(t.currency, sum);
  }
  const sorted = [...groups.values()].sort((a, b) => b.totalCents - a.totalCents || a.groupLabel.localeCompare(b.groupLabel) || (a.group2Label ?? "").localeCompare(b.group2Label ?? ""));
  for (const g of sorted) g.sharePct = pct(g.totalCents, totals.get(g.currency)?.totalCents ?? 0);
  return {
    months: listPeriods(result.from, result.to),
    groups: sorted,
    totals: [...totals.values()].sort((a, b) => b.totalCents - a.totalCents),
    anomalyCount: sorted.reduce((n, g) => n + g.anomalyMonths.length, 0),
  };
}

export interface CostChartSeries {
  /** The chart's data key: `g0`… for groups, `other` for the rest. */
  key: string;
  label: string;
  color: string;
  isOther: boolean;
  /** The group drawn (null for Other). */
  group: PivotGroup | null;
}

export interface CostChart {
  currency: string;
  series: CostChartSeries[];
  months: { period: string; values: Record<string, number> }[];
}

const palette = ["#0369a1", "#0d9488", "#7c3aed", "#db2777", "#ea580c", "#65a30d", "#ca8a04", "#4f46e5", "#0891b2", "#be123c"];

/**
 * The stacked bars: the `topN` largest groups of the main currency (the one with the largest total) each month, the
 * rest summed as Other. Kinds keep the colors every page gives them.
 */
export function toCostChart(pivot: CostGroupPivot, topN: number, opts: { isKind?: boolean } = {}): CostChart {
  const currency = pivot.totals[0]?.currency ?? "USD";
  const groups = pivot.groups.filter((g) => g.currency === currency);
  const top = groups.slice(0, topN);
  const rest = groups.slice(topN);
  const kindColor = (g: PivotGroup) => (opts.isKind && !g.group2Label && kindStyles[g.group as keyof typeof kindStyles]?.color) || null;
  // The palette is the kinds' colors: a group without one (tax, other, a project) takes one no drawn kind has.
  const taken = new Set(top.map(kindColor));
  const spare = palette.filter((c) => !taken.has(c));
  let nextSpare = 0;
  const series: CostChartSeries[] = top.map((g, i) => ({
    key: `g${i}`,
    label: g.group2Label ? `${g.groupLabel} · ${g.group2Label}` : g.groupLabel,
    color: kindColor(g) ?? spare[nextSpare++ % spare.length] ?? palette[i % palette.length]!,
    isOther: false,
    group: g,
  }));
  if (rest.length) series.push({ key: "other", label: `Other (${rest.length} groups)`, color: "#94a3b8", isOther: true, group: null });
  return {
    currency,
    series,
    months: pivot.months.map((period) => {
      const values: Record<string, number> = Object.fromEntries(top.map((g, i) => [`g${i}`, g.cells[period]?.amountCents ?? 0]));
      if (rest.length) values.other = rest.reduce((sum, g) => sum + (g.cells[period]?.amountCents ?? 0), 0);
      return { period, values };
    }),
  };
}
