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

/** The order and colours of COGS kinds, shared by the chart and its table. */
export const cogsKindStyles: { kind: string; label: string; color: string }[] = [
  { kind: "droplet", label: "Droplets", color: "#0369a1" },
  { kind: "volume", label: "Volumes", color: "#0d9488" },
  { kind: "snapshot", label: "Snapshots", color: "#7c3aed" },
  { kind: "kubernetes_cluster", label: "Kubernetes", color: "#65a30d" },
  { kind: "load_balancer", label: "Load balancers", color: "#db2777" },
  { kind: "database", label: "Databases", color: "#ea580c" },
  { kind: "reserved_ip", label: "Reserved IPs", color: "#ca8a04" },
  { kind: "app", label: "Apps", color: "#4f46e5" },
  { kind: "domain", label: "Domains", color: "#0891b2" },
  { kind: "other", label: "Other", color: "#64748b" },
  { kind: "credit", label: "Credits", color: "#cbd5e1" },
  { kind: "estimate", label: "Month-to-date estimate", color: "#0369a1" },
];
