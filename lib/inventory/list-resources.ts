import "server-only";
import { and, asc, desc, eq, getTableColumns, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CloudResource, cloudResources } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { InventorySortField, ListResourcesQuery, ResourceItem } from "./schemas";

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

/**
 * One page of the inventory in a stable order (sort column, then id). `offset` serves the admin page's numbered pages;
 * API callers page with the cursor.
 */
export async function listResources(db: DbOrTx, query: ListResourcesQuery & ResourceFilter & { offset?: number }): Promise<ResourcePage> {
  const sort = sortExpressions[query.sort];
  const sortKey = `${query.sort}:${query.dir}`;
  const where = resourceFilters(query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortKey);
    const value = sort.kind === "time" ? sql`${c.value}::timestamptz` : sql`${c.value}`;
    where.push(
      query.dir === "asc"
        ? sql`(${sort.expr}, ${cloudResources.id}) > (${value}, ${c.id}::uuid)`
        : sql`(${sort.expr}, ${cloudResources.id}) < (${value}, ${c.id}::uuid)`,
    );
  }
  const order = query.dir === "asc" ? [asc(sort.expr), asc(cloudResources.id)] : [desc(sort.expr), desc(cloudResources.id)];
  // Everything but `attrs`: the list never shows it, and it is most of a row's bytes.
  const { attrs: _attrs, ...listColumns } = getTableColumns(cloudResources);
  const rows = await db
    .select(listColumns)
    .from(cloudResources)
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(query.cursor ? 0 : (query.offset ?? 0));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last ? encodeCursor({ sort: sortKey, value: sortValue(last, query.sort), id: last.id }) : null;
  return { data: page.map(toResourceItem), next_cursor };
}

export async function countResources(db: DbOrTx, query: ResourceFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cloudResources)
    .where(and(...resourceFilters(query)));
  return row?.n ?? 0;
}

type ListedResource = Omit<CloudResource, "attrs">;

function sortValue(r: ListedResource, field: InventorySortField): string {
  switch (field) {
    case "name":
      return r.name;
    case "kind":
      return r.kind;
    case "region":
      return r.region ?? "";
    case "status":
      return r.status ?? "";
    case "size_slug":
      return r.sizeSlug ?? "";
    case "last_seen_at":
      return r.lastSeenAt.toISOString();
    case "first_seen_at":
      return r.firstSeenAt.toISOString();
  }
}

export function toResourceItem(r: ListedResource): ResourceItem {
  return {
    id: r.id,
    kind: r.kind,
    provider_id: r.providerId,
    name: r.name,
    region: r.region,
    size_slug: r.sizeSlug,
    status: r.status,
    tags: r.tags,
    monthly_price_cents: r.monthlyPriceCents,
    provider_created_at: r.providerCreatedAt?.toISOString() ?? null,
    first_seen_at: r.firstSeenAt.toISOString(),
    last_seen_at: r.lastSeenAt.toISOString(),
    deleted_at: r.deletedAt?.toISOString() ?? null,
  };
}
