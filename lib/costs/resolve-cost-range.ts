import "server-only";
import { max, min } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudCostLines } from "@/db/schema";
import { addMonths, currentPeriod, listPeriods } from "@/lib/billing/month";
import { ApiError } from "@/lib/http/errors";
import { maxCostMonths } from "./schemas";

export interface CostPeriodBounds {
  earliest: string;
  latest: string;
}

/** The first and the latest month with cost lines, `YYYY-MM-01`, or null before the first ingest. */
export async function getCostPeriodBounds(db: DbOrTx): Promise<CostPeriodBounds | null> {
  const [row] = await db.select({ earliest: min(cloudCostLines.period), latest: max(cloudCostLines.period) }).from(cloudCostLines);
  return row?.earliest && row.latest ? { earliest: row.earliest, latest: row.latest } : null;
}

/**
 * A grouped query's months: `to` defaults to the latest month with cost lines (else the current one, and never before
 * `from`), `from` to 11 months before `to` but not before the first month with lines; at most `maxCostMonths` months.
 */
export function resolveCostRange(q: { from?: string; to?: string }, bounds: CostPeriodBounds | null, now = new Date()): { from: string; to: string } {
  const fallback = bounds?.latest ?? currentPeriod(now);
  const to = q.to ?? (q.from && q.from > fallback ? q.from : fallback);
  const yearBefore = addMonths(to, -11);
  const from = q.from ?? (bounds && bounds.earliest > yearBefore && bounds.earliest <= to ? bounds.earliest : yearBefore);
  if (from > to) throw new ApiError("invalid_request", "from must not be after to", [{ path: "from", code: "custom", message: "after to" }]);
  if (listPeriods(from, to).length > maxCostMonths) {
    throw new ApiError("invalid_request", `At most ${maxCostMonths} months at a time`, [{ path: "from", code: "custom", message: "range too long" }]);
  }
  return { from, to };
}
