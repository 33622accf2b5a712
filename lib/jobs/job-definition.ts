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

/**
 * A job: the same definition runs from the Inngest function, the "Run now" button and `npm run job -- <name>`.
 * `cliArgs` maps positional command-line arguments to the args object.
 */
export interface JobDefinition<A extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  /** Cron schedule in UTC, when the job runs on one. */
  cron?: string;
  /** For a job run on several schedules by different Inngest functions: each cron with what that run covers. */
  schedules?: { cron: string; label: string }[];
  args: A;
  cliArgs?: (argv: string[]) => unknown;
  run(deps: JobDeps, args: z.infer<A>, ctx: JobContext): Promise<JobResult>;
}

export function defineJob<A extends z.ZodType>(job: JobDefinition<A>): JobDefinition<A> {
  return job;
}
