import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import { roundDiv } from "@/lib/money/round-div";
import type { CogsUnknownReason, PeriodFigures, UnbilledReason } from "./build-margin-periods";
import type { EstimateBasis } from "./estimate-basis";
import type { FxRateUsed } from "./fx-table";
import type { MarginItem } from "./schemas";

export interface MoneyFigures {
  revenue: number;
  cogs: number;
  shared: number;
  cogsByKind: Map<string, number>;
  isEstimate: boolean;
  /** Pairs without a rate that the revenue needed: revenue unknown. */
  revenueMissing: string[];
  /** Pairs without a rate that the COGS needed: COGS unknown. */
  cogsMissing: string[];
  /** Why there is no COGS figure at all (no invoice nor snapshot, or not attributable before the invoice). */
  cogsUnknown: CogsUnknownReason | null;
}

export interface MonthRow extends MoneyFigures {
  period: string;
  hasCogs: boolean;
  isInvoiced: boolean;
  ratesUsed: FxRateUsed[];
  basis: EstimateBasis | null;
  projection: PeriodFigures["projection"];
  unbilledCogs: number | null;
  unbilledTenants: number;
  reconciliation: PeriodFigures["reconciliation"];
}

export interface TenantRow extends MoneyFigures {
  tenantId: string | null;
  planCode: string | null;
  usage: { resourceKind: CatalogResourceKind; isCovered: boolean; used: number; included: number }[];
  /** Billed in some month of the range it appears in (the shared row counts as billed: it is nobody's leakage). */
  isBilled: boolean;
  /** Why it was not billed, in the latest month it was not. */
  unbilledReason: UnbilledReason | null;
  /** Its tagged COGS in the months it was not billed. */
  unbilledCogs: number;
}

export interface PlanRow extends MoneyFigures {
  planCode: string | null;
  subscribers: number;
  /** Revenue from base prices; the rest is add-ons and overage. */
  baseRevenue: number;
}

const emptyFigures = (): MoneyFigures => ({ revenue: 0, cogs: 0, shared: 0, cogsByKind: new Map(), isEstimate: false, revenueMissing: [], cogsMissing: [], cogsUnknown: null });
const addTo = (map: Map<string, number>, key: string, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);
const union = (a: Iterable<string>, b: Iterable<string>) => [...new Set([...a, ...b])].sort();

/** Every pair a row's figures are missing a rate for. */
export const missingPairsOf = (f: MoneyFigures): string[] => union(f.revenueMissing, f.cogsMissing);

/** Pairs COGS lacked in any month of the range: COGS over the range (and the shared cost behind it) is then unknown. */
const rangeCogsMissing = (periods: PeriodFigures[]) => periods.reduce<string[]>((acc, p) => union(acc, p.cogsMissing), []);

/** A month of the range without a COGS figure leaves the range's COGS unknown too: for tenants and plans, and for the shared rest. */
const rangeCogsUnknown = (periods: PeriodFigures[], level: "tenant" | "shared") =>
  periods.find((p) => p.cogsUnknown)?.cogsUnknown ?? (level === "tenant" ? (periods.find((p) => p.tenantCogsUnknown)?.tenantCogsUnknown ?? null) : null);

export function groupByMonth(periods: PeriodFigures[]): MonthRow[] {
  return periods.map((p) => {
    const row: MonthRow = {
      ...emptyFigures(),
      period: p.period,
      hasCogs: p.hasCogs,
      isInvoiced: p.isInvoiced,
      isEstimate: p.isEstimate,
      revenueMissing: p.revenueMissing,
      cogsMissing: p.cogsMissing,
      cogsUnknown: p.cogsUnknown,
      ratesUsed: p.ratesUsed,
      basis: p.basis,
      projection: p.projection,
      unbilledCogs: p.unbilledCogs,
      unbilledTenants: p.unbilledTenants,
      reconciliation: p.reconciliation,
    };
    for (const t of p.tenants.values()) {
      row.revenue += t.revenue;
      row.cogs += t.cogs;
      for (const [k, c] of t.cogsByKind) addTo(row.cogsByKind, k, c);
    }
    for (const [k, c] of p.sharedByKind) addTo(row.cogsByKind, k, c);
    row.cogs += p.shared;
    row.shared = p.shared;
    return row;
  });
}

/** Per tenant over the range; a row with a null tenant holds the shared cost not allocated to anyone. */
export function groupByTenant(periods: PeriodFigures[]): TenantRow[] {
  const rows = new Map<string, TenantRow>();
  const cogsMissing = rangeCogsMissing(periods);
  const isEstimate = periods.some((p) => p.isEstimate);
  const cogsUnknown = rangeCogsUnknown(periods, "tenant");
  const shared: TenantRow = {
    ...emptyFigures(),
    tenantId: null,
    planCode: null,
    usage: [],
    isEstimate,
    cogsMissing,
    cogsUnknown: rangeCogsUnknown(periods, "shared"),
    isBilled: true,
    unbilledReason: null,
    unbilledCogs: 0,
  };
  let hasShared = false;
  for (const p of periods) {
    for (const t of p.tenants.values()) {
      let row = rows.get(t.tenantId);
      if (!row) {
        // Written out rather than spread: thousands of rows, and spread objects are slower to fill in.
        row = {
          revenue: 0,
          cogs: 0,
          shared: 0,
          cogsByKind: new Map(),
          tenantId: t.tenantId,
          planCode: null,
          usage: [],
          isEstimate,
          revenueMissing: [],
          cogsMissing,
          cogsUnknown,
          isBilled: false,
          unbilledReason: null,
          unbilledCogs: 0,
        };
        rows.set(t.tenantId, row);
      }
      row.planCode = t.planCode ?? row.planCode;
      row.isBilled ||= t.isBilled;
      if (!t.isBilled) {
        row.unbilledReason = t.unbilledReason;
        row.unbilledCogs += t.cogs;
      }
      row.revenue += t.revenue;
      if (t.revenueMissing.size) row.revenueMissing = union(row.revenueMissing, t.revenueMissing);
      row.cogs += t.cogs + t.allocated;
      row.shared += t.allocated;
      for (const [k, c] of t.cogsByKind) addTo(row.cogsByKind, k, c);
      if (t.allocated) addTo(row.cogsByKind, "shared", t.allocated);
      for (const u of t.usage) {
        const existing = row.usage.find((x) => x.resourceKind === u.resourceKind);
        if (existing) {
          existing.used += u.used;
          existing.included += u.included;
          existing.isCovered ||= u.isCovered;
        } else row.usage.push({ resourceKind: u.resourceKind, isCovered: u.isCovered, used: u.used, included: u.included });
      }
    }
    const left = p.shared - p.sharedAllocated;
    shared.cogs += left;
    shared.shared += left;
    // Shared cost that could not be converted still gets its row (with unknown figures), not silence.
    hasShared ||= left !== 0 || (p.sharedAllocated === 0 && p.cogsMissing.length > 0 && p.sharedByKind.size > 0);
    if (p.sharedAllocated === 0) for (const [k, c] of p.sharedByKind) addTo(shared.cogsByKind, k, c);
    else if (left) addTo(shared.cogsByKind, "shared", left);
  }
  const out = [...rows.values()].sort((a, b) => (a.tenantId! < b.tenantId! ? -1 : a.tenantId! > b.tenantId! ? 1 : 0));
  if (hasShared) out.push(shared);
  return out;
}

/** Per plan over the range: revenue by each line's plan, COGS by the plan the tenant's usage is billed against. */
export function groupByPlan(periods: PeriodFigures[]): PlanRow[] {
  const rows = new Map<string, PlanRow & { subs: Set<string> }>();
  const cogsMissing = rangeCogsMissing(periods);
  const isEstimate = periods.some((p) => p.isEstimate);
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) {
      // The row without a plan holds the shared rest, known before the invoice as DO's month-to-date figure.
      const cogsUnknown = rangeCogsUnknown(periods, code ? "tenant" : "shared");
      r = { ...emptyFigures(), planCode: code || null, subscribers: 0, baseRevenue: 0, subs: new Set(), isEstimate, cogsMissing, cogsUnknown };
      rows.set(code, r);
    }
    return r;
  };
  for (const p of periods) {
    for (const t of p.tenants.values()) {
      for (const [plan, rev] of t.revenueByPlan) {
        const r = row(plan);
        r.revenue += rev.total;
        r.baseRevenue += rev.base;
        if (rev.missing.size) r.revenueMissing = union(r.revenueMissing, rev.missing);
        for (const id of rev.subscriptionIds) r.subs.add(id);
      }
      const r = row(t.planCode ?? "");
      r.cogs += t.cogs + t.allocated;
      r.shared += t.allocated;
      for (const [k, c] of t.cogsByKind) addTo(r.cogsByKind, k, c);
      if (t.allocated) addTo(r.cogsByKind, "shared", t.allocated);
    }
    const left = p.shared - p.sharedAllocated;
    if (left || (p.sharedAllocated === 0 && p.cogsMissing.length > 0 && p.sharedByKind.size > 0)) {
      const r = row("");
      r.cogs += left;
      r.shared += left;
      addTo(r.cogsByKind, "shared", left);
    }
  }
  return [...rows.values()]
    .map(({ subs, ...r }) => ({ ...r, subscribers: subs.size }))
    .sort((a, b) => (a.planCode === null ? 1 : b.planCode === null ? -1 : a.planCode < b.planCode ? -1 : 1));
}

/** margin / revenue as a percentage with two decimals; null without revenue. */
export function marginPct(revenue: number, cogs: number): number | null {
  if (revenue === 0) return null;
  return Number(roundDiv(BigInt(revenue - cogs) * 10_000n, BigInt(revenue))) / 100;
}

/**
 * The API's money fields: strings with two decimals, null where a rate is missing (never a guess). Revenue that
 * needed no missing rate is shown; COGS without its rate is not, and the margin needs both.
 */
export function toMoneyItem(f: MoneyFigures, currency: string): Omit<MarginItem, "month" | "tenant_id" | "plan_code"> {
  const hasRevenue = f.revenueMissing.length === 0;
  const hasCogs = f.cogsMissing.length === 0 && f.cogsUnknown === null;
  const missing = missingPairsOf(f);
  return {
    revenue: hasRevenue ? centsToDecimal(f.revenue) : null,
    cogs: hasCogs ? centsToDecimal(f.cogs) : null,
    margin: hasRevenue && hasCogs ? centsToDecimal(f.revenue - f.cogs) : null,
    margin_pct: hasRevenue && hasCogs ? marginPct(f.revenue, f.cogs) : null,
    shared_cogs: hasCogs ? centsToDecimal(f.shared) : null,
    cogs_by_kind: hasCogs ? Object.fromEntries([...f.cogsByKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, centsToDecimal(c)])) : null,
    currency,
    estimate: f.isEstimate,
    is_estimate: f.isEstimate,
    cogs_missing_reason: f.cogsUnknown,
    fx_missing: missing.length > 0,
    missing_fx_pairs: missing,
  };
}
