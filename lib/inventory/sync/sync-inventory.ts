import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { cloudSyncRuns, type JobProgress, type ResourceKind, type SyncKindResult } from "@/db/schema";
import { describeErrorText } from "@/db/describe-error";
import { rematchUnmatchedLines } from "@/lib/costs/match-cost-lines";
import type { DoClient } from "@/lib/digitalocean/client";
import { DoTokenRejectedError } from "@/lib/digitalocean/errors";
import { heartbeatIntervalMs, jobHeartbeatTimeoutSeconds, keepAlive } from "@/lib/jobs/heartbeat";
import type { JobContext, JobResult } from "@/lib/jobs/run-job";
import { recordEvent } from "@/lib/notifications/record-event";
import { applyBatch, type ProjectMap, tombstoneMissing } from "./apply-batch";
import type { NormalizedResource } from "./normalize";
import { isIncompleteListing, syncFailedEvent } from "./sync-events";
import { fetchProjectMap, kindSources, type SpacesSource, syncableKinds } from "./sources";

/** Resources written per transaction: large enough to amortise round trips, small enough to keep memory flat. */
const writeBatchSize = 1000;
/** Batches being written at once, across all kinds; the listing runs ahead of the writes by at most this much. */
const maxWritesInFlight = 2;
/**
 * Batches the listing may run ahead while the project listing (which every write needs) is still under way: the
 * kinds keep listing meanwhile instead of waiting for it, in bounded memory.
 */
const maxBatchesAheadOfProjects = 16;

export interface SyncOptions {
  kinds: readonly ResourceKind[];
  /** Refresh project membership (one extra listing); otherwise resources keep the project they had. */
  refreshProjects: boolean;
  trigger: string;
  /** Spaces, when configured: without it "every kind" leaves Spaces buckets out, and asking for them fails that kind. */
  spaces?: SpacesSource;
}

export class SyncFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncFailedError";
  }
}

/**
 * Syncs the given kinds from DO into cloud_resources and records the run in cloud_sync_runs. The kinds are listed
 * back to back, page by page, while earlier pages are written in batches (a few at a time, across kinds); each kind
 * is finished in the background once its listing is complete: its last batch, then the tombstones, which only a
 * complete listing may set. One kind failing does not stop the others, except a rejected token, which stops all.
 */
export async function syncInventory(db: Db, client: DoClient, opts: SyncOptions, ctx?: Pick<JobContext, "runId" | "reportProgress">): Promise<JobResult> {
  const kinds = opts.kinds.length ? [...opts.kinds] : syncableKinds(opts);
  const [run] = await db
    .insert(cloudSyncRuns)
    .values({ kinds, trigger: opts.trigger, jobRunId: ctx?.runId ?? null })
    .returning({ id: cloudSyncRuns.id });
  // The run's heartbeat moves while this process works on it; a stale one means it died (see markAbandonedRuns).
  const beat = () => db.update(cloudSyncRuns).set({ heartbeatAt: sql`now()` }).where(and(eq(cloudSyncRuns.id, run!.id), eq(cloudSyncRuns.status, "running")));
  const stopHeartbeat = keepAlive(beat, heartbeatIntervalMs(jobHeartbeatTimeoutSeconds()));
  try {
    return await syncKinds(db, client, opts, kinds, { id: run!.id, beat }, ctx);
  } finally {
    stopHeartbeat();
  }
}

async function syncKinds(
  db: Db,
  client: DoClient,
  opts: SyncOptions,
  kinds: ResourceKind[],
  run: { id: string; beat: () => Promise<unknown> },
  ctx: Pick<JobContext, "runId" | "reportProgress"> | undefined,
): Promise<JobResult> {
  const results: Partial<Record<ResourceKind, SyncKindResult>> = {};
  const incomplete = new Set<ResourceKind>();
  let fatal: Error | undefined;
  // Project membership is listed alongside the first kinds and awaited only before the first write.
  let projectsListed = !opts.refreshProjects;
  const projectsPromise: Promise<ProjectMap | undefined> = opts.refreshProjects
    ? fetchProjectMap(client)
        .catch((e: unknown) => {
          // Without a fresh project listing each resource keeps its membership; the listings can still succeed.
          if (e instanceof DoTokenRejectedError) fatal = e;
          return undefined;
        })
        .finally(() => {
          projectsListed = true;
        })
    : Promise.resolve(undefined);
  const writes = new WriteQueue(maxWritesInFlight);
  const writesAhead = () => (projectsListed ? maxWritesInFlight : maxBatchesAheadOfProjects);
  let kindsDone = 0;
  const finishing: Promise<void>[] = [];
  // What the Jobs page and "Sync now" draw: pages and items listed per kind, and which kinds have finished.
  const parts: NonNullable<JobProgress["parts"]> = Object.fromEntries(kinds.map((k) => [k, { pages: 0, items: 0, isDone: false }]));
  const report = (message: string) => ctx?.reportProgress({ done: kindsDone, total: kinds.length, message, parts: structuredClone(parts) });

  for (const kind of kinds) {
    if (fatal) {
      results[kind] = { status: "failed", seen: 0, created: 0, updated: 0, deleted: 0, restored: 0, requests: 0, error: fatal.message };
      kindsDone++;
      continue;
    }
    const result: SyncKindResult = { status: "succeeded", seen: 0, created: 0, updated: 0, deleted: 0, restored: 0, requests: 0 };
    results[kind] = result;
    const fail = (e: unknown) => {
      result.status = "failed";
      result.error ??= describeErrorText(e);
      if (isIncompleteListing(e)) incomplete.add(kind);
      if (e instanceof DoTokenRejectedError) fatal = e;
    };
    const seen: string[] = [];
    const kindWrites: Promise<void>[] = [];
    // Never rejects: a failed batch fails the kind (and so prevents its tombstones) where it happens.
    const write = (items: NormalizedResource[]) =>
      writes
        .add(async () => {
          const projects = await projectsPromise;
          const counts = await writes.slot(() => applyBatch(db, kind, items, projects));
          result.created += counts.created;
          result.updated += counts.updated;
          result.restored += counts.restored;
        })
        .catch(fail);
    let listed = false;
    try {
      let buffer: NormalizedResource[] = [];
      for await (const page of kindSources[kind]({ doClient: client, spaces: opts.spaces })) {
        result.requests++;
        for (const item of page) seen.push(item.providerId);
        result.seen += page.length;
        parts[kind]!.pages++;
        parts[kind]!.items = result.seen;
        buffer.push(...page);
        if (buffer.length >= writeBatchSize) {
          await writes.below(writesAhead()); // back-pressure: never list further ahead than the writes allow
          kindWrites.push(write(buffer));
          buffer = [];
        }
        // Throttled by reportProgress: a page of a fast listing does not cost a write each.
        await report(`${kind}: ${result.seen.toLocaleString("en")} listed`);
      }
      if (buffer.length) {
        await writes.below(writesAhead());
        kindWrites.push(write(buffer));
      }
      listed = true;
    } catch (e) {
      fail(e);
    }
    // Finish this kind while the next one is listed. A failed write fails the kind; only a complete listing whose
    // every batch was written tombstones what it did not see.
    finishing.push(
      Promise.all(kindWrites).then(async () => {
        if (listed && result.status === "succeeded") {
          try {
            result.deleted = await tombstoneMissing(db, kind, seen);
          } catch (e) {
            fail(e);
          }
        }
        kindsDone++;
        parts[kind]!.isDone = true;
        await run.beat().catch(() => {});
        await report(`${kind} done`);
      }),
    );
  }
  await Promise.all(finishing);

  const all = Object.values(results);
  const sum = (k: "seen" | "created" | "updated" | "deleted" | "restored") => all.reduce((a, r) => a + r[k], 0);
  const failed = Object.entries(results).filter(([, r]) => r.status === "failed");
  const error = failed.length ? failed.map(([k, r]) => `${k}: ${r.error}`).join("; ") : null;
  const counts = { seen: sum("seen"), created: sum("created"), updated: sum("updated"), deleted: sum("deleted"), restored: sum("restored") };
  const finishedAt = new Date();
  // A failed run is announced (sync.failed) in the transaction that records it.
  await db.transaction(async (tx) => {
    await tx
      .update(cloudSyncRuns)
      .set({ status: failed.length ? "failed" : "succeeded", ...counts, kindResults: results, error, finishedAt })
      .where(eq(cloudSyncRuns.id, run.id));
    if (failed.length) await recordEvent(tx, syncFailedEvent({ id: run.id, jobRunId: ctx?.runId ?? null, trigger: opts.trigger, kinds, finishedAt }, results, incomplete));
  });
  // Cost lines ingested before these resources were known (an invoice before the first sync) find them now.
  const rematched = counts.created + counts.updated + counts.restored > 0 ? (await rematchUnmatchedLines(db)).matched : 0;
  const summary = `${opts.kinds.length === 0 ? "all kinds" : kinds.join(", ")}: ${counts.seen} seen, ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.restored} restored${rematched ? `; ${rematched} cost line${rematched === 1 ? "" : "s"} matched` : ""}`;
  if (failed.length) {
    throw new SyncFailedError(
      fatal instanceof DoTokenRejectedError ? `DO token rejected: check DO_API_TOKEN (${summary})` : `${failed.length} of ${kinds.length} kinds failed: ${error} (${summary})`,
    );
  }
  return { summary, counts };
}

/** Write batches: at most `size` run at once (`slot`); `below(n)` waits until fewer than n are queued or running. */
class WriteQueue {
  private readonly outstanding = new Set<Promise<void>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  add(task: () => Promise<void>): Promise<void> {
    const p = task();
    const settled = p.then(
      () => {},
      () => {},
    );
    this.outstanding.add(settled);
    void settled.then(() => this.outstanding.delete(settled));
    return p;
  }

  async below(n: number): Promise<void> {
    while (this.outstanding.size >= n) await Promise.race(this.outstanding);
  }

  async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next batch
      else this.running--;
    }
  }
}
