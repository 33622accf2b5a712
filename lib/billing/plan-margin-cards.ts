import "server-only";
import type { DbOrTx } from "@/db";
import { listCatalogPlans } from "@/lib/catalog/list-catalog-plans";
import { loadFxTable } from "./fx-rates";
import { type MarginReport, marginPlans } from "./get-margin-report";
import { marginPct, missingPairsOf } from "./group-margin";
import { type PlanPricing, pricePlan } from "./plan-pricing";

/** One plan's month on the price-tuning view: cents in the reporting currency unless named "price". */
export interface PlanMarginCard {
  code: string;
  name: string;
  version: number;
  basePriceCents: number;
  currency: string;
  subscribers: number;
  revenue: number | null;
  baseRevenue: number | null;
  cogs: number | null;
  shared: number | null;
  margin: number | null;
  marginPct: number | null;
  missingPairs: string[];
  pricing: PlanPricing | null;
}

/** Every plan on sale with its month's figures and the prices that would break even or meet the target margin. */
export async function loadPlanMarginCards(db: DbOrTx, report: MarginReport, targetMarginPct: number): Promise<PlanMarginCard[]> {
  const [catalog, fx] = await Promise.all([listCatalogPlans(db), loadFxTable(db)]);
  const rows = new Map(marginPlans(report).map((r) => [r.planCode, r]));
  return catalog.map((plan) => {
    const v = plan.active_version;
    const row = rows.get(plan.code);
    const planRate = fx.rateFor(v.currency, report.currency, report.to);
    const missing = [...(row ? missingPairsOf(row) : []), ...(planRate === null ? [`${v.currency}/${report.currency}`] : [])];
    const isMissing = missing.length > 0;
    // Revenue in the reporting currency needs no rate: shown even when COGS or the plan's own price lacks one.
    const hasRevenue = !row?.revenueMissing.length;
    const revenue = row?.revenue ?? 0;
    const cogs = row?.cogs ?? 0;
    return {
      code: plan.code,
      name: plan.name,
      version: v.version,
      basePriceCents: v.base_price_cents,
      currency: v.currency,
      subscribers: row?.subscribers ?? 0,
      revenue: hasRevenue ? revenue : null,
      baseRevenue: hasRevenue ? (row?.baseRevenue ?? 0) : null,
      cogs: isMissing ? null : cogs,
      shared: isMissing ? null : (row?.shared ?? 0),
      margin: isMissing ? null : revenue - cogs,
      marginPct: isMissing ? null : marginPct(revenue, cogs),
      missingPairs: [...new Set(missing)].sort(),
      pricing: isMissing
        ? null
        : pricePlan({
            subscribers: row?.subscribers ?? 0,
            revenue,
            baseRevenue: row?.baseRevenue ?? 0,
            cogs,
            cogsByKind: row?.cogsByKind ?? new Map(),
            targetMarginPct,
            planRate,
            items: v.items.map((i) => ({ resourceKind: i.resource_kind, includedQty: i.included_qty })),
          }),
    };
  });
}
