import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudSyncRuns, jobRuns } from "@/db/schema";
import { recordEvents } from "@/lib/notifications/record-event";
import { logger } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";
import { describeAbandoned } from "./heartbeat";
import { jobAbandonedEvent } from "./job-events";

/**
 * Records as `abandoned` every job run and sync run still `running` whose heartbeat is older than the bound: their
 * process died (kill -9, OOM, a redeploy) and can never record an outcome itself. Runs at the start of every job run
 * (so the 5-minute schedule sweeps too); a run that turns out to be alive after all still records its own outcome.
 */
export async function markAbandonedRuns(db: DbOrTx, timeoutSeconds: number): Promise<{ jobRuns: number; syncRuns: number }> {
  const cutoff = sql`now() - make_interval(secs => ${timeoutSeconds}::double precision)`;
  const staleJobs = await db
    .select({ id: jobRuns.id, job: jobRuns.job, heartbeatAt: jobRuns.heartbeatAt })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "running"), lt(jobRuns.heartbeatAt, cutoff)));
  let marked = 0;
  for (const run of staleJobs) {
    // Recorded and announced (job.abandoned) in one transaction: exactly once, by whichever sweep records it.
    const updated = await db.transaction(async (tx) => {
      const rows = await tx
        .update(jobRuns)
        .set({ status: "abandoned", error: describeAbandoned(run.heartbeatAt, timeoutSeconds), finishedAt: sql`now()` })
        .where(and(eq(jobRuns.id, run.id), eq(jobRuns.status, "running"), lt(jobRuns.heartbeatAt, cutoff)))
        .returning();
      await recordEvents(tx, rows.map(jobAbandonedEvent));
      return rows;
    });
    if (!updated.length) continue; // it beat again, or another sweep got there first
    marked++;
    metrics().jobRuns.inc({ job: run.job, outcome: "abandoned" });
    logger().warn({ job: run.job, runId: run.id, heartbeatAt: run.heartbeatAt.toISOString() }, "job run abandoned");
  }
  const staleSyncs = await db
    .select({ id: cloudSyncRuns.id, heartbeatAt: cloudSyncRuns.heartbeatAt })
    .from(cloudSyncRuns)
    .where(and(eq(cloudSyncRuns.status, "running"), lt(cloudSyncRuns.heartbeatAt, cutoff)));
  let syncs = 0;
  for (const run of staleSyncs) {
    const updated = await db
      .update(cloudSyncRuns)
      .set({ status: "abandoned", error: describeAbandoned(run.heartbeatAt, timeoutSeconds), finishedAt: sql`now()` })
      .where(and(eq(cloudSyncRuns.id, run.id), eq(cloudSyncRuns.status, "running"), lt(cloudSyncRuns.heartbeatAt, cutoff)))
      .returning({ id: cloudSyncRuns.id });
    syncs += updated.length;
  }
  return { jobRuns: marked, syncRuns: syncs };
}
