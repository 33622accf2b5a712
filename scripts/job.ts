import { DataDirLockedError } from "@/db/data-dir-lock";
import { findJob, jobDefinitions } from "@/jobs/registry";
import { cliEnv } from "@/lib/platform/env";
import { canHandOver, sendJobToServer, waitForHandedOverRun } from "@/lib/job-handover/send-job-to-server";
import { jobDepsFor } from "@/lib/jobs/deps";
import { runJob } from "@/lib/jobs/run-job";
import { drainAfterJob } from "@/lib/notifications/drain-after-job";
import { CliDbError, runCli, withCliDb } from "./cli";

// npm run job -- <name> [args]: one run of one job against the configured database and DO, one summary line.
runCli(async () => {
  const [name, ...rest] = process.argv.slice(2);
  const job = name ? findJob(name) : undefined;
  if (!job) {
    const names = jobDefinitions.map((j) => `  ${j.name.padEnd(20)} ${j.description}`).join("\n");
    throw new Error(`${name ? `unknown job "${name}"` : "no job named"}. Jobs:\n${names || "  (none)"}`);
  }
  const rawArgs = job.cliArgs ? job.cliArgs(rest) : {};
  const parsed = job.args.safeParse(rawArgs);
  if (!parsed.success) throw new Error(`bad arguments for ${job.name}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  try {
    await withCliDb(async ({ db }) => {
      const result = await runJob(db, { job: job.name, trigger: "cli", args: parsed.data as Record<string, unknown> }, (ctx) =>
        job.run(jobDepsFor(db, cliEnv()), parsed.data, ctx),
      ).finally(() => drainAfterJob(db, job.name));
      console.log(`${job.name}: ${result.summary}`);
    });
  } catch (err) {
    // The embedded database is the running server's: the job runs there instead (see lib/job-handover).
    const locked = err instanceof CliDbError && err.cause instanceof DataDirLockedError ? err.cause : undefined;
    if (!locked || !canHandOver(locked.owner)) throw err;
    const runId = await sendJobToServer(locked.owner, job.name, rawArgs);
    console.log(`DATA_DIR ${locked.dataDir} is locked by the running server (pid ${locked.owner.pid}); sent the job to it: run ${runId}`);
    const run = await waitForHandedOverRun(locked.owner, runId);
    if (run.status !== "succeeded") throw new Error(`${job.name} ${run.status} in the server (run ${runId}): ${run.error ?? "no error recorded"}`);
    console.log(`${job.name}: ${run.summary}`);
  }
});
