import type { ResourceKind } from "@/db/schema/resource-constants";
import { kindStyles } from "@/lib/inventory/kind-styles";
import type { FxRateUsed } from "./fx-table";
import { type MonthRow, marginPct, missingPairsOf } from "./group-margin";

/** One month of the COGS vs revenue chart, as plain data for the client component (cents in the reporting currency). */
export interface ChartMonth {
  period: string;
  revenue: number | null;
  cogs: number | null;
  margin: number | null;
  marginPct: number | null;
  isEstimate: boolean;
  fxMissing: boolean;
  hasCogs: boolean;
  /** Every pair without a rate; revenue is null only when it needed one of them, COGS and margin whenever COGS did. */
  missingPairs: string[];
  byKind: Record<string, number>;
  /** The rates the month converted with. */
  ratesUsed: FxRateUsed[];
}

export function toChartMonths(rows: MonthRow[]): ChartMonth[] {
  return rows.map((r) => {
    const hasRevenue = r.revenueMissing.length === 0;
    const hasCogs = r.cogsMissing.length === 0;
    const missingPairs = missingPairsOf(r);
    return {
      period: r.period,
      revenue: hasRevenue ? r.revenue : null,
      cogs: hasCogs ? r.cogs : null,
      margin: hasRevenue && hasCogs ? r.revenue - r.cogs : null,
      marginPct: hasRevenue && hasCogs ? marginPct(r.revenue, r.cogs) : null,
      isEstimate: r.isEstimate,
      fxMissing: missingPairs.length > 0,
      hasCogs: r.hasCogs,
      missingPairs,
      byKind: hasCogs ? Object.fromEntries(r.cogsByKind) : {},
      ratesUsed: r.ratesUsed,
    };
  });
}

/** "Apr 2026" */
export function monthName(period: string): string {
  return new Date(`${period.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString("en-AU", { month: "short", year: "numeric", timeZone: "UTC" });
}

/** The COGS chart's resource kinds, in the order it stacks them; their labels and colors are every page's. */
const cogsResourceKinds: ResourceKind[] = ["droplet", "volume", "snapshot", "kubernetes_cluster", "load_balancer", "database", "reserved_ip", "app", "domain", "spaces_bucket"];

/** The order and colors of COGS kinds, shared by the chart and its table: the resource kinds, then lines that are none. */
export const cogsKindStyles: { kind: string; label: string; color: string }[] = [
  ...cogsResourceKinds.map((kind) => ({ kind, ...kindStyles[kind] })),
  { kind: "other", label: "Other", color: "#64748b" },
  { kind: "credit", label: "Credits", color: "#cbd5e1" },
  { kind: "estimate", label: "Month-to-date estimate", color: "#0369a1" },
];
