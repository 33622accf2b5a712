import type { z } from "zod";
import type { Db } from "@/db/client";
import type { DoClient } from "@/lib/digitalocean/client";
import type { SendJobRequest } from "./job-queue";
import type { JobContext, JobResult } from "./run-job";

/** What every job needs besides the database: built once per process by the caller (server or CLI). */
export interface JobDeps {
  db: Db;
  /** The DigitalOcean client, or a reason it cannot be built (no token configured). */
  doClient: () => DoClient;
  /** The job queue, when one is configured: jobs that fan out send it a request per item, else do the work in-process. */
  sendJobRequest?: SendJobRequest;
}

/** One of the schedules of a job run on several. */
export interface JobSchedule<Args = Record<string, unknown>> {
  /** Its Inngest function's id (and requested-event name); the job's own name for the schedule "Run now" asks for. */
  id: string;
  /** Cron in UTC. */
  cron: string;
  /** What its runs cover, for the Jobs page. */
  label: string;
  /** Fixed args for its runs; a requested run's args are merged over them. */
  args: Args;
}

/**
 * A job: the same definition runs from the Inngest function, the "Run now" button and `npm run job -- <name>`.
 * `cliArgs` maps positional command-line arguments to the args object.
 */
export interface JobDefinition<A extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  /** Cron schedule in UTC, when the job runs on one; its Inngest function takes it from here. */
  cron?: string;
  /** For a job run on several schedules instead, each its own Inngest function: the only place they are written. */
  schedules?: JobSchedule<z.input<A>>[];
  args: A;
  /**
   * For a job on a frequent cron: whether a scheduled run has anything to do. A scheduled run that has not records
   * no run (deliver-notifications would otherwise add a Jobs page row every minute); requested runs always run.
   */
  hasWork?: (db: Db) => Promise<boolean>;
  cliArgs?: (argv: string[]) => unknown;
  run(deps: JobDeps, args: z.infer<A>, ctx: JobContext): Promise<JobResult>;
}

export function defineJob<A extends z.ZodType>(job: JobDefinition<A>): JobDefinition<A> {
  return job;
}
