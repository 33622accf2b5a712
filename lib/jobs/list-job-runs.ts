import "server-only";
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type JobLogLine, type JobRun, type JobStatus, jobRuns } from "@/db/schema";
import { describeAbandoned, isHeartbeatStale, jobHeartbeatTimeoutSeconds } from "./heartbeat";

export interface JobRunDto {
  id: string;
  job: string;
  trigger: string;
  /** The admin, schedule or event that started it; null for runs recorded before this was kept, and CLI runs. */
  started_by: string | null;
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

/** A run with its own log lines, for its detail page. */
export interface JobRunDetail extends JobRunDto {
  log: JobLogLine[];
}

/** Lists leave the log out: fifty runs of two hundred lines each is not what a table shows. */
const { log: _log, ...listColumns } = getTableColumns(jobRuns);

/** A run still `running` whose heartbeat stopped is shown as the abandoned run it is, before any sweep records it. */
export function toJobRunDto(r: Omit<JobRun, "log">, timeoutSeconds = jobHeartbeatTimeoutSeconds()): JobRunDto {
  const abandoned = isHeartbeatStale(r, timeoutSeconds);
  return {
    id: r.id,
    job: r.job,
    trigger: r.trigger,
    started_by: r.startedBy,
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

/**
 * Newest first, narrowed to a job and an outcome. The outcome is the one shown: a `running` row whose heartbeat
 * stopped counts as abandoned, not running.
 */
export async function listJobRuns(db: DbOrTx, opts: { job?: string; status?: JobStatus; limit?: number } = {}): Promise<JobRunDto[]> {
  const timeoutSeconds = jobHeartbeatTimeoutSeconds();
  const stale = sql`${jobRuns.status} = 'running' and ${jobRuns.heartbeatAt} < now() - make_interval(secs => ${timeoutSeconds})`;
  const where: SQL[] = [];
  if (opts.job) where.push(eq(jobRuns.job, opts.job));
  if (opts.status === "abandoned") where.push(sql`(${jobRuns.status} = 'abandoned' or (${stale}))`);
  else if (opts.status === "running") where.push(sql`not (${stale})`, eq(jobRuns.status, "running"));
  else if (opts.status) where.push(eq(jobRuns.status, opts.status));
  const rows = await db
    .select(listColumns)
    .from(jobRuns)
    .where(and(...where))
    .orderBy(desc(jobRuns.startedAt))
    .limit(opts.limit ?? 50);
  return rows.map((r) => toJobRunDto(r, timeoutSeconds));
}

/** One run with its log lines; null when there is none with that id. */
export async function getJobRun(db: DbOrTx, id: string): Promise<JobRunDetail | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  return row ? { ...toJobRunDto(row), log: row.log } : null;
}

/** The latest run of each job, for the Jobs page's job list. */
export async function latestRunPerJob(db: DbOrTx): Promise<Record<string, JobRunDto>> {
  const rows = await db
    .selectDistinctOn([jobRuns.job], listColumns)
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

/**
 * The latest run of one job for each value of one of its arguments (an invoice's `uuid` for ingest-invoice), so a
 * button per row can follow its own run.
 */
export async function latestJobRunsByArg(db: DbOrTx, job: string, arg: string): Promise<Record<string, JobRunDto>> {
  // Inlined, not bound: DISTINCT ON and ORDER BY must be the same expression, and two parameters are not.
  if (!/^[a-z_]+$/.test(arg)) throw new Error(`not an argument name: ${arg}`);
  const value = sql<string>`${jobRuns.args} ->> ${sql.raw(`'${arg}'`)}`;
  const rows = await db
    .selectDistinctOn([value], { ...listColumns, value })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), sql`${value} is not null`))
    .orderBy(value, desc(jobRuns.startedAt));
  return Object.fromEntries(rows.map(({ value: v, ...r }) => [v, toJobRunDto(r)]));
}
