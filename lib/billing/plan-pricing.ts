import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { decimalToScaled, RATE_SCALE } from "@/lib/money/convert-cents";
import { meteredKinds } from "./resource-usage";

export interface PlanPricingInput {
  subscribers: number;
  /** Reporting-currency cents over the month: all revenue, the base-price part of it, and COGS (per DO kind). */
  revenue: number;
  baseRevenue: number;
  cogs: number;
  cogsByKind: ReadonlyMap<string, number>;
  /** Target gross margin, whole percent (0–95). */
  targetMarginPct: number;
  /** 1 unit of the plan's currency in the reporting currency (the month's rate), or null when there is none. */
  planRate: string | null;
  items: readonly { resourceKind: CatalogResourceKind; includedQty: number }[];
}

export interface PlanPricing {
  /** Reporting cents, rounded to the cent. */
  avgCogsPerSubscriber: number | null;
  /** Add-ons and overage per subscriber, reporting cents: revenue the base price does not have to earn. */
  extrasPerSubscriber: number | null;
  /** Plan-currency cents (rounded up): the base price at which COGS is covered, and at which the target margin is met. */
  breakEvenPriceCents: number | null;
  targetPriceCents: number | null;
  /** COGS per subscriber per included unit of each item the meter can attribute, reporting cents (fractional). */
  perIncludedUnit: { resourceKind: CatalogResourceKind; includedQty: number; cogsPerUnitCents: number | null }[];
}

const ceilDiv = (n: bigint, d: bigint) => (n <= 0n ? 0n : (n + d - 1n) / d);

/**
 * The base price a plan needs: with c the average COGS and x the add-on and overage revenue per subscriber, a base
 * price p gives margin m when (p + x)(1 − m) = c, so p = c / (1 − m) − x, never below zero; m = 0 is break-even.
 * Worked on integers, rounded up to the cent so the target is met, then converted into the plan's currency.
 */
export function pricePlan(input: PlanPricingInput): PlanPricing {
  const perUnit = input.items.map((item) => {
    const doKinds = Object.entries(meteredKinds).filter(([, m]) => m?.kind === item.resourceKind).map(([k]) => k);
    const cents = doKinds.reduce((a, k) => a + (input.cogsByKind.get(k) ?? 0), 0);
    const isMeasurable = doKinds.length > 0 && input.subscribers > 0 && item.includedQty > 0;
    return { resourceKind: item.resourceKind, includedQty: item.includedQty, cogsPerUnitCents: isMeasurable ? cents / input.subscribers / item.includedQty : null };
  });
  if (input.subscribers <= 0) {
    return { avgCogsPerSubscriber: null, extrasPerSubscriber: null, breakEvenPriceCents: null, targetPriceCents: null, perIncludedUnit: perUnit };
  }
  const subs = BigInt(input.subscribers);
  const extras = BigInt(input.revenue - input.baseRevenue);
  const priceFor = (marginPct: number): number | null => {
    if (input.planRate === null) return null;
    const keep = BigInt(100 - marginPct);
    // p (reporting) = (cogs × 100 − extras × keep) / (subs × keep); in plan currency divide by the rate.
    const numerator = (BigInt(input.cogs) * 100n - extras * keep) * 10n ** BigInt(RATE_SCALE);
    return Number(ceilDiv(numerator, subs * keep * decimalToScaled(input.planRate, RATE_SCALE)));
  };
  return {
    avgCogsPerSubscriber: Math.round(input.cogs / input.subscribers),
    extrasPerSubscriber: Math.round(Number(extras) / input.subscribers),
    breakEvenPriceCents: priceFor(0),
    targetPriceCents: priceFor(Math.min(95, Math.max(0, Math.trunc(input.targetMarginPct)))),
    perIncludedUnit: perUnit,
  };
}
