import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { CostGroupRow, CostGroupsResult } from "./aggregate-costs";
import type { CostGroupItem } from "./schemas";

const money = (cents: number | null) => (cents === null ? null : centsToDecimal(cents));

/** The API's items: money as two-decimal strings, months as YYYY-MM, `group2` only when grouping by two dimensions. */
export function toCostGroupItems(result: CostGroupsResult): CostGroupItem[] {
  return result.rows.map((r: CostGroupRow) => ({
    group: r.group,
    group_label: r.groupLabel,
    ...(result.groupBy2 ? { group2: r.group2, group2_label: r.group2Label ?? "" } : {}),
    month: r.period.slice(0, 7),
    amount: centsToDecimal(r.amountCents),
    currency: r.currency,
    share_pct: r.sharePct,
    previous_amount: money(r.previousCents),
    change_pct: r.changePct,
    baseline: money(r.baselineCents),
    anomaly: r.isAnomaly,
  }));
}
