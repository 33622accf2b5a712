import "server-only";
import type { DbOrTx } from "@/db";
import { ApiError } from "@/lib/http/errors";
import { buildMarginPeriods, type PeriodFigures } from "./build-margin-periods";
import { loadFxTable } from "./fx-rates";
import { groupByMonth, groupByPlan, groupByTenant, monthItem, type MonthRow, type PlanRow, type TenantRow, toMoneyItem } from "./group-margin";
import { loadCogs } from "./load-cogs";
import { loadRevenueInputs } from "./load-revenue-inputs";
import { addMonths, currentPeriod, listPeriods } from "./month";
import type { MarginGrouping, MarginItem } from "./schemas";

export const maxMarginMonths = 36;

export interface MarginRange {
  from: string;
  to: string;
}

/** The range a query asks for: `to` defaults to this month, `from` to a year back for the chart, else to `to`. */
export function resolveMarginRange(q: { from?: string; to?: string; group_by: MarginGrouping }, now = new Date()): MarginRange {
  const to = q.to ?? (q.from && q.from > currentPeriod(now) ? q.from : currentPeriod(now));
  const from = q.from ?? (q.group_by === "month" ? addMonths(to, -11) : to);
  if (from > to) throw new ApiError("invalid_request", "from must not be after to", [{ path: "from", code: "custom", message: "after to" }]);
  if (listPeriods(from, to).length > maxMarginMonths) {
    throw new ApiError("invalid_request", `At most ${maxMarginMonths} months at a time`, [{ path: "from", code: "custom", message: "range too long" }]);
  }
  return { from, to };
}

export interface MarginReport extends MarginRange {
  currency: string;
  allocateShared: boolean;
  periods: PeriodFigures[];
  tenantNames: Map<string, string>;
}

/**
 * Revenue against COGS for every month of the range, in the reporting currency, from a fixed number of set-based
 * queries (subscriptions, versions, add-ons, usage, tenants, cost-line aggregates, snapshots, rates) whatever the
 * number of tenants; the joining and grouping happens in memory on aggregates.
 */
export async function getMarginReport(
  db: DbOrTx,
  opts: MarginRange & { allocateShared: boolean; currency: string; tagPrefix: string },
): Promise<MarginReport> {
  const [revenue, cogs, fx] = await Promise.all([
    loadRevenueInputs(db, opts.from, opts.to),
    loadCogs(db, opts.from, opts.to, opts.tagPrefix),
    loadFxTable(db),
  ]);
  const periods = buildMarginPeriods({
    periods: listPeriods(opts.from, opts.to),
    revenue,
    cogs,
    fx,
    currency: opts.currency,
    allocateShared: opts.allocateShared,
  });
  return { from: opts.from, to: opts.to, currency: opts.currency, allocateShared: opts.allocateShared, periods, tenantNames: revenue.tenantNames };
}

export function marginMonths(report: MarginReport): MonthRow[] {
  return groupByMonth(report.periods);
}

export function marginTenants(report: MarginReport): TenantRow[] {
  return groupByTenant(report.periods);
}

export function marginPlans(report: MarginReport): PlanRow[] {
  return groupByPlan(report.periods);
}

/** The API's items for a grouping. */
export function toMarginItems(report: MarginReport, groupBy: MarginGrouping): MarginItem[] {
  const c = report.currency;
  if (groupBy === "month") return marginMonths(report).map((r) => monthItem(r, c));
  if (groupBy === "tenant") {
    return marginTenants(report).map((r) => ({
      tenant_id: r.tenantId,
      tenant_name: r.tenantId ? (report.tenantNames.get(r.tenantId) ?? null) : null,
      plan_code: r.planCode,
      ...toMoneyItem(r, c),
      // What was used: allowances nobody touched would double the response for nothing.
      usage: r.usage.filter((u) => u.used > 0).map((u) => ({ resource_kind: u.resourceKind, used: u.used, included: u.included })),
    }));
  }
  return marginPlans(report).map((r) => ({ plan_code: r.planCode, subscribers: r.subscribers, ...toMoneyItem(r, c) }));
}
