import "server-only";
import { and, desc, eq, lt, not, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CloudSyncRun, cloudSyncRuns, type ResourceKind, type SyncRunStatus } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { describeAbandoned, isHeartbeatStale, jobHeartbeatTimeoutSeconds } from "@/lib/jobs/heartbeat";
import type { ListSyncRunsQuery, SyncRunItem } from "./schemas";

/** A run still `running` whose heartbeat stopped is shown as abandoned before any sweep records it. */
export function toSyncRunItem(r: CloudSyncRun, timeoutSeconds = jobHeartbeatTimeoutSeconds()): SyncRunItem {
  const abandoned = isHeartbeatStale(r, timeoutSeconds);
  return {
    id: r.id,
    kinds: r.kinds,
    trigger: r.trigger,
    status: abandoned ? "abandoned" : r.status,
    seen: r.seen,
    created: r.created,
    updated: r.updated,
    deleted: r.deleted,
    restored: r.restored,
    kind_results: r.kindResults,
    error: abandoned ? describeAbandoned(r.heartbeatAt, timeoutSeconds) : r.error,
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
  };
}

/** The status as shown: a `running` row whose heartbeat is stale is abandoned, and not running. */
function statusIs(status: SyncRunStatus) {
  const stale = sql`${cloudSyncRuns.heartbeatAt} < now() - make_interval(secs => ${jobHeartbeatTimeoutSeconds()}::double precision)`;
  if (status === "running") return and(eq(cloudSyncRuns.status, "running"), not(stale))!;
  if (status === "abandoned") return or(eq(cloudSyncRuns.status, "abandoned"), and(eq(cloudSyncRuns.status, "running"), stale))!;
  return eq(cloudSyncRuns.status, status);
}

/** Sync runs, newest first, keyset-paginated on (started_at, id). */
export async function listSyncRuns(db: DbOrTx, query: ListSyncRunsQuery): Promise<{ data: SyncRunItem[]; next_cursor: string | null }> {
  const where = [];
  if (query.status) where.push(statusIs(query.status));
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
    data: page.map((r) => toSyncRunItem(r)),
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
