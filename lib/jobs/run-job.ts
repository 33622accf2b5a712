import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { type JobProgress, type JobTrigger, jobRuns } from "@/db/schema";
import { describeErrorText } from "@/db/describe-error";
import { type Logger, logger } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";
import { heartbeatIntervalMs, jobHeartbeatTimeoutSeconds, keepAlive } from "./heartbeat";
import { markAbandonedRuns } from "./mark-abandoned-runs";
import { appendRunLog } from "./run-log";

export interface JobResult {
  /** One line for the CLI, the Jobs page and the log. */
  summary: string;
  counts?: Record<string, number>;
}

export interface JobContext {
  runId: string;
  trigger: JobTrigger;
  log: Logger;
  /** Records progress for the Jobs page; throttled so a tight loop does not turn into a write per item. */
  reportProgress(progress: JobProgress): Promise<void>;
}

export class JobFailedError extends Error {
  constructor(
    readonly runId: string,
    message: string,
  ) {
    super(message);
    this.name = "JobFailedError";
  }
}

/**
 * Runs `work` as one recorded job run: a `running` row first (so the Jobs page shows it at once), then its outcome,
 * duration metrics and a log line. Failures are recorded and rethrown. While it runs, the row's heartbeat moves (on
 * progress and on a timer); first, runs whose process died are recorded as abandoned, so none blocks or misleads.
 */
export async function runJob(
  db: Db,
  opts: { job: string; trigger: JobTrigger; args?: Record<string, unknown>; /** The admin, schedule or event behind the run. */ startedBy?: string },
  work: (ctx: JobContext) => Promise<JobResult>,
): Promise<JobResult & { runId: string }> {
  const timeoutSeconds = jobHeartbeatTimeoutSeconds();
  // Housekeeping must never stop the job itself from running.
  await markAbandonedRuns(db, timeoutSeconds).catch((err: unknown) =>
    logger().warn({ job: opts.job, error: describeErrorText(err) }, "could not sweep abandoned runs"),
  );
  // Only this process writes the run's log, so it is kept here and written whole with each progress update.
  let runLog = appendRunLog([], "info", "started");
  const [run] = await db
    .insert(jobRuns)
    .values({ job: opts.job, trigger: opts.trigger, startedBy: opts.startedBy ?? null, args: opts.args ?? {}, log: runLog })
    .returning({ id: jobRuns.id });
  const runId = run!.id;
  const log = logger().child({ job: opts.job, runId, trigger: opts.trigger });
  const stillRunning = and(eq(jobRuns.id, runId), eq(jobRuns.status, "running"));
  const stopHeartbeat = keepAlive(() => db.update(jobRuns).set({ heartbeatAt: sql`now()` }).where(stillRunning), heartbeatIntervalMs(timeoutSeconds));
  const started = performance.now();
  let lastProgressAt = 0;
  const ctx: JobContext = {
    runId,
    trigger: opts.trigger,
    log,
    async reportProgress(progress) {
      if (progress.message) runLog = appendRunLog(runLog, "info", progress.message);
      const now = Date.now();
      if (now - lastProgressAt < 500 && progress.total !== progress.done) return;
      lastProgressAt = now;
      await db.update(jobRuns).set({ progress, log: runLog, heartbeatAt: sql`now()` }).where(eq(jobRuns.id, runId));
    },
  };
  log.info("job started");
  try {
    const result = await work(ctx);
    const seconds = (performance.now() - started) / 1000;
    await db
      .update(jobRuns)
      .set({ status: "succeeded", summary: result.summary, counts: result.counts ?? {}, log: appendRunLog(runLog, "info", `succeeded: ${result.summary}`), finishedAt: new Date() })
      .where(eq(jobRuns.id, runId));
    metrics().jobRuns.inc({ job: opts.job, outcome: "succeeded" });
    metrics().jobDuration.observe({ job: opts.job, outcome: "succeeded" }, seconds);
    log.info({ durationMs: Math.round(seconds * 1000), counts: result.counts }, result.summary);
    return { ...result, runId };
  } catch (err) {
    const seconds = (performance.now() - started) / 1000;
    const message = describeErrorText(err);
    await db
      .update(jobRuns)
      .set({ status: "failed", error: message, log: appendRunLog(runLog, "error", `failed: ${message}`), finishedAt: new Date() })
      .where(eq(jobRuns.id, runId));
    metrics().jobRuns.inc({ job: opts.job, outcome: "failed" });
    metrics().jobDuration.observe({ job: opts.job, outcome: "failed" }, seconds);
    log.error({ durationMs: Math.round(seconds * 1000), error: message }, "job failed");
    throw new JobFailedError(runId, message);
  } finally {
    stopHeartbeat();
  }
}
