import { allocateProRata } from "@/lib/money/allocate-pro-rata";
import { convertCentsScaled, decimalToScaled, RATE_SCALE } from "@/lib/money/convert-cents";
import { computeMonthRevenue, type UsageLine } from "./compute-month-revenue";
import { type EstimateBasis, estimateBasis, projectToMonthEnd } from "./estimate-basis";
import type { FxRateUsed, FxTable } from "./fx-table";
import type { CogsData } from "./load-cogs";
import type { RevenueInputs } from "./load-revenue-inputs";
import { addMonths, monthStart } from "./month";
import { spanOf } from "./subscription-spans";

/** Why a tenant's tagged usage earns nothing: arcadia-app never sent the tenant, no subscription, or only a trial. */
export type UnbilledReason = "unknown_tenant" | "no_subscription" | "trial";

/**
 * Why a COGS figure is not shown: the month has neither an invoice nor a balance snapshot, or (for tenants and plans)
 * the month's only COGS is DO's account-wide month-to-date figure, which no tenant's resources can be told apart in.
 */
export type CogsUnknownReason = "no_invoice_or_snapshot" | "not_attributable_before_invoice";

/** A tenant's month, every amount already in the reporting currency. */
export interface TenantMonth {
  tenantId: string;
  /** The plan its usage is billed against (the subscription in force latest in the month). */
  planCode: string | null;
  /** Revenue of the month; for a month with an estimate basis, what had accrued by then. */
  revenue: number;
  /** Revenue of the whole month (equal to `revenue` for a month without a basis). */
  projectedRevenue: number;
  /** Pairs without a rate that part of its revenue needed: then `revenue` is incomplete and not to be shown. */
  revenueMissing: Set<string>;
  /** Revenue per plan (a tenant may hold subscriptions of two plans in a month), split into base price and the rest. */
  revenueByPlan: Map<string, { total: number; base: number; subscriptionIds: Set<string>; missing: Set<string> }>;
  /** COGS attributed through the resource tag, per kind. */
  cogsByKind: Map<string, number>;
  cogs: number;
  /** Shared COGS allocated to it pro rata to revenue (0 unless allocation is on). */
  allocated: number;
  usage: UsageLine[];
  /** Whether a billed subscription was in force in the month; if not, its tagged COGS is revenue leakage. */
  isBilled: boolean;
  unbilledReason: UnbilledReason | null;
}

export interface PeriodFigures {
  period: string;
  /** No invoice yet, and either a snapshot or the month is not over: figures to date and projections, not final. */
  isEstimate: boolean;
  isInvoiced: boolean;
  hasCogs: boolean;
  /** What "to date" means for the month; null when the figures are final (invoiced) or nothing was measured. */
  basis: EstimateBasis | null;
  /** Set when the month has no COGS figure at all: then neither COGS nor a margin is shown, at any level. */
  cogsUnknown: CogsUnknownReason | null;
  /** Set when tenants' (and plans') COGS is not known, though the month's may be. */
  tenantCogsUnknown: CogsUnknownReason | null;
  /** Every pair the month needed and had no rate for (`USD/AUD`). */
  missingPairs: string[];
  /** The pairs some tenant's revenue needed and had no rate for. */
  revenueMissing: string[];
  /** The pairs COGS needed and had no rate for: then no COGS (nor margin) of the month is shown. */
  cogsMissing: string[];
  /** The rates the month converted with, one per pair. */
  ratesUsed: FxRateUsed[];
  tenants: Map<string, TenantMonth>;
  /** COGS no tenant's resources account for, per kind; what allocation spreads. */
  sharedByKind: Map<string, number>;
  shared: number;
  /** The part of `shared` allocated to tenants. */
  sharedAllocated: number;
  /** With a basis: revenue of the whole month, and the snapshot's COGS extrapolated to the month's end (null without one). */
  projection: { revenue: number; cogs: number | null } | null;
  /** Tagged COGS of tenants nobody bills (null until the invoice says whose resources cost what). */
  unbilledCogs: number | null;
  unbilledTenants: number;
  /** For an invoiced month that had snapshots: what the last estimate projected, against the invoice. */
  reconciliation: { projectedCogs: number; invoiceCogs: number; basis: EstimateBasis } | null;
}

const add = (map: Map<string, number>, key: string, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);

/**
 * Joins revenue and COGS per month and tenant in the reporting currency. Each aggregate (a tenant's revenue of one
 * plan in one currency, a tenant's COGS of one kind in one currency) is converted once and only sums of converted
 * figures are shown, so every total is exactly the sum of its parts. A month missing a rate it needs lists the pair,
 * for revenue and COGS apart: revenue already in the reporting currency needs no rate and stays known. A month
 * without an invoice is reported to its basis (revenue accrued by the snapshot's time against DO's month-to-date
 * usage then), with the whole month's revenue and the extrapolated COGS as its projection.
 */
export function buildMarginPeriods(opts: {
  periods: string[];
  revenue: Omit<RevenueInputs, "tenantNames">;
  cogs: CogsData;
  fx: FxTable;
  currency: string;
  allocateShared: boolean;
  /** Tenants arcadia-app has sent; without it every tenant counts as known. */
  knownTenants?: ReadonlySet<string>;
  now?: Date;
}): PeriodFigures[] {
  const { fx, currency } = opts;
  const now = opts.now ?? new Date();
  return opts.periods.map((period) => {
    const cogsMissing = new Set<string>();
    const used = new Map<string, FxRateUsed>();
    // One lookup per currency and month: thousands of amounts share a handful of rates.
    const rates = new Map<string, bigint | null>();
    /** The amount in the reporting currency, or null when its pair has no rate. */
    const convert = (cents: number, from: string): number | null => {
      if (from === currency) return cents;
      let rate = rates.get(from);
      if (rate === undefined) {
        const found = fx.lookup(from, currency, period);
        if (found) used.set(from, found);
        rate = found ? decimalToScaled(found.rate, RATE_SCALE) : null;
        rates.set(from, rate);
      }
      return rate === null ? null : convertCentsScaled(cents, rate);
    };
    const pair = (from: string) => `${from}/${currency}`;
    const isInvoiced = opts.cogs.invoiced.has(period);
    const snapshot = opts.cogs.snapshots.get(period);
    const basis = estimateBasis(period, { isInvoiced, snapshot, now });
    const hasCogs = isInvoiced || opts.cogs.estimated.has(period);
    const isEstimate = !isInvoiced && basis !== null;

    const tenants = new Map<string, TenantMonth>();
    const tenant = (id: string) => {
      let t = tenants.get(id);
      if (!t) {
        t = {
          tenantId: id,
          planCode: null,
          revenue: 0,
          projectedRevenue: 0,
          revenueMissing: new Set(),
          revenueByPlan: new Map(),
          cogsByKind: new Map(),
          cogs: 0,
          allocated: 0,
          usage: [],
          isBilled: false,
          unbilledReason: null,
        };
        tenants.set(id, t);
      }
      return t;
    };

    const planOfSub = new Map<string, string>();
    for (const s of opts.revenue.subscriptions) {
      const v = opts.revenue.versions.get(s.versionId);
      if (v) planOfSub.set(s.id, v.planCode);
    }
    const revenue = computeMonthRevenue({
      period,
      subscriptions: opts.revenue.subscriptions,
      versions: opts.revenue.versions,
      addons: opts.revenue.addons,
      usage: opts.revenue.usage.get(period) ?? new Map(),
      asOf: basis?.asOf,
    });
    for (const r of revenue) {
      const t = tenant(r.tenantId);
      t.planCode = r.planCode;
      t.usage = r.usage;
      t.isBilled = r.primarySubscriptionId !== null;
      // Sum per (plan, base or not, currency) before converting: one conversion per aggregate.
      const sums = new Map<string, { plan: string; isBase: boolean; currency: string; cents: number; whole: number; subs: Set<string> }>();
      for (const line of r.lines) {
        const plan = planOfSub.get(line.subscriptionId) ?? "";
        const key = `${plan}|${line.type === "base"}|${line.currency}`;
        const s = sums.get(key) ?? { plan, isBase: line.type === "base", currency: line.currency, cents: 0, whole: 0, subs: new Set<string>() };
        s.cents += line.accruedCents ?? line.cents;
        s.whole += line.cents;
        s.subs.add(line.subscriptionId);
        sums.set(key, s);
      }
      for (const s of sums.values()) {
        const converted = convert(s.cents, s.currency);
        const cents = converted ?? 0;
        const byPlan = t.revenueByPlan.get(s.plan) ?? { total: 0, base: 0, subscriptionIds: new Set<string>(), missing: new Set<string>() };
        if (converted === null) {
          byPlan.missing.add(pair(s.currency));
          t.revenueMissing.add(pair(s.currency));
        }
        byPlan.total += cents;
        if (s.isBase) byPlan.base += cents;
        for (const id of s.subs) byPlan.subscriptionIds.add(id);
        t.revenueByPlan.set(s.plan, byPlan);
        t.revenue += cents;
        t.projectedRevenue += basis ? (convert(s.whole, s.currency) ?? 0) : cents;
      }
    }

    const sharedByKind = new Map<string, number>();
    let shared = 0;
    let invoiceCogs = 0;
    for (const atom of opts.cogs.atoms) {
      if (atom.period !== period) continue;
      const converted = convert(atom.cents, atom.currency);
      if (converted === null) cogsMissing.add(pair(atom.currency));
      const cents = converted ?? 0;
      invoiceCogs += cents;
      if (atom.tenantId === null) {
        add(sharedByKind, atom.kind, cents);
        shared += cents;
      } else {
        const t = tenant(atom.tenantId);
        add(t.cogsByKind, atom.kind, cents);
        t.cogs += cents;
      }
    }

    const withSubscription = tenantsWithSubscription(opts.revenue.subscriptions, period);
    let unbilledCogs = 0;
    let unbilledTenants = 0;
    for (const t of tenants.values()) {
      if (t.isBilled) continue;
      t.unbilledReason = opts.knownTenants && !opts.knownTenants.has(t.tenantId) ? "unknown_tenant" : withSubscription.has(t.tenantId) ? "trial" : "no_subscription";
      unbilledCogs += t.cogs;
      unbilledTenants++;
    }

    const revenueMissing = new Set([...tenants.values()].flatMap((t) => [...t.revenueMissing]));
    // Allocation is pro rata to revenue: with a tenant's revenue unknown, nobody's share of the shared cost is known.
    if (opts.allocateShared && sharedByKind.size) for (const p of revenueMissing) cogsMissing.add(p);
    let sharedAllocated = 0;
    if (opts.allocateShared && shared !== 0) {
      const list = [...tenants.values()];
      const parts = allocateProRata(shared, list.map((t) => t.revenue));
      list.forEach((t, i) => {
        t.allocated = parts[i] ?? 0;
        sharedAllocated += t.allocated;
      });
    }

    const snapshotCogs = snapshot ? convert(snapshot.cents, snapshot.currency) : null;
    const lastBasis = isInvoiced && snapshot ? estimateBasis(period, { isInvoiced: false, snapshot, now }) : null;
    const projectedCogs = lastBasis && snapshotCogs !== null ? projectToMonthEnd(snapshotCogs, lastBasis) : null;
    const cogsUnknown = hasCogs ? null : "no_invoice_or_snapshot";

    return {
      period,
      isEstimate,
      isInvoiced,
      hasCogs,
      basis,
      cogsUnknown,
      tenantCogsUnknown: cogsUnknown ?? (!isInvoiced && !opts.allocateShared ? "not_attributable_before_invoice" : null),
      missingPairs: [...new Set([...revenueMissing, ...cogsMissing])].sort(),
      revenueMissing: [...revenueMissing].sort(),
      cogsMissing: [...cogsMissing].sort(),
      ratesUsed: [...used.values()].sort((a, b) => (a.base < b.base ? -1 : 1)),
      tenants,
      sharedByKind,
      shared,
      sharedAllocated,
      projection: basis
        ? {
            revenue: [...tenants.values()].reduce((a, t) => a + t.projectedRevenue, 0),
            cogs: basis.source === "snapshot" && snapshotCogs !== null ? projectToMonthEnd(snapshotCogs, basis) : null,
          }
        : null,
      unbilledCogs: isInvoiced ? unbilledCogs : null,
      unbilledTenants,
      reconciliation: lastBasis && projectedCogs !== null ? { projectedCogs, invoiceCogs, basis: lastBasis } : null,
    };
  });
}

/** Tenants with a subscription (billed or not) overlapping the month: one with none in force is not on trial either. */
function tenantsWithSubscription(subs: RevenueInputs["subscriptions"], period: string): Set<string> {
  const from = spanOf(monthStart(period), monthStart(addMonths(period, 1)));
  const out = new Set<string>();
  for (const s of subs) {
    const span = spanOf(s.startedAt, s.endedAt);
    if (span.from < from.to && span.to > from.from) out.add(s.tenantId);
  }
  return out;
}
