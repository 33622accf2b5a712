import "server-only";
import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { isoTimestamp, jsonObjectText } from "@/db/json";
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

// Nullable text columns sort through coalesce so the keyset comparison never meets a NULL.
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

export function resourceFilters(query: ResourceFilter) {
  const where: SQL[] = [];
  if (query.tag) where.push(sql`${cloudResources.tags} @> array[${query.tag}]::text[]`);
  if (query.kind) where.push(eq(cloudResources.kind, query.kind));
  if (query.region) where.push(eq(cloudResources.region, query.region));
  if (query.status) where.push(eq(cloudResources.status, query.status));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(cloudResources.name, pattern), eq(cloudResources.providerId, query.q))!);
  }
  if (!query.include_deleted) where.push(isNull(cloudResources.deletedAt));
  return where;
}

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
 * The page's SQL: one JSON item per row plus its keyset (sort value as text, id), in a stable order (sort column, then
 * id), one row more than the page to tell whether another follows. `offset` serves the admin page's numbered pages;
 * API callers page with the cursor.
 */
export function resourcePageQuery(db: DbOrTx, query: ListQuery) {
  const sort = sortExpressions[query.sort];
  const where = resourceFilters(query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, `${query.sort}:${query.dir}`);
    const value = sort.kind === "time" ? sql`${c.value}::timestamptz` : sql`${c.value}`;
    where.push(
      query.dir === "asc"
        ? sql`(${sort.expr}, ${cloudResources.id}) > (${value}, ${c.id}::uuid)`
        : sql`(${sort.expr}, ${cloudResources.id}) < (${value}, ${c.id}::uuid)`,
    );
  }
  const order = query.dir === "asc" ? [asc(sort.expr), asc(cloudResources.id)] : [desc(sort.expr), desc(cloudResources.id)];
  const sortValue = sort.kind === "time" ? isoTimestamp(sort.expr) : sql<string>`${sort.expr}`;
  return db
    .select({ id: cloudResources.id, sortValue: sql<string>`${sortValue}`, item: resourceItemJson })
    .from(cloudResources)
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(query.cursor ? 0 : (query.offset ?? 0));
}

/** One page of the inventory as JSON texts: what GET /api/v1/inventory sends. */
export async function listResourcesJson(db: DbOrTx, query: ListQuery): Promise<ResourceJsonPage> {
  const rows = await resourcePageQuery(db, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last ? encodeCursor({ sort: `${query.sort}:${query.dir}`, value: last.sortValue, id: last.id }) : null;
  return { items: page.map((r) => r.item), next_cursor };
}

/** One page of the inventory as objects, for server-rendered pages. */
export async function listResources(db: DbOrTx, query: ListQuery): Promise<ResourcePage> {
  const page = await listResourcesJson(db, query);
  return { data: page.items.map(parseResourceItem), next_cursor: page.next_cursor };
}

export async function countResources(db: DbOrTx, query: ResourceFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cloudResources)
    .where(and(...resourceFilters(query)));
  return row?.n ?? 0;
}
