import "server-only";
import type { DbOrTx } from "@/db";
import { getMarginTarget } from "./margin-target";

/** What the plans view prices for when no target margin is stored; the page says it is a fallback. */
export const FALLBACK_PLAN_TARGET_PCT = 60;

/** The margins a base price can be asked to meet (pricePlan's range): a negative target is break-even at most. */
const minPct = 0;
const maxPct = 95;

export interface PlanPriceTarget {
  /** The margin the prices meet, percent to the tenth. */
  pct: number;
  /** Where it came from: the URL's what-if, the admin's stored target, or the fallback when none is stored. */
  source: "what_if" | "stored" | "fallback";
  /** The stored target as set (it may lie outside what a price can meet), null when none is. */
  stored: number | null;
}

/**
 * The target margin the plans view prices for: the one stored on /settings/notifications, which margin.below_target
 * judges by too, unless the URL asks for a what-if.
 */
export async function getPlanPriceTarget(db: DbOrTx, whatIf: number | undefined): Promise<PlanPriceTarget> {
  const stored = await getMarginTarget(db);
  if (whatIf !== undefined) return { pct: whatIf, source: "what_if", stored };
  if (stored === null) return { pct: FALLBACK_PLAN_TARGET_PCT, source: "fallback", stored };
  return { pct: Math.min(maxPct, Math.max(minPct, stored)), source: "stored", stored };
}
