import "server-only";
import { after } from "next/server";
import { getDb } from "@/db";
import { describeErrorText } from "@/db/describe-error";
import { env } from "@/lib/platform/env";
import { ApiError } from "@/lib/http/errors";
import { jobDepsFor } from "@/lib/jobs/deps";
import { runJob } from "@/lib/jobs/run-job";
import { drainAfterJob } from "@/lib/notifications/drain-after-job";
import { logger } from "@/lib/platform/log";
import { jobQueueFor } from "./job-queue";
import { getJobOrThrow } from "./registry";

export type RunRequestOutcome = { via: "inngest" | "inline"; message: string };

/**
 * "Run now": sends the job's request to the queue when one is configured (Inngest); otherwise runs the same job in
 * this process after the response is sent (the Jobs page shows its progress from job_runs). Says which it did.
 */
export async function requestJobRun(name: string, args: Record<string, unknown> = {}, requestedBy?: string): Promise<RunRequestOutcome> {
  const job = getJobOrThrow(name);
  const parsed = job.args.safeParse(args);
  if (!parsed.success) throw new ApiError("invalid_request", `Invalid arguments for ${name}`);
  const e = env();
  const queue = jobQueueFor(e);
  if (queue) {
    await queue({ job: name, args: parsed.data as Record<string, unknown>, requestedBy });
    return { via: "inngest", message: `Sent ${name} to Inngest; its progress shows here when a worker picks it up.` };
  }
  after(async () => {
    const db = getDb();
    await runJob(db, { job: name, trigger: "manual", args: parsed.data as Record<string, unknown>, startedBy: requestedBy }, (ctx) =>
      job.run(jobDepsFor(db, e), parsed.data, ctx),
    ).catch((err: unknown) => logger().warn({ job: name, error: describeErrorText(err) }, "inline job failed"));
    await drainAfterJob(db, name);
  });
  return { via: "inline", message: `Inngest is not configured, so ${name} is running inline in this server; its progress shows here.` };
}
