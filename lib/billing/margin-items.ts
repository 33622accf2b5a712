import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import { roundDiv } from "@/lib/money/round-div";
import { daysIntoMonth, describeBasis, type EstimateBasis } from "./estimate-basis";
import { marginPct, type MonthRow, type PlanRow, type TenantRow, toMoneyItem } from "./group-margin";
import { periodLabel } from "./month";
import type { MarginItem } from "./schemas";

// The API's items per grouping: the money fields of toMoneyItem plus what each grouping adds.

export function basisItem(b: EstimateBasis): NonNullable<MarginItem["estimate_basis"]> {
  return {
    source: b.source,
    as_of: b.asOf.toISOString(),
    days_into_month: daysIntoMonth(b),
    days_in_month: Math.round(b.monthMs / 86_400_000),
    label: describeBasis(b),
  };
}

/** (a − b) / b × 100 with two decimals; null when b is 0. */
export function differencePct(a: number, b: number): number | null {
  return b === 0 ? null : Number(roundDiv(BigInt(a - b) * 10_000n, BigInt(b))) / 100;
}

export function monthItem(r: MonthRow, currency: string): MarginItem {
  const item = toMoneyItem(r, currency);
  const hasRevenue = item.revenue !== null;
  const hasCogs = r.cogsMissing.length === 0;
  const p = r.projection;
  const projectedCogs = p && hasCogs ? p.cogs : null;
  const rec = hasCogs ? r.reconciliation : null;
  return {
    month: periodLabel(r.period),
    ...item,
    unbilled_cogs: hasCogs && r.unbilledCogs !== null ? centsToDecimal(r.unbilledCogs) : null,
    unbilled_tenants: r.unbilledTenants,
    estimate_basis: r.basis ? basisItem(r.basis) : null,
    projection: p
      ? {
          revenue: hasRevenue ? centsToDecimal(p.revenue) : null,
          cogs: projectedCogs === null ? null : centsToDecimal(projectedCogs),
          margin: hasRevenue && projectedCogs !== null ? centsToDecimal(p.revenue - projectedCogs) : null,
          margin_pct: hasRevenue && projectedCogs !== null ? marginPct(p.revenue, projectedCogs) : null,
        }
      : null,
    reconciliation: rec
      ? {
          estimated_cogs: centsToDecimal(rec.projectedCogs),
          invoice_cogs: centsToDecimal(rec.invoiceCogs),
          difference: centsToDecimal(rec.projectedCogs - rec.invoiceCogs),
          difference_pct: differencePct(rec.projectedCogs, rec.invoiceCogs),
          estimate_basis: basisItem(rec.basis),
        }
      : null,
    fx_rates: r.ratesUsed.map((u) => ({ pair: `${u.base}/${u.quote}`, rate: u.rate, effective_from: u.effectiveFrom, source: u.source })),
  };
}

export interface UnbilledDetail {
  /** Since when its tagged resources run unbilled; null when nothing says. */
  since: Date | null;
}

export function tenantItem(r: TenantRow, currency: string, names: ReadonlyMap<string, string>, resources: ReadonlyMap<string, number>, unbilled: ReadonlyMap<string, UnbilledDetail>): MarginItem {
  const item = toMoneyItem(r, currency);
  return {
    tenant_id: r.tenantId,
    tenant_name: r.tenantId ? (names.get(r.tenantId) ?? null) : null,
    plan_code: r.planCode,
    ...item,
    billed: r.isBilled,
    unbilled_reason: r.isBilled ? null : r.unbilledReason,
    unbilled_since: r.isBilled || !r.tenantId ? null : (unbilled.get(r.tenantId)?.since?.toISOString() ?? null),
    unbilled_cogs: item.cogs === null ? null : centsToDecimal(r.unbilledCogs),
    resources: r.tenantId ? (resources.get(r.tenantId) ?? 0) : 0,
    // What was used: allowances nobody touched would double the response for nothing.
    usage: r.usage.filter((u) => u.used > 0).map((u) => ({ resource_kind: u.resourceKind, used: u.used, included: u.included })),
  };
}

export function planItem(r: PlanRow, currency: string): MarginItem {
  return { plan_code: r.planCode, subscribers: r.subscribers, ...toMoneyItem(r, currency) };
}
