import "server-only";
import { and, asc, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { type CostLineFilter, costLineFilters } from "./cost-line-filters";
import type { ExplorerQuery, ExplorerSortField } from "./explorer-query";
import { costLineItemJson, parseCostLineItem } from "./cost-line-item";
import type { CostLineItem } from "./schemas";

const l = cloudCostLines;

// Nullable columns sort through coalesce so a keyset comparison never meets a NULL; `cast` is how a sort value,
// carried as text between pages, is turned back into the column's type.
const sortColumns: Record<ExplorerSortField, { expr: SQL; cast: SQL }> = {
  line_no: { expr: sql`${l.lineNo}`, cast: sql`integer` },
  product: { expr: sql`${l.product}`, cast: sql`text` },
  description: { expr: sql`${l.description}`, cast: sql`text` },
  kind: { expr: sql`coalesce(${l.kind}, '')`, cast: sql`text` },
  project: { expr: sql`coalesce(${l.projectName}, '')`, cast: sql`text` },
  category: { expr: sql`coalesce(${l.category}, '')`, cast: sql`text` },
  hours: { expr: sql`coalesce(${l.hours}, -1)`, cast: sql`numeric` },
  start: { expr: sql`coalesce(${l.startAt}, '-infinity'::timestamptz)`, cast: sql`timestamptz` },
  amount: { expr: sql`${l.amountCents}`, cast: sql`bigint` },
  match: { expr: sql`${l.matchMethod}`, cast: sql`text` },
};

/** The lines the explorer's URL selects; `tagPrefix` (TENANT_TAG_PREFIX) says whose a resource is, for `tenant`. */
export function explorerFilter(query: ExplorerQuery, tagPrefix?: string): CostLineFilter {
  const { period, kind, project, category, match, q, product, tenant, none } = query;
  return { period, kind, project, category, match, q, product, tenant, none, resourceId: query.resource, tagPrefix };
}

export interface ExplorerPage {
  rows: CostLineItem[];
  /** The sort value of the last row, as text, for keyset continuation (the CSV export). */
  after: { value: string; id: number } | null;
}

/**
 * One page of the explorer in any column's order (then id, so the order is total). Numbered pages use `offset`;
 * the CSV export walks the whole filter with `after` instead, so page 500 is not 500 pages of work.
 */
export async function exploreCostLines(
  db: DbOrTx,
  query: ExplorerQuery,
  page: { limit: number; offset?: number; after?: { value: string; id: number } },
  tagPrefix?: string,
): Promise<ExplorerPage> {
  const sort = sortColumns[query.sort];
  const where = costLineFilters(explorerFilter(query, tagPrefix));
  if (page.after) {
    const value = sql`${page.after.value}::${sort.cast}`;
    where.push(
      query.dir === "asc"
        ? sql`(${sort.expr}, ${l.id}) > (${value}, ${page.after.id})`
        : sql`(${sort.expr}, ${l.id}) < (${value}, ${page.after.id})`,
    );
  }
  const order = query.dir === "asc" ? [asc(sort.expr), asc(l.id)] : [desc(sort.expr), desc(l.id)];
  const rows = await db
    .select({ id: l.id, sortValue: sql<string>`(${sort.expr})::text`, item: costLineItemJson })
    .from(l)
    .innerJoin(cloudInvoices, eq(cloudInvoices.id, l.invoiceId))
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.after ? 0 : (page.offset ?? 0));
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => parseCostLineItem(row.item)),
    after: last ? { value: last.sortValue, id: last.id } : null,
  };
}

export interface ExplorerTotals {
  lineCount: number;
  totalCents: number;
  matchedCount: number;
  matchedCents: number;
}

/** The totals row: every line the filter selects, not just the page shown. */
export async function summarizeCostLines(db: DbOrTx, filter: CostLineFilter): Promise<ExplorerTotals> {
  const [row] = await db
    .select({
      lineCount: sql<number>`count(*)::int`,
      totalCents: sql<number>`coalesce(sum(${l.amountCents}), 0)`.mapWith(Number),
      matchedCount: sql<number>`(count(*) filter (where ${isNotNull(l.resourceId)}))::int`,
      matchedCents: sql<number>`coalesce(sum(${l.amountCents}) filter (where ${isNotNull(l.resourceId)}), 0)`.mapWith(Number),
    })
    .from(l)
    .where(and(...costLineFilters(filter)));
  return row!;
}

export interface ExplorerFacets {
  kinds: string[];
  projects: string[];
  categories: string[];
}

/** What the filter menus offer for a period: only values that occur in it. */
export async function listCostLineFacets(db: DbOrTx, period: string | undefined): Promise<ExplorerFacets> {
  const where = period ? eq(l.period, period) : undefined;
  const distinct = async (column: SQL) => {
    const rows = await db.selectDistinct({ value: sql<string | null>`${column}` }).from(l).where(where).orderBy(sql`1`);
    return rows.map((r) => r.value).filter((v): v is string => Boolean(v));
  };
  const [kinds, projects, categories] = await Promise.all([
    distinct(sql`${l.kind}`),
    distinct(sql`${l.projectName}`),
    distinct(sql`${l.category}`),
  ]);
  return { kinds, projects, categories };
}
