import "server-only";
import { and, asc, gt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { cloudCostLines } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { ApiError } from "@/lib/http/errors";
import { costLineFilters } from "./cost-line-filters";
import { formatAmount } from "./format-amount";
import type { CostLineItem, CostLinesQuery } from "./schemas";
import { trimHours } from "./to-cost-line-item";

const CURSOR_SORT = "id:asc";
const ISO_UTC = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

type RawLine = Omit<CostLineItem, "amount" | "line_no"> & { amount_cents: string; line_no: number | string };

/**
 * One page of cost lines for the API, in line order (id ascending, which is file order within an invoice). The
 * keyset on (period, [kind,] id) is served by an index, so page 10,000 costs what page 1 does.
 *
 * This is the API's hot path, so PostgreSQL writes the text fields (ids, dates, numerics) itself and rows come back as
 * plain values: mapping them through the ORM's column decoders and Date objects cost more CPU than the query.
 */
export async function listCostLines(db: DbOrTx, query: CostLinesQuery) {
  const rows = rowsOf<RawLine>(await db.execute(costLinesPageSql(query)));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor = rows.length > query.limit && last ? encodeCursor({ sort: CURSOR_SORT, value: null, id: last.id }) : null;
  return { data: page.map(toItem), next_cursor };
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
    const { id } = decodeCursor(query.cursor, CURSOR_SORT);
    if (!/^\d{1,15}$/.test(id)) {
      throw new ApiError("invalid_request", "cursor is not valid", [{ path: "cursor", code: "custom", message: "malformed cursor" }]);
    }
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
      select cloud_cost_lines.id::text as id, cloud_invoices.invoice_uuid, cloud_cost_lines.period::text as period,
        cloud_cost_lines.line_no, cloud_cost_lines.product, cloud_cost_lines.group_description, cloud_cost_lines.description,
        cloud_cost_lines.hours::text as hours,
        to_char(cloud_cost_lines.start_at at time zone 'UTC', ${ISO_UTC}) as start,
        to_char(cloud_cost_lines.end_at at time zone 'UTC', ${ISO_UTC}) as "end",
        cloud_cost_lines.amount_cents::text as amount_cents, cloud_cost_lines.project_name, cloud_cost_lines.category,
        cloud_cost_lines.line_type, cloud_cost_lines.kind, cloud_cost_lines.name,
        cloud_cost_lines.resource_id::text as resource_id, cloud_cost_lines.match_method
      from cloud_cost_lines
      join cloud_invoices on cloud_invoices.id = cloud_cost_lines.invoice_id
      ${where.length ? sql`where ${and(...where)}` : sql``}
      order by ${sql.join(order, sql`, `)}
      limit ${query.limit + 1}
    `;
}

function toItem(row: RawLine): CostLineItem {
  return {
    id: row.id,
    invoice_uuid: row.invoice_uuid,
    period: row.period,
    line_no: Number(row.line_no),
    product: row.product,
    group_description: row.group_description,
    description: row.description,
    hours: row.hours === null ? null : trimHours(row.hours),
    start: row.start,
    end: row.end,
    amount: formatAmount(Number(row.amount_cents)),
    project_name: row.project_name,
    category: row.category,
    line_type: row.line_type,
    kind: row.kind,
    name: row.name,
    resource_id: row.resource_id,
    match_method: row.match_method,
  };
}
