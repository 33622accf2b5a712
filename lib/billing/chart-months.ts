import type { ResourceKind } from "@/db/schema/resource-constants";
import { kindStyles } from "@/lib/inventory/kind-styles";
import { describeBasis } from "./estimate-basis";
import type { FxRateUsed } from "./fx-table";
import { type MonthRow, marginPct, missingPairsOf } from "./group-margin";
import { differencePct } from "./margin-items";
import { formatMonth } from "@/lib/time/format-month";

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
  /** A month without an invoice: what its to-date figures are ("estimate from the 14:07 snapshot of 1 Dec (UTC), …"). */
  basisLabel: string | null;
  /** Set when the month has no COGS figure at all: no invoice and no balance snapshot. */
  isCogsUnknown: boolean;
  /** The whole month's revenue against the to-date COGS extrapolated to the month's end (estimate months). */
  projection: { revenue: number | null; cogs: number | null; margin: number | null; marginPct: number | null } | null;
  /** Tagged COGS of tenants nobody bills (null before the invoice, or without the rate). */
  unbilledCogs: number | null;
  unbilledTenants: number;
  /** An invoiced month that had snapshots: its last estimate against the invoice. */
  reconciliation: { estimatedCogs: number; invoiceCogs: number; difference: number; differencePct: number | null; basisLabel: string } | null;
}

export function toChartMonths(rows: MonthRow[]): ChartMonth[] {
  return rows.map((r) => {
    const hasRevenue = r.revenueMissing.length === 0;
    const hasRate = r.cogsMissing.length === 0;
    const hasCogs = hasRate && r.cogsUnknown === null;
    const missingPairs = missingPairsOf(r);
    const p = r.projection;
    const projectedCogs = p && hasRate ? p.cogs : null;
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
      basisLabel: r.basis ? describeBasis(r.basis) : null,
      isCogsUnknown: r.cogsUnknown !== null,
      projection: p
        ? {
            revenue: hasRevenue ? p.revenue : null,
            cogs: projectedCogs,
            margin: hasRevenue && projectedCogs !== null ? p.revenue - projectedCogs : null,
            marginPct: hasRevenue && projectedCogs !== null ? marginPct(p.revenue, projectedCogs) : null,
          }
        : null,
      unbilledCogs: hasRate ? r.unbilledCogs : null,
      unbilledTenants: r.unbilledTenants,
      reconciliation:
        r.reconciliation && hasRate
          ? {
              estimatedCogs: r.reconciliation.projectedCogs,
              invoiceCogs: r.reconciliation.invoiceCogs,
              difference: r.reconciliation.projectedCogs - r.reconciliation.invoiceCogs,
              differencePct: differencePct(r.reconciliation.projectedCogs, r.reconciliation.invoiceCogs),
              basisLabel: describeBasis(r.reconciliation.basis),
            }
          : null,
    };
  });
}

/** "Apr 2026" */
export function monthName(period: string): string {
  return formatMonth(period);
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
