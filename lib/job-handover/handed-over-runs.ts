import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDbHandle } from "@/db";
import { jobRuns } from "@/db/schema";
import { bearerToken } from "@/lib/auth/arcadia-jwt";
import type { BaseEnv } from "@/lib/platform/env";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { jobDepsFor } from "@/lib/jobs/deps";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { type JobRunDto, toJobRunDto } from "@/lib/jobs/list-job-runs";
import { runJob } from "@/lib/jobs/run-job";
import { drainAfterJob } from "@/lib/notifications/drain-after-job";
import { isHandoverToken } from "./handover-token";

/**
 * Jobs `npm run job` hands to this server while the server holds the embedded database (the CLI may not open it as
 * well): the same runJob() the CLI would have called, run in this process with the CLI's trigger.
 */
export const handOverBody = z.object({ job: z.string().min(1).max(64), args: z.record(z.string(), z.unknown()).default({}) });
export const handedOverRunParams = z.object({ id: z.uuid() });

/** Only with an embedded database (nothing to hand over otherwise), and only with this start's token from the lock file. */
export function authorizeHandover(req: Request): void {
  if (getDbHandle().driver !== "pglite") throw new ApiError("not_found", "This server uses PostgreSQL: run jobs with npm run job directly");
  if (!isHandoverToken(bearerToken(req.headers.get("authorization")) ?? undefined)) {
    throw new ApiError("unauthorized", "Send Authorization: Bearer <the token in the data directory's lock file>");
  }
}

/** Starts the run and resolves with its id once its job_runs row exists; the work goes on after the response. */
export function startHandedOverRun(db: Db, e: BaseEnv, job: JobDefinition, args: Record<string, unknown>): Promise<string> {
  const name = job.name;
  const parsed = parseOrThrow(job.args, args, `arguments for ${name}`);
  return new Promise((resolve, reject) => {
    // A failure before the row exists rejects; a later one is recorded in job_runs (and logged) by runJob.
    runJob(db, { job: name, trigger: "cli", args: parsed as Record<string, unknown> }, (ctx) => {
      resolve(ctx.runId);
      return job.run(jobDepsFor(db, e), parsed, ctx);
    })
      .catch(reject)
      .finally(() => drainAfterJob(db, name));
  });
}

export async function getHandedOverRun(db: Db, id: string): Promise<JobRunDto> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  if (!row) throw new ApiError("not_found", `No job run ${id}`);
  return toJobRunDto(row);
}
