import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planVersions, plans } from "@/db/schema/catalog";
import { itemsByVersion } from "@/lib/catalog/versions";
import { loadFxTable } from "./fx-rates";
import { type MarginReport, marginPlans } from "./get-margin-report";
import { marginPct, missingPairsOf } from "./group-margin";
import { addMonths, monthStart } from "./month";
import { type PlanPricing, pricePlan } from "./plan-pricing";

/** Why a card offers no price: the month has no invoice (no per-resource COGS), no subscriber, or a missing rate. */
export type NoPriceReason = "no_invoice" | "no_subscribers" | "missing_rate";

/** One plan's month on the price-tuning view: cents in the reporting currency unless named "price". */
export interface PlanMarginCard {
  code: string;
  name: string;
  /** The version on sale at the month's end (or now, for the month under way), and its price. */
  version: number;
  basePriceCents: number;
  currency: string;
  /** Whether the month is over: a past month names the version that was on sale then. */
  isPast: boolean;
  /**
   * No version was on sale yet in the month (a catalog loaded after its subscriptions began): the card shows the
   * plan's first version, which its subscribers were billed on, and says it was published later.
   */
  publishedAfterMonth: boolean;
  publishedAt: string | null;
  subscribers: number;
  revenue: number | null;
  baseRevenue: number | null;
  cogs: number | null;
  shared: number | null;
  margin: number | null;
  marginPct: number | null;
  missingPairs: string[];
  pricing: PlanPricing | null;
  noPriceReason: NoPriceReason | null;
}

/**
 * The version of each plan on sale at `at`: published before it and not retired by then. Plans in `billedPlanCodes`
 * with no version on sale yet (subscriptions older than the catalog) get their first published version instead.
 */
async function listVersionsOnSale(db: DbOrTx, at: Date, billedPlanCodes: Set<string>) {
  const columns = { code: plans.code, name: plans.name, version: planVersions };
  const onSale = await db
    .select(columns)
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(and(ne(planVersions.status, "draft"), lt(planVersions.publishedAt, at), or(isNull(planVersions.retiredAt), gte(planVersions.retiredAt, at))))
    .orderBy(asc(planVersions.basePriceCents), asc(plans.code));
  const missing = [...billedPlanCodes].filter((c) => !onSale.some((r) => r.code === c));
  const firsts = missing.length
    ? await db
        .selectDistinctOn([plans.code], columns)
        .from(planVersions)
        .innerJoin(plans, eq(plans.id, planVersions.planId))
        .where(and(ne(planVersions.status, "draft"), inArray(plans.code, missing)))
        .orderBy(asc(plans.code), asc(planVersions.publishedAt))
    : [];
  const rows = [...onSale.map((r) => ({ ...r, publishedAfterMonth: false })), ...firsts.map((r) => ({ ...r, publishedAfterMonth: true }))];
  rows.sort((a, b) => a.version.basePriceCents - b.version.basePriceCents || a.code.localeCompare(b.code));
  const items = await itemsByVersion(db, rows.map((r) => r.version.id));
  return rows.map((r) => ({ ...r, items: items.get(r.version.id) ?? [] }));
}

/**
 * Every plan on sale in the report's month, with the version on sale then, the month's figures, and the base prices
 * that would break even or meet the target margin: from the COGS of the plan's own subscriber tenants (their tagged
 * resources; shared cost only when the report allocates it), as the average, median and p90 subscriber. No price is
 * offered from a month without an invoice: DO's month-to-date figure says nothing about whose resources cost what.
 */
export async function loadPlanMarginCards(db: DbOrTx, report: MarginReport, targetMarginPct: number, now = new Date()): Promise<PlanMarginCard[]> {
  const monthEnd = monthStart(addMonths(report.to, 1));
  const isPast = monthEnd <= now;
  const rows = new Map(marginPlans(report).map((r) => [r.planCode, r]));
  const billed = new Set([...rows.values()].flatMap((r) => (r.planCode && r.subscribers > 0 ? [r.planCode] : [])));
  const [onSale, fx] = await Promise.all([listVersionsOnSale(db, isPast ? monthEnd : now, billed), loadFxTable(db)]);
  const period = report.periods.at(-1)!;
  return onSale.map(({ code, name, version: v, items, publishedAfterMonth }) => {
    const row = rows.get(code);
    const planRate = fx.rateFor(v.currency, report.currency, report.to);
    const missing = [...(row ? missingPairsOf(row) : []), ...(planRate === null ? [`${v.currency}/${report.currency}`] : [])];
    const isMissing = missing.length > 0;
    const hasCogs = !isMissing && !row?.cogsUnknown && (row !== undefined || period.hasCogs);
    // Revenue in the reporting currency needs no rate: shown even when COGS or the plan's own price lacks one.
    const hasRevenue = !row?.revenueMissing.length;
    const revenue = row?.revenue ?? 0;
    const cogs = row?.cogs ?? 0;
    const tenants = [...period.tenants.values()].filter((t) => t.isBilled && t.planCode === code);
    const cogsByKind = new Map<string, number>();
    for (const t of tenants) {
      for (const [k, c] of t.cogsByKind) cogsByKind.set(k, (cogsByKind.get(k) ?? 0) + c);
      if (t.allocated) cogsByKind.set("shared", (cogsByKind.get("shared") ?? 0) + t.allocated);
    }
    const noPriceReason: NoPriceReason | null = !period.isInvoiced ? "no_invoice" : isMissing ? "missing_rate" : tenants.length === 0 ? "no_subscribers" : null;
    return {
      code,
      name,
      version: v.version,
      basePriceCents: v.basePriceCents,
      currency: v.currency,
      isPast,
      publishedAfterMonth,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      subscribers: row?.subscribers ?? 0,
      revenue: hasRevenue ? revenue : null,
      baseRevenue: hasRevenue ? (row?.baseRevenue ?? 0) : null,
      cogs: hasCogs ? cogs : null,
      shared: hasCogs ? (row?.shared ?? 0) : null,
      margin: hasCogs && hasRevenue ? revenue - cogs : null,
      marginPct: hasCogs && hasRevenue ? marginPct(revenue, cogs) : null,
      missingPairs: [...new Set(missing)].sort(),
      noPriceReason,
      pricing:
        noPriceReason === "no_invoice" || isMissing
          ? null
          : pricePlan({
              subscribers: tenants.map((t) => {
                const own = t.revenueByPlan.get(code);
                return { cogs: t.cogs + t.allocated, extras: own ? own.total - own.base : 0 };
              }),
              cogsByKind,
              targetMarginPct,
              planRate,
              items: items.map((i) => ({ resourceKind: i.resourceKind, includedQty: i.includedQty })),
            }),
    };
  });
}
