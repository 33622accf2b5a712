import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { ApiError } from "@/lib/http/errors";
import { buildMarginPeriods, type PeriodFigures } from "./build-margin-periods";
import { loadFxTable } from "./fx-rates";
import { groupByMonth, groupByPlan, groupByTenant, type MonthRow, type PlanRow, type TenantRow } from "./group-margin";
import { type CogsData, loadCogs } from "./load-cogs";
import { monthItem, planItem, tenantItem, type UnbilledDetail } from "./margin-items";
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
  /** Per tag tenant, the resources whose invoice lines of the range are its. */
  resourcesByTenant: Map<string, number>;
  /** The tenants some month of the range did not bill, with since when. */
  unbilled: Map<string, UnbilledDetail>;
}

/**
 * Revenue against COGS for every month of the range, in the reporting currency, from a fixed number of set-based
 * queries (subscriptions, versions, add-ons, usage, tenants, cost-line aggregates, snapshots, rates, and one for the
 * unbilled tenants' history when there are any) whatever the number of tenants; the joining and grouping happens in
 * memory on aggregates. `now` decides how far into a month without an invoice its revenue has accrued. `cogs`: the range's
 * loadCogs already read in the same transaction (an ingest shares its month's with the budgets).
 */
export async function getMarginReport(
  db: DbOrTx,
  opts: MarginRange & { allocateShared: boolean; currency: string; tagPrefix: string; now?: Date; cogs?: CogsData },
): Promise<MarginReport> {
  const [revenue, cogs, fx] = await Promise.all([
    loadRevenueInputs(db, opts.from, opts.to),
    opts.cogs ?? loadCogs(db, opts.from, opts.to, opts.tagPrefix),
    loadFxTable(db),
  ]);
  const periods = buildMarginPeriods({
    periods: listPeriods(opts.from, opts.to),
    revenue,
    cogs,
    fx,
    currency: opts.currency,
    allocateShared: opts.allocateShared,
    knownTenants: new Set(revenue.tenantNames.keys()),
    now: opts.now,
  });
  const unbilledIds = [...new Set(periods.flatMap((p) => [...p.tenants.values()].filter((t) => !t.isBilled).map((t) => t.tenantId)))];
  return {
    from: opts.from,
    to: opts.to,
    currency: opts.currency,
    allocateShared: opts.allocateShared,
    periods,
    tenantNames: revenue.tenantNames,
    resourcesByTenant: cogs.resourcesByTenant,
    unbilled: await loadUnbilledSince(db, unbilledIds, opts.tagPrefix),
  };
}

/**
 * Since when each tenant's tagged resources run unbilled: the first time one of them existed (DO's creation date or
 * our first sight), or the end of its last billed subscription when that is later.
 */
async function loadUnbilledSince(db: DbOrTx, tenantIds: string[], prefix: string): Promise<Map<string, UnbilledDetail>> {
  const out = new Map<string, UnbilledDetail>(tenantIds.map((id) => [id, { since: null }]));
  if (!tenantIds.length) return out;
  const tags = JSON.stringify(tenantIds.map((id) => `${prefix}${id}`));
  const ids = JSON.stringify(tenantIds);
  const rows = rowsOf<{ tenant_id: string; at: string | Date | null }>(
    await db.execute(sql`
      with wanted as (select array(select jsonb_array_elements_text(${tags}::jsonb)) as tags)
      select substr(t.tag, length(${prefix}) + 1) as tenant_id, min(least(r.provider_created_at, r.first_seen_at)) as at
      from wanted w, cloud_resources r cross join unnest(r.tags) as t(tag)
      where r.tags && w.tags and t.tag = any(w.tags)
      group by 1
      union all
      select tenant_id, max(ended_at) from subscriptions
      where tenant_id in (select jsonb_array_elements_text(${ids}::jsonb)) and status in ('active', 'canceled') and ended_at is not null
      group by 1`),
  );
  for (const r of rows) {
    const d = out.get(r.tenant_id);
    if (!d || r.at === null) continue;
    const at = new Date(r.at);
    if (!d.since || at > d.since) d.since = at;
  }
  return out;
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
  if (groupBy === "tenant") return marginTenants(report).map((r) => tenantItem(r, c, report.tenantNames, report.resourcesByTenant, report.unbilled));
  return marginPlans(report).map((r) => planItem(r, c));
}
