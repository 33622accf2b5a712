import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { CogsUnknownReason, UnbilledReason } from "./build-margin-periods";
import { type MarginReport, marginTenants } from "./get-margin-report";
import { marginPct, missingPairsOf } from "./group-margin";
import type { BilledFilter, TenantSortField } from "./margin-page-query";
import { periodLabel } from "./month";

/** One row of the per-tenant table and its CSV export; cents in the reporting currency, null when a rate is missing. */
export interface TenantMarginRow {
  tenantId: string | null;
  name: string | null;
  planCode: string | null;
  revenue: number | null;
  cogs: number | null;
  shared: number | null;
  margin: number | null;
  marginPct: number | null;
  /** Some figure is null for want of an exchange rate. */
  fxMissing: boolean;
  /** Why COGS is null other than a rate. */
  cogsUnknown: CogsUnknownReason | null;
  /** False: its tagged usage is nobody's revenue (the shared row counts as billed). */
  isBilled: boolean;
  unbilledReason: UnbilledReason | null;
  /** ISO 8601; since when its tagged resources run unbilled. */
  unbilledSince: string | null;
  /** Resources whose invoice lines are its. */
  resources: number;
  usage: { resourceKind: CatalogResourceKind; isCovered: boolean; used: number; included: number }[];
}

export function toTenantMarginRows(report: MarginReport): TenantMarginRow[] {
  return marginTenants(report).map((r) => {
    const hasRevenue = r.revenueMissing.length === 0;
    const hasCogs = r.cogsMissing.length === 0 && r.cogsUnknown === null;
    return {
      tenantId: r.tenantId,
      name: r.tenantId ? (report.tenantNames.get(r.tenantId) ?? null) : null,
      planCode: r.planCode,
      revenue: hasRevenue ? r.revenue : null,
      cogs: hasCogs ? r.cogs : null,
      shared: hasCogs ? r.shared : null,
      margin: hasRevenue && hasCogs ? r.revenue - r.cogs : null,
      marginPct: hasRevenue && hasCogs ? marginPct(r.revenue, r.cogs) : null,
      fxMissing: missingPairsOf(r).length > 0,
      cogsUnknown: r.cogsUnknown,
      isBilled: r.isBilled,
      unbilledReason: r.isBilled ? null : r.unbilledReason,
      unbilledSince: r.isBilled || !r.tenantId ? null : (report.unbilled.get(r.tenantId)?.since?.toISOString() ?? null),
      resources: r.tenantId ? (report.resourcesByTenant.get(r.tenantId) ?? 0) : 0,
      // What was used; allowances nobody touched would only add noise.
      usage: r.usage.filter((u) => u.used > 0),
    };
  });
}

/** The rows a billed filter keeps: unbilled tenants alone (the leakage), or the billed ones with the shared rest. */
export function filterTenantRows(rows: TenantMarginRow[], billed: BilledFilter): TenantMarginRow[] {
  if (billed === "all") return rows;
  return rows.filter((r) => r.isBilled === (billed === "billed"));
}

const sortValue: Record<TenantSortField, (r: TenantMarginRow) => string | number | null> = {
  tenant: (r) => r.name ?? r.tenantId,
  plan: (r) => r.planCode,
  revenue: (r) => r.revenue,
  cogs: (r) => r.cogs,
  margin: (r) => r.margin,
  margin_pct: (r) => r.marginPct,
};

/** Sorted by a column, nulls last whichever the direction; the shared-cost row always closes the table. */
export function sortTenantRows(rows: TenantMarginRow[], field: TenantSortField, dir: "asc" | "desc"): TenantMarginRow[] {
  const get = sortValue[field];
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if ((a.tenantId === null) !== (b.tenantId === null)) return a.tenantId === null ? 1 : -1;
    const va = get(a);
    const vb = get(b);
    if (va === vb) return (a.tenantId ?? "").localeCompare(b.tenantId ?? "");
    if (va === null) return 1;
    if (vb === null) return -1;
    return (typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb))) * sign;
  });
}

const csvColumns = [
  "month",
  "tenant_id",
  "tenant_name",
  "plan_code",
  "revenue",
  "cogs",
  "shared_cogs",
  "margin",
  "margin_pct",
  "currency",
  "is_estimate",
  "fx_missing",
  "billed",
  "unbilled_since",
  "usage",
];

function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  // Tenant names are free text: a leading =, +, - or @ would run as a formula in a spreadsheet.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The per-tenant table as CSV, in the API's field names. */
export function tenantRowsCsv(report: MarginReport, rows: TenantMarginRow[]): string {
  const month = report.from === report.to ? periodLabel(report.from) : `${periodLabel(report.from)}..${periodLabel(report.to)}`;
  const estimate = report.periods.some((p) => p.isEstimate);
  const money = (c: number | null) => (c === null ? null : centsToDecimal(c));
  const lines = rows.map((r) =>
    [
      month,
      r.tenantId,
      r.name,
      r.planCode,
      money(r.revenue),
      money(r.cogs),
      money(r.shared),
      money(r.margin),
      r.marginPct,
      report.currency,
      estimate,
      r.fxMissing,
      r.isBilled,
      r.unbilledSince,
      r.usage.map((u) => `${u.resourceKind}=${u.used}/${u.included}`).join("; "),
    ]
      .map(csvField)
      .join(","),
  );
  return `${[csvColumns.join(","), ...lines].join("\r\n")}\r\n`;
}
