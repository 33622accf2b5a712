import "server-only";
import { and, desc, lt, or, sql, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CloudSyncRun, cloudSyncRuns, type ResourceKind } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import type { ListSyncRunsQuery, SyncRunItem } from "./schemas";

export function toSyncRunItem(r: CloudSyncRun): SyncRunItem {
  return {
    id: r.id,
    kinds: r.kinds,
    trigger: r.trigger,
    status: r.status,
    seen: r.seen,
    created: r.created,
    updated: r.updated,
    deleted: r.deleted,
    restored: r.restored,
    kind_results: r.kindResults,
    error: r.error,
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
  };
}

/** Sync runs, newest first, keyset-paginated on (started_at, id). */
export async function listSyncRuns(db: DbOrTx, query: ListSyncRunsQuery): Promise<{ data: SyncRunItem[]; next_cursor: string | null }> {
  const where = [];
  if (query.status) where.push(eq(cloudSyncRuns.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, "started_at:desc", { value: "timestamp", id: "uuid" });
    const at = sql`${c.value}::timestamptz`;
    where.push(or(lt(sql`date_trunc('milliseconds', ${cloudSyncRuns.startedAt})`, at), and(eq(sql`date_trunc('milliseconds', ${cloudSyncRuns.startedAt})`, at), lt(cloudSyncRuns.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(cloudSyncRuns)
    .where(and(...where))
    .orderBy(desc(sql`date_trunc('milliseconds', ${cloudSyncRuns.startedAt})`), desc(cloudSyncRuns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toSyncRunItem),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ sort: "started_at:desc", value: last.startedAt.toISOString(), id: last.id }) : null,
  };
}

/** When each kind last had a complete, successful listing. */
export async function lastSuccessfulSyncPerKind(db: DbOrTx): Promise<Partial<Record<ResourceKind, string>>> {
  const result = await db
    .select({ kind: sql<ResourceKind>`k.key`, at: sql<string>`max(${cloudSyncRuns.finishedAt})` })
    .from(sql`${cloudSyncRuns}, jsonb_each(${cloudSyncRuns.kindResults}) as k`)
    .where(sql`k.value->>'status' = 'succeeded'`)
    .groupBy(sql`k.key`);
  return Object.fromEntries(result.map((r) => [r.kind, new Date(r.at).toISOString()]));
}

export async function latestSyncRun(db: DbOrTx): Promise<SyncRunItem | null> {
  const [row] = await db.select().from(cloudSyncRuns).orderBy(desc(cloudSyncRuns.startedAt)).limit(1);
  return row ? toSyncRunItem(row) : null;
}
