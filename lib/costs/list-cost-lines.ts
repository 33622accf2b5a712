import "server-only";
import { and, asc, eq, getTableColumns, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { ApiError } from "@/lib/http/errors";
import { costLineFilters } from "./cost-line-filters";
import type { CostLinesQuery } from "./schemas";
import { toCostLineItem } from "./to-cost-line-item";

const CURSOR_SORT = "id:asc";

export const costLineColumns = { ...getTableColumns(cloudCostLines), invoiceUuid: cloudInvoices.invoiceUuid };

/**
 * One page of cost lines for the API, in line order (id ascending, which is file order within an invoice). The
 * keyset on (period, [kind,] id) is served by an index, so page 10,000 costs what page 1 does.
 */
export async function listCostLines(db: DbOrTx, query: CostLinesQuery) {
  const where = costLineFilters({
    period: query.period,
    kind: query.kind,
    lineType: query.line_type,
    matched: query.matched,
    resourceId: query.resource_id,
  });
  if (query.cursor) {
    const { id } = decodeCursor(query.cursor, CURSOR_SORT);
    if (!/^\d{1,15}$/.test(id)) {
      throw new ApiError("invalid_request", "cursor is not valid", [{ path: "cursor", code: "custom", message: "malformed cursor" }]);
    }
    where.push(gt(cloudCostLines.id, Number(id)));
  }
  const rows = await db
    .select(costLineColumns)
    .from(cloudCostLines)
    .innerJoin(cloudInvoices, eq(cloudInvoices.id, cloudCostLines.invoiceId))
    .where(and(...where))
    // Leading with the columns the filter fixes orders rows exactly as by id alone, but lets the planner walk the
    // (period, [kind,] id) index instead of the primary key with a filter, which would read every earlier period first.
    .orderBy(
      ...(query.period ? [asc(cloudCostLines.period)] : []),
      ...(query.period && query.kind ? [asc(cloudCostLines.kind)] : []),
      asc(cloudCostLines.id),
    )
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last ? encodeCursor({ sort: CURSOR_SORT, value: null, id: String(last.id) }) : null;
  return { data: page.map(toCostLineItem), next_cursor };
}
