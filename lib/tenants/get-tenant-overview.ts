import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import type { CogsUnknownReason, UnbilledReason } from "@/lib/billing/build-margin-periods";
import { getMarginReport, marginTenants } from "@/lib/billing/get-margin-report";
import { addMonths, currentPeriod } from "@/lib/billing/month";
import { toTenantMarginRows } from "@/lib/billing/tenant-margin-rows";
import { countResources, listResources } from "@/lib/inventory/list-resources";
import type { ResourceItem } from "@/lib/inventory/schemas";
import { meteredKinds } from "@/lib/billing/resource-usage";
import { loadTenantHistory, type TenantHistoryEvent, type TenantSubscriptionItem } from "./load-tenant-history";
import { loadTenantUsage, type TenantUsageLine } from "./load-tenant-usage";

export type { TenantHistoryEvent, TenantSubscriptionItem, TenantUsageLine };

/** One month of the tenant's margin, as the margin table by tenant shows it (cents; null where a figure is unknown). */
export interface TenantMonthFigures {
  period: string;
  revenue: number | null;
  cogs: number | null;
  margin: number | null;
  marginPct: number | null;
  /** COGS per kind of what its resources cost (`other`, `credit` too); null when COGS is unknown. */
  cogsByKind: Record<string, number> | null;
  isEstimate: boolean;
  isBilled: boolean;
  cogsUnknown: CogsUnknownReason | null;
  fxMissing: boolean;
}

/** Why a resource earns nothing: nobody bills its tenant, or its tenant's plan does not cover what it is metered in. */
export type ResourceBillingFlag = UnbilledReason | "not_in_plan";

export interface TenantOverview {
  id: string;
  /** Null when arcadia-app never sent the tenant (only a resource tag or usage names it). */
  name: string | null;
  isKnown: boolean;
  currency: string;
  /** The subscription in force now, on the version in force now. */
  current: TenantSubscriptionItem | null;
  subscriptions: TenantSubscriptionItem[];
  history: TenantHistoryEvent[];
  usagePeriod: string;
  usage: TenantUsageLine[];
  /** The last twelve months, oldest first, ending with this one. */
  months: TenantMonthFigures[];
  /** This month's billing: whether a billed subscription is in force, else why not. */
  billing: { isBilled: boolean; reason: UnbilledReason | null };
  resources: { items: ResourceItem[]; total: number; unbilled: Record<string, ResourceBillingFlag> };
}

/** The resources the page lists; the card says when there are more and links to the inventory. */
export const tenantResourceLimit = 200;

/**
 * Everything the tenant page shows, from the functions the margin pages use: the margin report (twelve months,
 * narrowed to this tenant) for COGS and margin, the revenue rules for this month's usage against its allowances,
 * the inventory (resources tagged `<prefix><id>`), and its subscriptions' history. Null when nothing names the tenant.
 */
export async function getTenantOverview(db: DbOrTx, id: string, opts: { currency: string; tagPrefix: string; now?: Date }): Promise<TenantOverview | null> {
  const now = opts.now ?? new Date();
  const to = currentPeriod(now);
  const tag = `${opts.tagPrefix}${id}`;
  const [known] = rowsOf<{ name: string | null; has_resources: boolean; has_usage: boolean }>(
    await db.execute(sql`
      select (select name from tenants where id = ${id}) as name,
             exists (select 1 from cloud_resources where tags @> array[${tag}]::text[]) as has_resources,
             exists (select 1 from usage_records where tenant_id = ${id}) as has_usage`),
  );
  if (!known || (known.name === null && !known.has_resources && !known.has_usage)) return null;
  const isKnown = known.name !== null;

  const resourceQuery = { tag, sort: "kind" as const, dir: "asc" as const, limit: tenantResourceLimit, offset: 0 };
  const [report, { subscriptions, current, history }, usage, resources, resourceTotal] = await Promise.all([
    getMarginReport(db, { from: addMonths(to, -11), to, allocateShared: false, currency: opts.currency, tagPrefix: opts.tagPrefix, now }),
    loadTenantHistory(db, id, now),
    loadTenantUsage(db, id, to, now),
    listResources(db, resourceQuery),
    countResources(db, resourceQuery),
  ]);

  const months = report.periods.map((p): TenantMonthFigures => {
    const month = { ...report, periods: [p] };
    const row = toTenantMarginRows(month).find((r) => r.tenantId === id);
    const figures = marginTenants(month).find((r) => r.tenantId === id);
    // A month the tenant had nothing in: zero, unless the month's COGS is not known for anyone.
    const isCogsKnown = row ? row.cogs !== null : !p.cogsUnknown && !p.tenantCogsUnknown && p.cogsMissing.length === 0;
    return {
      period: p.period,
      revenue: row ? row.revenue : 0,
      cogs: row ? row.cogs : isCogsKnown ? 0 : null,
      margin: row ? row.margin : isCogsKnown ? 0 : null,
      marginPct: row?.marginPct ?? null,
      cogsByKind: isCogsKnown ? Object.fromEntries(figures?.cogsByKind ?? []) : null,
      isEstimate: p.isEstimate,
      isBilled: row?.isBilled ?? false,
      cogsUnknown: row ? row.cogsUnknown : (p.cogsUnknown ?? p.tenantCogsUnknown),
      fxMissing: row?.fxMissing ?? false,
    };
  });

  const thisMonth = report.periods.at(-1)?.tenants.get(id);
  const billing = thisMonth
    ? { isBilled: thisMonth.isBilled, reason: thisMonth.isBilled ? null : thisMonth.unbilledReason }
    : usage.isBilled
      ? { isBilled: true, reason: null }
      : { isBilled: false, reason: !isKnown ? ("unknown_tenant" as const) : usage.hasSubscription ? ("trial" as const) : ("no_subscription" as const) };

  const covered = new Set<CatalogResourceKind>(usage.lines.filter((l) => l.isCovered).map((l) => l.resourceKind));
  const unbilled: Record<string, ResourceBillingFlag> = {};
  for (const r of resources.data) {
    if (r.deleted_at) continue;
    const metered = meteredKinds[r.kind]?.kind;
    if (!billing.isBilled) unbilled[r.id] = billing.reason ?? "no_subscription";
    // Kinds the meter does not measure (clusters, apps) are billed through their droplets and parts.
    else if (metered && !covered.has(metered)) unbilled[r.id] = "not_in_plan";
  }

  return {
    id,
    name: known.name,
    isKnown,
    currency: opts.currency,
    current,
    subscriptions,
    history,
    usagePeriod: to,
    usage: usage.lines,
    months,
    billing,
    resources: { items: resources.data, total: resourceTotal, unbilled },
  };
}
