import { cliEnv } from "@/lib/env";
import { jobDepsFor } from "@/lib/jobs/deps";
import { findJob, jobDefinitions } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { runCli, withCliDb } from "./cli";

// npm run job -- <name> [args]: one run of one job against the configured database and DO, one summary line.
runCli(async () => {
  const [name, ...rest] = process.argv.slice(2);
  const job = name ? findJob(name) : undefined;
  if (!job) {
    const names = jobDefinitions.map((j) => `  ${j.name.padEnd(20)} ${j.description}`).join("\n");
    throw new Error(`${name ? `unknown job "${name}"` : "no job named"}. Jobs:\n${names || "  (none)"}`);
  }
  const parsed = job.args.safeParse(job.cliArgs ? job.cliArgs(rest) : {});
  if (!parsed.success) throw new Error(`bad arguments for ${job.name}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  await withCliDb(async ({ db }) => {
    const result = await runJob(db, { job: job.name, trigger: "cli", args: parsed.data as Record<string, unknown> }, (ctx) =>
      job.run(jobDepsFor(db, cliEnv()), parsed.data, ctx),
    );
    console.log(`${job.name}: ${result.summary}`);
  });
});
