import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { decimalToScaled, RATE_SCALE } from "@/lib/money/convert-cents";
import { meteredKinds } from "./resource-usage";

export interface PlanPricingInput {
  /**
   * One entry per subscriber tenant of the plan in the month, reporting cents: its COGS (what its tagged resources
   * cost, plus its share of the shared cost only when the admin allocates it) and its revenue beyond the base price.
   */
  subscribers: readonly { cogs: number; extras: number }[];
  /** The subscribers' COGS per DO kind, summed. */
  cogsByKind: ReadonlyMap<string, number>;
  /** Target gross margin in percent (0–95), to the tenth, as the stored target is kept. */
  targetMarginPct: number;
  /** 1 unit of the plan's currency in the reporting currency (the month's rate), or null when there is none. */
  planRate: string | null;
  items: readonly { resourceKind: CatalogResourceKind; includedQty: number }[];
}

/** One subscriber's (or the average one's) COGS and the base prices it needs. */
export interface PricePoint {
  /** Reporting cents, rounded to the cent. */
  cogsPerSubscriber: number;
  /** Add-ons and overage, reporting cents: revenue the base price does not have to earn. */
  extrasPerSubscriber: number;
  /** Plan-currency cents (rounded up): the base price at which COGS is covered, and at which the target margin is met. */
  breakEvenPriceCents: number | null;
  targetPriceCents: number | null;
}

export interface PlanPricing {
  subscribers: number;
  /** What the plan as a whole needs: the average subscriber. */
  average: PricePoint | null;
  /** The spread: the subscribers at the median and the 90th percentile of COGS (nearest rank, real tenants). */
  median: PricePoint | null;
  p90: PricePoint | null;
  /** COGS per subscriber per included unit of each item the meter can attribute, reporting cents (fractional). */
  perIncludedUnit: { resourceKind: CatalogResourceKind; includedQty: number; cogsPerUnitCents: number | null }[];
}

const ceilDiv = (n: bigint, d: bigint) => (n <= 0n ? 0n : (n + d - 1n) / d);

/**
 * The base price a plan needs, from the COGS of its own subscriptions: with c the COGS and x the add-on and overage
 * revenue of a subscriber, a base price p gives margin m when (p + x)(1 − m) = c, so p = c / (1 − m) − x, never below
 * zero; m = 0 is break-even. Worked on integers over n subscribers (the average: totals over n; one tenant: n = 1),
 * rounded up to the cent so the target is met, then converted into the plan's currency.
 */
export function pricePlan(input: PlanPricingInput): PlanPricing {
  const n = input.subscribers.length;
  const perUnit = input.items.map((item) => {
    const doKinds = Object.entries(meteredKinds).filter(([, m]) => m?.kind === item.resourceKind).map(([k]) => k);
    const cents = doKinds.reduce((a, k) => a + (input.cogsByKind.get(k) ?? 0), 0);
    const isMeasurable = doKinds.length > 0 && n > 0 && item.includedQty > 0;
    return { resourceKind: item.resourceKind, includedQty: item.includedQty, cogsPerUnitCents: isMeasurable ? cents / n / item.includedQty : null };
  });
  if (n === 0) return { subscribers: 0, average: null, median: null, p90: null, perIncludedUnit: perUnit };
  // Margins in tenths of a percent, so the integer arithmetic below stays exact.
  const targetTenths = Math.min(950, Math.max(0, Math.round(input.targetMarginPct * 10)));
  const point = (cogs: number, extras: number, count: number): PricePoint => {
    const priceFor = (marginTenths: number): number | null => {
      if (input.planRate === null) return null;
      const keep = BigInt(1000 - marginTenths);
      // p (reporting) = (cogs × 1000 − extras × keep) / (count × keep); in plan currency divide by the rate.
      const numerator = (BigInt(cogs) * 1000n - BigInt(extras) * keep) * 10n ** BigInt(RATE_SCALE);
      return Number(ceilDiv(numerator, BigInt(count) * keep * decimalToScaled(input.planRate, RATE_SCALE)));
    };
    return {
      cogsPerSubscriber: Math.round(cogs / count),
      extrasPerSubscriber: Math.round(extras / count),
      breakEvenPriceCents: priceFor(0),
      targetPriceCents: priceFor(targetTenths),
    };
  };
  const sorted = [...input.subscribers].sort((a, b) => a.cogs - b.cogs);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * n) - 1)]!;
  const total = input.subscribers.reduce((a, s) => ({ cogs: a.cogs + s.cogs, extras: a.extras + s.extras }), { cogs: 0, extras: 0 });
  return {
    subscribers: n,
    average: point(total.cogs, total.extras, n),
    median: point(rank(0.5).cogs, rank(0.5).extras, 1),
    p90: point(rank(0.9).cogs, rank(0.9).extras, 1),
    perIncludedUnit: perUnit,
  };
}
