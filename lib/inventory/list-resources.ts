import "server-only";
import { and, asc, desc, eq, fillPlaceholders, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { isoTimestamp, jsonObjectText } from "@/db/json";
import { containsPattern } from "@/db/like";
import { preparedFor } from "@/db/prepared";
import { cloudResources } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { InventorySortField, ListResourcesQuery, ResourceItem } from "./schemas";

/** A resource as the API shows it (`ResourceItem`), built by PostgreSQL; the list and the resource page share it. */
export const resourceItemJson = jsonObjectText({
  id: cloudResources.id,
  kind: cloudResources.kind,
  provider_id: cloudResources.providerId,
  name: cloudResources.name,
  region: cloudResources.region,
  size_slug: cloudResources.sizeSlug,
  status: cloudResources.status,
  tags: cloudResources.tags,
  monthly_price_cents: cloudResources.monthlyPriceCents,
  provider_created_at: isoTimestamp(cloudResources.providerCreatedAt),
  first_seen_at: isoTimestamp(cloudResources.firstSeenAt),
  last_seen_at: isoTimestamp(cloudResources.lastSeenAt),
  deleted_at: isoTimestamp(cloudResources.deletedAt),
});

export function parseResourceItem(json: string): ResourceItem {
  return JSON.parse(json) as ResourceItem;
}

// Nullable text columns sort through coalesce so the keyset comparison never meets a NULL. Each sort field is also an
// item key: the next cursor is read from the page's last item (as its ISO text, for timestamps).
const sortExpressions: Record<InventorySortField, { expr: SQL; kind: "text" | "time" }> = {
  name: { expr: sql`${cloudResources.name}`, kind: "text" },
  kind: { expr: sql`${cloudResources.kind}`, kind: "text" },
  region: { expr: sql`coalesce(${cloudResources.region}, '')`, kind: "text" },
  status: { expr: sql`coalesce(${cloudResources.status}, '')`, kind: "text" },
  size_slug: { expr: sql`coalesce(${cloudResources.sizeSlug}, '')`, kind: "text" },
  // Timestamps sort at millisecond precision: that is what a JS Date in the cursor can carry back.
  last_seen_at: { expr: sql`date_trunc('milliseconds', ${cloudResources.lastSeenAt})`, kind: "time" },
  first_seen_at: { expr: sql`date_trunc('milliseconds', ${cloudResources.firstSeenAt})`, kind: "time" },
};

export type ResourceFilter = Pick<ListResourcesQuery, "kind" | "region" | "status" | "q" | "include_deleted"> & {
  /** Restricts to resources carrying this tag: a tenant sees only what is tagged as theirs. */
  tag?: string;
};

export interface ResourcePage {
  data: ResourceItem[];
  next_cursor: string | null;
}

/** A page whose items are JSON texts, ready to be spliced into a response. */
export interface ResourceJsonPage {
  items: string[];
  next_cursor: string | null;
}

type ListQuery = ListResourcesQuery & ResourceFilter & { offset?: number };

/**
 * What a query's SQL depends on: which filters it has, its order, whether it continues from a cursor. Every value is
 * a placeholder, so one prepared query serves all requests of a shape (see `db/prepared.ts`).
 */
type FilterShape = Record<"tag" | "kind" | "region" | "status" | "q" | "includeDeleted", boolean>;
type PageShape = FilterShape & Pick<ListQuery, "sort" | "dir"> & { cursor: boolean };

const filterShape = (query: ResourceFilter): FilterShape => ({
  tag: Boolean(query.tag),
  kind: Boolean(query.kind),
  region: Boolean(query.region),
  status: Boolean(query.status),
  q: Boolean(query.q),
  includeDeleted: Boolean(query.include_deleted),
});

const shapeKey = (shape: FilterShape | PageShape) => JSON.stringify(shape);

const placeholder = sql.placeholder;

function filterSql(shape: FilterShape): SQL[] {
  const where: SQL[] = [];
  if (shape.tag) where.push(sql`${cloudResources.tags} @> array[${placeholder("tag")}]::text[]`);
  if (shape.kind) where.push(eq(cloudResources.kind, placeholder("kind")));
  if (shape.region) where.push(eq(cloudResources.region, placeholder("region")));
  if (shape.status) where.push(eq(cloudResources.status, placeholder("status")));
  if (shape.q) where.push(or(ilike(cloudResources.name, placeholder("pattern")), eq(cloudResources.providerId, placeholder("q")))!);
  if (!shape.includeDeleted) where.push(isNull(cloudResources.deletedAt));
  return where;
}

/** The placeholders' values for `query`'s filters. */
function filterValues(query: ResourceFilter): Record<string, unknown> {
  return {
    tag: query.tag,
    kind: query.kind,
    region: query.region,
    status: query.status,
    q: query.q,
    pattern: query.q ? containsPattern(query.q) : undefined,
  };
}

/**
 * A page's SQL: one JSON item per row, in a stable order (sort column, then id), one row more than the page to tell
 * whether another follows. `offset` serves the admin page's numbered pages;
 * API callers page with the cursor.
 */
function pageQuery(db: DbOrTx, shape: PageShape) {
  const sort = sortExpressions[shape.sort];
  const where = filterSql(shape);
  if (shape.cursor) {
    const value = sort.kind === "time" ? sql`${placeholder("cursorValue")}::timestamptz` : sql`${placeholder("cursorValue")}`;
    const after = sql`(${sort.expr}, ${cloudResources.id}) ${sql.raw(shape.dir === "asc" ? ">" : "<")} (${value}, ${placeholder("cursorId")}::uuid)`;
    where.push(after);
  }
  const order = shape.dir === "asc" ? [asc(sort.expr), asc(cloudResources.id)] : [desc(sort.expr), desc(cloudResources.id)];
  return db
    .select({ item: resourceItemJson })
    .from(cloudResources)
    .where(and(...where))
    .orderBy(...order)
    .limit(placeholder("limit"))
    .offset(placeholder("offset"));
}

function pageShapeOf(query: ListQuery): PageShape {
  return { ...filterShape(query), sort: query.sort, dir: query.dir, cursor: Boolean(query.cursor) };
}

function pageValues(query: ListQuery): Record<string, unknown> {
  const values: Record<string, unknown> = { ...filterValues(query), limit: query.limit + 1, offset: query.cursor ? 0 : (query.offset ?? 0) };
  if (query.cursor) {
    const c = decodeCursor(query.cursor, `${query.sort}:${query.dir}`, { value: sortExpressions[query.sort].kind === "time" ? "timestamp" : "text", id: "uuid" });
    values.cursorValue = c.value;
    values.cursorId = c.id;
  }
  return values;
}

/** The SQL text and parameters a page request runs, as the driver receives them (benchmarks run it directly). */
export function resourcePageSql(db: DbOrTx, query: ListQuery): { sql: string; params: unknown[] } {
  const rendered = pageQuery(db, pageShapeOf(query)).toSQL();
  return { sql: rendered.sql, params: fillPlaceholders(rendered.params, pageValues(query)) };
}

/** One page of the inventory as JSON texts: what GET /api/v1/inventory sends. */
export async function listResourcesJson(db: DbOrTx, query: ListQuery): Promise<ResourceJsonPage> {
  const values = pageValues(query); // decodes the cursor first: a bad one is a 400 before any SQL
  const shape = pageShapeOf(query);
  const prepared = preparedFor(db, `inventory-page:${shapeKey(shape)}`, (name) => pageQuery(db, shape).prepare(name));
  const rows = await prepared.execute(values);
  const items = rows.slice(0, query.limit).map((r) => r.item);
  if (rows.length <= query.limit) return { items, next_cursor: null };
  const last = parseResourceItem(items.at(-1)!);
  return { items, next_cursor: encodeCursor({ sort: `${query.sort}:${query.dir}`, value: last[query.sort] ?? "", id: last.id }) };
}

/** One page of the inventory as objects, for server-rendered pages. */
export async function listResources(db: DbOrTx, query: ListQuery): Promise<ResourcePage> {
  const page = await listResourcesJson(db, query);
  return { data: page.items.map(parseResourceItem), next_cursor: page.next_cursor };
}

export async function countResources(db: DbOrTx, query: ResourceFilter): Promise<number> {
  const shape = filterShape(query);
  const prepared = preparedFor(db, `inventory-count:${shapeKey(shape)}`, (name) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cloudResources)
      .where(and(...filterSql(shape)))
      .prepare(name),
  );
  const [row] = await prepared.execute(filterValues(query));
  return row?.n ?? 0;
}
