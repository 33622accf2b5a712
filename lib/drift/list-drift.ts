import "server-only";
import { and, count, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudDrift, cloudResources } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { DriftItem, ListDriftQuery } from "./schemas";
import { toDriftItem } from "./to-dto";

export type DriftFilter = Pick<ListDriftQuery, "status" | "kind" | "field" | "resource">;

export interface DriftPage {
  data: DriftItem[];
  next_cursor: string | null;
}

const resourceColumns = {
  name: cloudResources.name,
  kind: cloudResources.kind,
  region: cloudResources.region,
  providerId: cloudResources.providerId,
  deletedAt: cloudResources.deletedAt,
};

function driftFilters(query: DriftFilter): SQL[] {
  const where: SQL[] = [];
  if (query.status === "resolved") where.push(ne(cloudDrift.status, "open"));
  else where.push(eq(cloudDrift.status, query.status));
  if (query.kind) where.push(eq(cloudResources.kind, query.kind));
  if (query.field) where.push(eq(cloudDrift.field, query.field));
  if (query.resource) where.push(eq(cloudDrift.resourceId, query.resource));
  return where;
}

/**
 * One page of drift, newest first: open drift by when it was detected (the inbox), resolved drift by when it was
 * resolved (the history). Timestamps sort at millisecond precision, what the cursor can carry back.
 */
export async function listDrift(db: DbOrTx, query: DriftFilter & Pick<ListDriftQuery, "limit" | "cursor">): Promise<DriftPage> {
  const isOpen = query.status === "open";
  const sortKey = isOpen ? "detected_at:desc" : "resolved_at:desc";
  const sortExpr = isOpen ? sql`date_trunc('milliseconds', ${cloudDrift.detectedAt})` : sql`date_trunc('milliseconds', ${cloudDrift.resolvedAt})`;
  const where = driftFilters(query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortKey, { value: "timestamp", id: "uuid" });
    where.push(sql`(${sortExpr}, ${cloudDrift.id}) < (${c.value}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({
      drift: cloudDrift,
      resource: resourceColumns,
    })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .where(and(...where))
    .orderBy(desc(sortExpr), desc(cloudDrift.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const lastAt = last ? (isOpen ? last.drift.detectedAt : last.drift.resolvedAt) : null;
  const next_cursor =
    rows.length > query.limit && last && lastAt ? encodeCursor({ sort: sortKey, value: lastAt.toISOString(), id: last.drift.id }) : null;
  return { data: page.map((r) => toDriftItem(r.drift, r.resource)), next_cursor };
}

export async function countDrift(db: DbOrTx, query: DriftFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .where(and(...driftFilters(query)));
  return row?.n ?? 0;
}

/** The navigation badge: every open drift, unfiltered. */
export async function countOpenDrift(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cloudDrift).where(eq(cloudDrift.status, "open"));
  return row?.n ?? 0;
}

/** The fields that have drifted, for the inbox's field filter. */
export async function listDriftFields(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ field: cloudDrift.field }).from(cloudDrift).orderBy(cloudDrift.field).limit(200);
  return rows.map((r) => r.field);
}

/** Every drift of one resource, open and resolved, newest detection first: the resource page's history. */
export async function listResourceDrift(db: DbOrTx, resourceId: string, limit = 50): Promise<DriftItem[]> {
  const rows = await db
    .select({
      drift: cloudDrift,
      resource: resourceColumns,
    })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .where(eq(cloudDrift.resourceId, resourceId))
    .orderBy(desc(cloudDrift.detectedAt), desc(cloudDrift.id))
    .limit(limit);
  return rows.map((r) => toDriftItem(r.drift, r.resource));
}
