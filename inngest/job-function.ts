import { getDb } from "@/db";
import { cliEnv, env } from "@/lib/platform/env";
import { doAccountKey, jobDepsFor } from "@/lib/jobs/deps";
import type { JobDefinition, JobSchedule } from "@/lib/jobs/job-definition";
import { jobRequestedEvent, requestedByKey } from "@/lib/jobs/job-queue";
import { runJob } from "@/lib/jobs/run-job";
import { inngest } from "./client";
import { sendJobRequest } from "./send-job-request";

export interface JobFunctionOptions {
  /**
   * For a job run on several schedules: the one this function runs (its id, cron and fixed args, from the job's
   * definition). Otherwise the function is the job's own, on the job's cron if it has one.
   */
  schedule?: JobSchedule;
  /**
   * Set for jobs that call the DO API: they share the DO account's budget, one such run at a time across every function,
   * Inngest environment and instance (so a manual run waits for a scheduled one instead of doubling the request rate),
   * and a throttle on how often each may start.
   */
  callsDo?: boolean;
  /** For a DO-calling job that paces itself by runs: how many may start per period (default 120 a minute). */
  throttle?: { limit: number; period: "1m" | "1h" };
  /** CEL expression naming what must never run twice at once (default: the function itself). */
  concurrencyKey?: string;
  /** "env" makes the key shared by every function using it (e.g. all inventory syncs), not just this one. */
  concurrencyScope?: "fn" | "env";
}

/**
 * Wraps a job definition as an Inngest function: thin by design. The step calls the same runJob() the CLI and the
 * "Run now" button call, so Inngest adds scheduling, retries and concurrency but no logic of its own.
 */
export function jobFunction(job: JobDefinition, opts: JobFunctionOptions = {}) {
  const id = opts.schedule?.id ?? job.name;
  // A CEL string literal; read when the functions are defined (the base env needs no secrets, so builds still work).
  const doAccount = JSON.stringify(doAccountKey(cliEnv()));
  const cron = opts.schedule ? opts.schedule.cron : job.cron;
  const ownLimit = {
    limit: 1,
    ...(opts.concurrencyKey ? { key: opts.concurrencyKey } : {}),
    ...(opts.concurrencyScope ? { scope: opts.concurrencyScope } : {}),
  };
  const triggers = [
    ...(cron ? [{ cron }] : []),
    { event: jobRequestedEvent(id) },
  ] as [{ event: string }];
  return inngest.createFunction(
    {
      id,
      name: job.title,
      triggers,
      retries: 2,
      concurrency: opts.callsDo ? [ownLimit, { scope: "account", key: doAccount, limit: 1 }] : ownLimit,
      ...(opts.callsDo ? { throttle: { key: doAccount, limit: 120, period: "1m" as const, ...opts.throttle } } : {}),
    },
    async ({ event, step }) => {
      const isRequested = event?.name === jobRequestedEvent(id);
      const { [requestedByKey]: requestedBy, ...fromEvent } = isRequested ? ((event.data ?? {}) as Record<string, unknown>) : {};
      const trigger = isRequested ? "event" : "cron";
      const startedBy = isRequested ? (typeof requestedBy === "string" ? requestedBy : `event ${event.name}`) : `schedule ${opts.schedule?.label ?? cron}`;
      return step.run(id, async () => {
        if (!isRequested && job.hasWork && !(await job.hasWork(getDb()))) return { summary: "nothing to do", counts: {}, runId: null };
        const args = job.args.parse({ ...opts.schedule?.args, ...fromEvent });
        const result = await runJob(getDb(), { job: job.name, trigger, args: args as Record<string, unknown>, startedBy }, (ctx) =>
          job.run(jobDepsFor(getDb(), env(), sendJobRequest), args, ctx),
        );
        return { summary: result.summary, counts: result.counts ?? {}, runId: result.runId };
      });
    },
  );
}
