import type { UrlState } from "@/lib/http/search-params";
import type { CostDimension, NullableCostDimension } from "./cost-dimensions";
import { type ExplorerQuery, explorerUrl } from "./explorer-query";

/**
 * The lines view (`/costs`) filtered to one group's lines of one month: each dimension's value as its filter, a value
 * the lines lack (no project, shared, unmatched) in `none`. Its lines add up to the group's amount.
 */
export function costGroupLinesUrl(
  dims: { groupBy: CostDimension; groupBy2?: CostDimension },
  row: { period: string; group: string | null; group2: string | null },
): UrlState {
  const q: Partial<ExplorerQuery> = { period: row.period, none: [] };
  const pairs: [CostDimension | undefined, string | null][] = [
    [dims.groupBy, row.group],
    [dims.groupBy2, row.group2],
  ];
  for (const [dimension, value] of pairs) {
    if (!dimension) continue;
    if (value === null) q.none!.push(dimension as NullableCostDimension);
    else Object.assign(q, { [dimension]: value });
  }
  return explorerUrl(q);
}
