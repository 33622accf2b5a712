import "server-only";
import { and, asc, gt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { cloudCostLines } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { costLineFilters } from "./cost-line-filters";
import { costLineItemJson } from "./cost-line-item";
import type { CostLinesQuery } from "./schemas";

const CURSOR_SORT = "id:asc";

/**
 * One page of cost lines for the API, in line order (id ascending, which is file order within an invoice). The
 * keyset on (period, [kind,] id) is served by an index, so page 10,000 costs what page 1 does.
 *
 * This is the API's hot path, so PostgreSQL writes each item's JSON and the handler sends those texts as they are:
 * mapping rows through the ORM's column decoders, Dates and JSON.stringify cost more CPU than the query.
 */
export async function listCostLines(db: DbOrTx, query: CostLinesQuery): Promise<{ items: string[]; next_cursor: string | null }> {
  const rows = rowsOf<{ id: string; item: string }>(await db.execute(costLinesPageSql(query)));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor = rows.length > query.limit && last ? encodeCursor({ sort: CURSOR_SORT, value: null, id: last.id }) : null;
  return { items: page.map((r) => r.item), next_cursor };
}

/** The one statement behind a page (exported so the benchmark runs exactly this SQL straight through the driver). */
export function costLinesPageSql(query: CostLinesQuery): SQL {
  const where = costLineFilters({
    period: query.period,
    kind: query.kind,
    lineType: query.line_type,
    matched: query.matched,
    resourceId: query.resource_id,
  });
  if (query.cursor) {
    const { id } = decodeCursor(query.cursor, CURSOR_SORT, { value: "null", id: "integer" });
    where.push(gt(cloudCostLines.id, Number(id)));
  }
  // Leading with the columns the filter fixes orders rows exactly as by id alone, but lets the planner walk the
  // (period, [kind,] id) index instead of the primary key with a filter, which would read every earlier period first.
  const order = [
    ...(query.period ? [asc(cloudCostLines.period)] : []),
    ...(query.period && query.kind ? [asc(cloudCostLines.kind)] : []),
    asc(cloudCostLines.id),
  ];
  return sql`
      select cloud_cost_lines.id::text as id, ${costLineItemJson} as item
      from cloud_cost_lines
      join cloud_invoices on cloud_invoices.id = cloud_cost_lines.invoice_id
      ${where.length ? sql`where ${and(...where)}` : sql``}
      order by ${sql.join(order, sql`, `)}
      limit ${query.limit + 1}
    `;
}
