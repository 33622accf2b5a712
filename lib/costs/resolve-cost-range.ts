import "server-only";
import { max } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudCostLines } from "@/db/schema";
import { addMonths, currentPeriod, listPeriods } from "@/lib/billing/month";
import { ApiError } from "@/lib/http/errors";
import { maxCostMonths } from "./schemas";

/** The latest month with cost lines, `YYYY-MM-01`, or null before the first ingest. */
export async function getLatestCostPeriod(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ period: max(cloudCostLines.period) }).from(cloudCostLines);
  return row?.period ?? null;
}

/**
 * A grouped query's months: `to` defaults to the latest month with cost lines (else the current one, and never before
 * `from`), `from` to 11 months before `to`; at most `maxCostMonths` months.
 */
export function resolveCostRange(q: { from?: string; to?: string }, latest: string | null, now = new Date()): { from: string; to: string } {
  const fallback = latest ?? currentPeriod(now);
  const to = q.to ?? (q.from && q.from > fallback ? q.from : fallback);
  const from = q.from ?? addMonths(to, -11);
  if (from > to) throw new ApiError("invalid_request", "from must not be after to", [{ path: "from", code: "custom", message: "after to" }]);
  if (listPeriods(from, to).length > maxCostMonths) {
    throw new ApiError("invalid_request", `At most ${maxCostMonths} months at a time`, [{ path: "from", code: "custom", message: "range too long" }]);
  }
  return { from, to };
}
