import "server-only";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { addMonths } from "@/lib/billing/month";
import { aggregateCosts, type CostGroupRow, type CostGroupsSqlRow, summarizeCostGroups } from "./aggregate-costs";
import type { CostDimension } from "./cost-dimensions";
import { anomalyWindowMonths, type CostAnomalyThresholds } from "./detect-cost-anomaly";
import { type AnomalyDimension, anomalyDimensions, monthCostGroupsSql } from "./month-cost-groups-sql";

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

/** listCostAnomalies for kind, project and tenant from one read of the month's (and its history's) lines. */
export async function listMonthAnomalies(
  db: DbOrTx,
  q: { month: string; tagPrefix: string; thresholds: CostAnomalyThresholds },
): Promise<Map<AnomalyDimension, CostGroupRow[]>> {
  const raw = rowsOf<CostGroupsSqlRow & { dim: AnomalyDimension }>(
    await db.execute(monthCostGroupsSql({ from: addMonths(q.month, -anomalyWindowMonths), to: q.month, tagPrefix: q.tagPrefix })),
  );
  return new Map(
    anomalyDimensions.map((dim) => {
      const { rows } = summarizeCostGroups(
        raw.filter((r) => r.dim === dim),
        { from: q.month, to: q.month, groupBy: dim, thresholds: q.thresholds },
      );
      return [dim, rows.filter((r) => r.isAnomaly)];
    }),
  );
}
