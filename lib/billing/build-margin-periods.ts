import { allocateProRata } from "@/lib/money/allocate-pro-rata";
import { convertCentsScaled, decimalToScaled, RATE_SCALE } from "@/lib/money/convert-cents";
import { computeMonthRevenue, type UsageLine } from "./compute-month-revenue";
import type { FxTable } from "./fx-table";
import type { CogsData } from "./load-cogs";
import type { RevenueInputs } from "./load-revenue-inputs";

/** A tenant's month, every amount already in the reporting currency. */
export interface TenantMonth {
  tenantId: string;
  /** The plan its usage is billed against (the subscription in force latest in the month). */
  planCode: string | null;
  revenue: number;
  /** Revenue per plan (a tenant may hold subscriptions of two plans in a month), split into base price and the rest. */
  revenueByPlan: Map<string, { total: number; base: number; subscriptionIds: Set<string> }>;
  /** COGS attributed through the resource tag, per kind. */
  cogsByKind: Map<string, number>;
  cogs: number;
  /** Shared COGS allocated to it pro rata to revenue (0 unless allocation is on). */
  allocated: number;
  usage: UsageLine[];
}

export interface PeriodFigures {
  period: string;
  isEstimate: boolean;
  hasCogs: boolean;
  missingPairs: string[];
  tenants: Map<string, TenantMonth>;
  /** COGS no tenant's resources account for, per kind; what allocation spreads. */
  sharedByKind: Map<string, number>;
  shared: number;
  /** The part of `shared` allocated to tenants. */
  sharedAllocated: number;
}

const add = (map: Map<string, number>, key: string, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);

/**
 * Joins revenue and COGS per month and tenant in the reporting currency. Each aggregate (a tenant's revenue of one
 * plan in one currency, a tenant's COGS of one kind in one currency) is converted once and only sums of converted
 * figures are shown, so every total is exactly the sum of its parts. A month missing a rate it needs lists the pair.
 */
export function buildMarginPeriods(opts: {
  periods: string[];
  revenue: Omit<RevenueInputs, "tenantNames">;
  cogs: CogsData;
  fx: FxTable;
  currency: string;
  allocateShared: boolean;
}): PeriodFigures[] {
  const { fx, currency } = opts;
  return opts.periods.map((period) => {
    const missing = new Set<string>();
    // One lookup per currency and month: thousands of amounts share a handful of rates.
    const rates = new Map<string, bigint | null>();
    const convert = (cents: number, from: string) => {
      let rate = rates.get(from);
      if (rate === undefined) {
        const text = fx.rateFor(from, currency, period);
        rate = text === null ? null : decimalToScaled(text, RATE_SCALE);
        rates.set(from, rate);
      }
      if (rate === null) {
        missing.add(`${from}/${currency}`);
        return 0;
      }
      return convertCentsScaled(cents, rate);
    };
    const tenants = new Map<string, TenantMonth>();
    const tenant = (id: string) => {
      let t = tenants.get(id);
      if (!t) {
        t = { tenantId: id, planCode: null, revenue: 0, revenueByPlan: new Map(), cogsByKind: new Map(), cogs: 0, allocated: 0, usage: [] };
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
    });
    for (const r of revenue) {
      const t = tenant(r.tenantId);
      t.planCode = r.planCode;
      t.usage = r.usage;
      // Sum per (plan, base or not, currency) before converting: one conversion per aggregate.
      const sums = new Map<string, { plan: string; isBase: boolean; currency: string; cents: number; subs: Set<string> }>();
      for (const line of r.lines) {
        const plan = planOfSub.get(line.subscriptionId) ?? "";
        const key = `${plan}|${line.type === "base"}|${line.currency}`;
        const s = sums.get(key) ?? { plan, isBase: line.type === "base", currency: line.currency, cents: 0, subs: new Set<string>() };
        s.cents += line.cents;
        s.subs.add(line.subscriptionId);
        sums.set(key, s);
      }
      for (const s of sums.values()) {
        const cents = convert(s.cents, s.currency);
        const byPlan = t.revenueByPlan.get(s.plan) ?? { total: 0, base: 0, subscriptionIds: new Set<string>() };
        byPlan.total += cents;
        if (s.isBase) byPlan.base += cents;
        for (const id of s.subs) byPlan.subscriptionIds.add(id);
        t.revenueByPlan.set(s.plan, byPlan);
        t.revenue += cents;
      }
    }

    const sharedByKind = new Map<string, number>();
    let shared = 0;
    for (const atom of opts.cogs.atoms) {
      if (atom.period !== period) continue;
      const cents = convert(atom.cents, atom.currency);
      if (atom.tenantId === null) {
        add(sharedByKind, atom.kind, cents);
        shared += cents;
      } else {
        const t = tenant(atom.tenantId);
        add(t.cogsByKind, atom.kind, cents);
        t.cogs += cents;
      }
    }

    let sharedAllocated = 0;
    if (opts.allocateShared && shared !== 0) {
      const list = [...tenants.values()];
      const parts = allocateProRata(shared, list.map((t) => t.revenue));
      list.forEach((t, i) => {
        t.allocated = parts[i] ?? 0;
        sharedAllocated += t.allocated;
      });
    }

    return {
      period,
      isEstimate: opts.cogs.estimated.has(period),
      hasCogs: opts.cogs.estimated.has(period) || opts.cogs.invoiced.has(period),
      missingPairs: [...missing].sort(),
      tenants,
      sharedByKind,
      shared,
      sharedAllocated,
    };
  });
}
