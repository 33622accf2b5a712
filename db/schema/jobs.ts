import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobTriggers = ["cron", "manual", "event", "cli"] as const;
export type JobTrigger = (typeof jobTriggers)[number];
/** `abandoned`: the process running it died (its heartbeat stopped); a later run or the sweep records that. */
export const jobStatuses = ["running", "succeeded", "failed", "abandoned"] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobProgress {
  done: number;
  total?: number;
  message?: string;
  /** Per part of the work (a sync's kinds): pages read, items done, and whether it has finished. */
  parts?: Record<string, { pages: number; items: number; isDone: boolean }>;
}

/** One line of a run's own log, as the run detail page shows it. */
export interface JobLogLine {
  at: string;
  level: "info" | "warn" | "error";
  message: string;
}

/** One row per run of any job (sync, billing, drift, metering), whoever triggered it: the Jobs page reads this. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    trigger: text("trigger").$type<JobTrigger>().notNull(),
    /** Who started it: the admin (manual), the schedule (cron), what sent the event, or the CLI. */
    startedBy: text("started_by"),
    args: jsonb("args").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<JobStatus>().notNull().default("running"),
    progress: jsonb("progress").$type<JobProgress>(),
    summary: text("summary"),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    error: text("error"),
    /** The run's progress messages and outcome, oldest first, bounded (see lib/jobs/run-log.ts). */
    log: jsonb("log").$type<JobLogLine[]>().notNull().default([]),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on progress and on a timer while the run's process is alive; a stale one means the process died. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("job_runs_job_started_idx").on(t.job, t.startedAt),
    index("job_runs_started_idx").on(t.startedAt),
    index("job_runs_status_started_idx").on(t.status, t.startedAt),
    index("job_runs_running_heartbeat_idx").on(t.heartbeatAt).where(sql`${t.status} = 'running'`),
    check("job_runs_status", sql`${t.status} in ('running', 'succeeded', 'failed', 'abandoned')`),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
