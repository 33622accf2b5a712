import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { cloudSyncRuns, type ResourceKind, resourceKinds, type SyncKindResult } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { DoTokenRejectedError } from "@/lib/digitalocean/errors";
import type { JobContext, JobResult } from "@/lib/jobs/run-job";
import { applyBatch, type ProjectMap, tombstoneMissing } from "./apply-batch";
import type { NormalisedResource } from "./normalise";
import { fetchProjectMap, kindSources } from "./sources";

/** Resources written per transaction: large enough to amortise round trips, small enough to keep memory flat. */
const writeBatchSize = 1000;
const maxWritesInFlight = 2;

export interface SyncOptions {
  kinds: readonly ResourceKind[];
  /** Refresh project membership (one extra listing); otherwise resources keep the project they had. */
  refreshProjects: boolean;
  trigger: string;
}

export class SyncFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncFailedError";
  }
}

/**
 * Syncs the given kinds from DO into cloud_resources and records the run in cloud_sync_runs. Each kind is listed in
 * full, page by page (the next page is fetched while the current one is written), and only a complete listing
 * tombstones what it did not see. One kind failing does not stop the others, except a rejected token, which stops all.
 */
export async function syncInventory(db: Db, client: DoClient, opts: SyncOptions, ctx?: Pick<JobContext, "runId" | "reportProgress">): Promise<JobResult> {
  const kinds = opts.kinds.length ? [...opts.kinds] : [...resourceKinds];
  const [run] = await db
    .insert(cloudSyncRuns)
    .values({ kinds, trigger: opts.trigger, jobRunId: ctx?.runId ?? null })
    .returning({ id: cloudSyncRuns.id });
  const results: Partial<Record<ResourceKind, SyncKindResult>> = {};
  let fatal: Error | undefined;
  // Project membership is listed alongside the first kinds and awaited only before the first write.
  const projectsPromise: Promise<ProjectMap | undefined> = opts.refreshProjects
    ? fetchProjectMap(client).catch((e: unknown) => {
        // Without a fresh project listing each resource keeps its membership; the listings can still succeed.
        if (e instanceof DoTokenRejectedError) fatal = e;
        return undefined;
      })
    : Promise.resolve(undefined);

  for (const [i, kind] of kinds.entries()) {
    if (fatal) {
      results[kind] = { status: "failed", seen: 0, created: 0, updated: 0, deleted: 0, restored: 0, requests: 0, error: fatal.message };
      continue;
    }
    const result: SyncKindResult = { status: "succeeded", seen: 0, created: 0, updated: 0, deleted: 0, restored: 0, requests: 0 };
    const seen: string[] = [];
    try {
      // Pages are written in batches while the next pages are fetched, with up to two batches in flight
      // (they touch different resources, so their order does not matter).
      const inFlight = new Set<Promise<void>>();
      let buffer: NormalisedResource[] = [];
      const write = async (items: NormalisedResource[]) => {
        const counts = await applyBatch(db, kind, items, await projectsPromise);
        result.created += counts.created;
        result.updated += counts.updated;
        result.restored += counts.restored;
        await ctx?.reportProgress({ done: i, total: kinds.length, message: `${kind}: ${result.seen.toLocaleString("en")} listed` });
      };
      for await (const page of kindSources[kind](client)) {
        result.requests++;
        for (const item of page) seen.push(item.providerId);
        result.seen += page.length;
        buffer.push(...page);
        if (buffer.length >= writeBatchSize) {
          if (inFlight.size >= maxWritesInFlight) await Promise.race(inFlight);
          const pending = write(buffer);
          buffer = [];
          inFlight.add(pending);
          pending.then(
            () => inFlight.delete(pending),
            () => {}, // kept in the set; Promise.all below rethrows it
          );
        }
      }
      await Promise.all(inFlight);
      if (buffer.length) await write(buffer);
      result.deleted = await tombstoneMissing(db, kind, seen);
    } catch (e) {
      result.status = "failed";
      result.error = e instanceof Error ? e.message : String(e);
      if (e instanceof DoTokenRejectedError) fatal = e;
    }
    results[kind] = result;
    await ctx?.reportProgress({ done: i + 1, total: kinds.length, message: `${kind} done` });
  }

  const all = Object.values(results);
  const sum = (k: "seen" | "created" | "updated" | "deleted" | "restored") => all.reduce((a, r) => a + r[k], 0);
  const failed = Object.entries(results).filter(([, r]) => r.status === "failed");
  const error = failed.length ? failed.map(([k, r]) => `${k}: ${r.error}`).join("; ") : null;
  const counts = { seen: sum("seen"), created: sum("created"), updated: sum("updated"), deleted: sum("deleted"), restored: sum("restored") };
  await db
    .update(cloudSyncRuns)
    .set({ status: failed.length ? "failed" : "succeeded", ...counts, kindResults: results, error, finishedAt: new Date() })
    .where(eq(cloudSyncRuns.id, run!.id));
  const summary = `${kinds.length === resourceKinds.length ? "all kinds" : kinds.join(", ")}: ${counts.seen} seen, ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.restored} restored`;
  if (failed.length) {
    throw new SyncFailedError(
      fatal instanceof DoTokenRejectedError ? `DO token rejected: check DO_API_TOKEN (${summary})` : `${failed.length} of ${kinds.length} kinds failed: ${error} (${summary})`,
    );
  }
  return { summary, counts };
}
