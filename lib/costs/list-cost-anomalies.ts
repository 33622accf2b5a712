import "server-only";
import type { DbOrTx } from "@/db";
import { aggregateCosts, type CostGroupRow } from "./aggregate-costs";
import type { CostDimension } from "./cost-dimensions";
import type { CostAnomalyThresholds } from "./detect-cost-anomaly";

/**
 * The groups whose cost in `month` the anomaly rule (detect-cost-anomaly.ts) flags: what a `cost.anomaly`
 * notification is about. The same aggregation the explorer and GET /api/v1/billing/costs show, for one month.
 */
export async function listCostAnomalies(
  db: DbOrTx,
  q: { month: string; groupBy: CostDimension; groupBy2?: CostDimension; tagPrefix: string; thresholds: CostAnomalyThresholds },
): Promise<CostGroupRow[]> {
  const { rows } = await aggregateCosts(db, { from: q.month, to: q.month, groupBy: q.groupBy, groupBy2: q.groupBy2, tagPrefix: q.tagPrefix, thresholds: q.thresholds });
  return rows.filter((r) => r.isAnomaly);
}
