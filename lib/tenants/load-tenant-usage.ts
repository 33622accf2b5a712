import "server-only";
import type { DbOrTx } from "@/db";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { computeMonthRevenue, type UsageLine } from "@/lib/billing/compute-month-revenue";
import { estimateBasis } from "@/lib/billing/estimate-basis";
import { loadRevenueInputs } from "@/lib/billing/load-revenue-inputs";
import { meteredKinds } from "@/lib/billing/resource-usage";

/** A kind of this month's usage against its allowance (the revenue function's line), and projected to the month's end. */
export interface TenantUsageLine extends UsageLine {
  /** Usage by the month's end: measured-as-it-goes kinds extrapolated at their rate so far. */
  projectedUsed: number;
  projectedOverageQty: number;
  projectedOverageCents: number;
  /** True when `projectedUsed` is an extrapolation, false when the meter already counts to the month's end. */
  isProjected: boolean;
}

/**
 * Kinds the meter takes from resources' lifetimes (hours, GB-months, zones): a resource still running is counted to
 * the month's end already, so projecting them again would double them. Everything else (transfer, LLM tokens, what
 * arcadia-app posts) is measured as it goes, and is extrapolated linearly over the month.
 */
const lifetimeKinds = new Set<CatalogResourceKind>(Object.values(meteredKinds).map((m) => m.kind));

/**
 * This month's usage against each allowance, priced by the same rules as the margin report (computeMonthRevenue):
 * once with the usage recorded so far, and once with measured-as-it-goes kinds projected to the month's end.
 */
export async function loadTenantUsage(
  db: DbOrTx,
  tenantId: string,
  period: string,
  now: Date,
): Promise<{ lines: TenantUsageLine[]; isBilled: boolean; hasSubscription: boolean }> {
  const inputs = await loadRevenueInputs(db, period, period, { tenantIds: [tenantId] });
  const subscriptions = inputs.subscriptions.filter((s) => s.tenantId === tenantId);
  const used = inputs.usage.get(period)?.get(tenantId) ?? {};
  const basis = estimateBasis(period, { isInvoiced: false, snapshot: undefined, now });
  const scale = basis && basis.elapsedMs > 0 ? basis.monthMs / basis.elapsedMs : 1;
  const projected: Partial<Record<CatalogResourceKind, number>> = {};
  for (const [kind, qty] of Object.entries(used) as [CatalogResourceKind, number][]) {
    projected[kind] = lifetimeKinds.has(kind) ? qty : qty * scale;
  }
  const run = (usage: Partial<Record<CatalogResourceKind, number>>) =>
    computeMonthRevenue({ period, subscriptions, versions: inputs.versions, addons: inputs.addons, usage: new Map([[tenantId, usage]]) }).find(
      (t) => t.tenantId === tenantId,
    );
  const actual = run(used);
  const future = run(projected);
  const lines = (actual?.usage ?? []).map((u): TenantUsageLine => {
    const p = future?.usage.find((f) => f.resourceKind === u.resourceKind);
    return {
      resourceKind: u.resourceKind,
      isCovered: u.isCovered,
      used: u.used,
      included: u.included,
      cap: u.cap,
      overageQty: u.overageQty,
      overageCents: u.overageCents,
      projectedUsed: p?.used ?? u.used,
      projectedOverageQty: p?.overageQty ?? u.overageQty,
      projectedOverageCents: p?.overageCents ?? u.overageCents,
      isProjected: !lifetimeKinds.has(u.resourceKind) && scale !== 1,
      currency: u.currency,
    };
  });
  return { lines, isBilled: Boolean(actual?.primarySubscriptionId), hasSubscription: subscriptions.length > 0 };
}
