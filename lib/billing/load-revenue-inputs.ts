import "server-only";
import { and, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { addons, planItems, planVersions, plans, subscriptionAddons, subscriptionMigrations, subscriptionStatusChanges, subscriptions, tenants } from "@/db/schema";
import type { RevenueAddon, RevenueSubscription, RevenueVersion } from "./compute-month-revenue";
import { addMonths, monthStart } from "./month";

export interface RevenueInputs {
  subscriptions: RevenueSubscription[];
  versions: Map<string, RevenueVersion>;
  addons: Map<string, RevenueAddon>;
  /** period → tenant → kind → quantity */
  usage: Map<string, Map<string, Partial<Record<CatalogResourceKind, number>>>>;
  tenantNames: Map<string, string>;
}

/**
 * Everything revenue needs for the months `from`..`to`, in a fixed number of set-based queries whatever the number of
 * tenants: subscriptions overlapping the range with their migrations, status changes and add-ons, every published
 * version with its items, the add-ons, usage summed per month, tenant and kind, and tenant names. With `tenantIds`,
 * only those tenants' subscriptions, usage and names (one tenant's page, a provisioning request's entitlement check).
 */
export async function loadRevenueInputs(db: DbOrTx, from: string, to: string, opts: { tenantIds?: readonly string[] } = {}): Promise<RevenueInputs> {
  const rangeStart = monthStart(from);
  const rangeEnd = monthStart(addMonths(to, 1));
  const ids = opts.tenantIds ? [...opts.tenantIds] : null;
  const overlapping = and(
    lt(subscriptions.startedAt, rangeEnd),
    or(isNull(subscriptions.endedAt), gte(subscriptions.endedAt, rangeStart)),
    ids ? inArray(subscriptions.tenantId, ids) : undefined,
  );
  const subIds = db.select({ id: subscriptions.id }).from(subscriptions).where(overlapping);

  const [subRows, moveRows, statusRows, heldRows, versionRows, itemRows, addonRows, usageRows, tenantRows] = await Promise.all([
    db.select().from(subscriptions).where(overlapping),
    db.select().from(subscriptionMigrations).where(inArray(subscriptionMigrations.subscriptionId, subIds)),
    db
      .select({ subscriptionId: subscriptionStatusChanges.subscriptionId, status: subscriptionStatusChanges.status, effectiveAt: subscriptionStatusChanges.effectiveAt })
      .from(subscriptionStatusChanges)
      .where(inArray(subscriptionStatusChanges.subscriptionId, subIds)),
    db.select().from(subscriptionAddons).where(inArray(subscriptionAddons.subscriptionId, subIds)),
    db
      .select({ id: planVersions.id, planCode: plans.code, version: planVersions.version, basePriceCents: planVersions.basePriceCents, currency: planVersions.currency })
      .from(planVersions)
      .innerJoin(plans, sql`${plans.id} = ${planVersions.planId}`)
      .where(ne(planVersions.status, "draft")),
    db
      .select()
      .from(planItems)
      .where(inArray(planItems.versionId, db.select({ id: planVersions.id }).from(planVersions).where(ne(planVersions.status, "draft")))),
    db.select().from(addons),
    db.execute(sql`
      select period::text as period, tenant_id, resource_kind, sum(quantity)::text as quantity
      from usage_records where period >= ${from} and period <= ${to}
        ${ids ? sql`and tenant_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))` : sql``}
      group by period, tenant_id, resource_kind`),
    db
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(ids ? inArray(tenants.id, ids) : undefined),
  ]);

  const versions = new Map<string, RevenueVersion>(versionRows.map((v) => [v.id, { ...v, items: [] }]));
  for (const i of itemRows) {
    versions.get(i.versionId)?.items.push({
      resourceKind: i.resourceKind,
      includedQty: i.includedQty,
      overageUnit: i.overageUnit,
      overagePriceCents: i.overagePriceCents,
      hardCapQty: i.hardCapQty,
    });
  }

  const movesBySub = groupBy(moveRows, (m) => m.subscriptionId);
  const heldBySub = groupBy(heldRows, (h) => h.subscriptionId);
  const statusBySub = groupBy(statusRows, (c) => c.subscriptionId);
  const subs: RevenueSubscription[] = subRows.map((s) => ({
    id: s.id,
    tenantId: s.tenantId,
    status: s.status,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    versionId: s.planVersionId,
    migrations: (movesBySub.get(s.id) ?? []).map((m) => ({ fromVersionId: m.fromVersionId, toVersionId: m.toVersionId, effectiveAt: m.effectiveAt })),
    statusChanges: (statusBySub.get(s.id) ?? []).map((c) => ({ status: c.status, effectiveAt: c.effectiveAt })),
    addons: (heldBySub.get(s.id) ?? []).map((h) => ({ addonId: h.addonId, quantity: h.quantity, startedAt: h.startedAt, endedAt: h.endedAt })),
  }));

  const tenantNames = new Map(tenantRows.map((t) => [t.id, t.name]));
  const usage: RevenueInputs["usage"] = new Map();
  for (const u of rowsOf<{ period: string; tenant_id: string; resource_kind: CatalogResourceKind; quantity: string }>(usageRows)) {
    // Usage of tenants arcadia-app has not told us about is kept: nobody is billed for it, and the report says so.
    const byTenant = usage.get(u.period) ?? new Map();
    const kinds = byTenant.get(u.tenant_id) ?? {};
    kinds[u.resource_kind] = Number(u.quantity);
    byTenant.set(u.tenant_id, kinds);
    usage.set(u.period, byTenant);
  }

  return {
    subscriptions: subs,
    versions,
    addons: new Map(addonRows.map((a) => [a.id, { id: a.id, code: a.code, resourceKind: a.resourceKind, qty: a.qty, priceCents: a.priceCents, currency: a.currency }])),
    usage,
    tenantNames,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k) ?? [];
    list.push(row);
    out.set(k, list);
  }
  return out;
}
