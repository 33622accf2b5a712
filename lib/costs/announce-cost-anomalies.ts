import "server-only";
import type { DbOrTx } from "@/db";
import { roundDiv } from "@/lib/money/round-div";
import type { KeyedEvent } from "@/lib/notifications/record-event-once";
import { recordEventsOnce } from "@/lib/notifications/record-event-once";
import type { CostAnomalyThresholds } from "./detect-cost-anomaly";
import { listMonthAnomalies } from "./list-cost-anomalies";
import { anomalyDimensions } from "./month-cost-groups-sql";

export interface CostAnomalyConfig {
  tagPrefix: string;
  thresholds: CostAnomalyThresholds;
}

/**
 * Announces `cost.anomaly` for every group of `period` (YYYY-MM-01) the anomaly rule flags, by kind, project and
 * tenant, as the explorer flags them. Lines without a project or tenant are left out there: their cost is already
 * judged by kind. Once per (dimension, group, currency, month): a re-ingest of the month, or of the month after,
 * announces nothing already announced. Call it in the transaction that changed the month's lines. Returns the ids
 * of the events written now.
 */
export async function announceCostAnomalies(tx: DbOrTx, period: string, cfg: CostAnomalyConfig): Promise<string[]> {
  const month = period.slice(0, 7);
  const events: KeyedEvent[] = [];
  // The dimensions a month's costs are judged in; a spike shows in its kind, and in its project or tenant when it has one.
  const anomalies = await listMonthAnomalies(tx, { month: period, tagPrefix: cfg.tagPrefix, thresholds: cfg.thresholds });
  for (const dimension of anomalyDimensions) {
    for (const r of anomalies.get(dimension) ?? []) {
      if (r.baselineCents === null || (r.group === null && dimension !== "kind")) continue;
      const increase = r.amountCents - r.baselineCents;
      events.push({
        key: `cost.anomaly:${JSON.stringify([dimension, r.group, r.currency, month])}`,
        type: "cost.anomaly",
        data: {
          dimension,
          group: r.group,
          group_label: r.groupLabel,
          month,
          currency: r.currency,
          amount_cents: r.amountCents,
          baseline_cents: r.baselineCents,
          increase_cents: increase,
          increase_pct: r.baselineCents > 0 ? Number(roundDiv(BigInt(increase) * 10_000n, BigInt(r.baselineCents))) / 100 : null,
        },
      });
    }
  }
  return recordEventsOnce(tx, events);
}
