import "server-only";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type JobRun, jobRuns } from "@/db/schema";
import { describeAbandoned, isHeartbeatStale, jobHeartbeatTimeoutSeconds } from "./heartbeat";

export interface JobRunDto {
  id: string;
  job: string;
  trigger: string;
  status: string;
  args: Record<string, unknown>;
  progress: JobRun["progress"];
  summary: string | null;
  counts: Record<string, number>;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
}

/** A run still `running` whose heartbeat stopped is shown as the abandoned run it is, before any sweep records it. */
export function toJobRunDto(r: JobRun, timeoutSeconds = jobHeartbeatTimeoutSeconds()): JobRunDto {
  const abandoned = isHeartbeatStale(r, timeoutSeconds);
  return {
    id: r.id,
    job: r.job,
    trigger: r.trigger,
    status: abandoned ? "abandoned" : r.status,
    args: r.args,
    progress: r.progress,
    summary: r.summary,
    counts: r.counts,
    error: abandoned ? describeAbandoned(r.heartbeatAt, timeoutSeconds) : r.error,
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
    duration_ms: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  };
}

export async function listJobRuns(db: DbOrTx, opts: { job?: string; limit?: number } = {}): Promise<JobRunDto[]> {
  const where: SQL[] = [];
  if (opts.job) where.push(eq(jobRuns.job, opts.job));
  const rows = await db
    .select()
    .from(jobRuns)
    .where(and(...where))
    .orderBy(desc(jobRuns.startedAt))
    .limit(opts.limit ?? 50);
  return rows.map((r) => toJobRunDto(r));
}

/** The latest run of each job, for the Jobs page's job list. */
export async function latestRunPerJob(db: DbOrTx): Promise<Record<string, JobRunDto>> {
  const rows = await db
    .selectDistinctOn([jobRuns.job])
    .from(jobRuns)
    .orderBy(jobRuns.job, desc(jobRuns.startedAt));
  return Object.fromEntries(rows.map((r) => [r.job, toJobRunDto(r)]));
}

export async function lastSuccessfulRunAt(db: DbOrTx, job: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${jobRuns.finishedAt})` })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "succeeded")));
  return row?.at ? new Date(row.at) : null;
}
