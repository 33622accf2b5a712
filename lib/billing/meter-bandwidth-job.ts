import "server-only";
import { z } from "zod";
import type { DoClient } from "@/lib/digitalocean/client";
import { cliEnv } from "@/lib/platform/env";
import { DoNotConfiguredError } from "@/lib/jobs/deps";
import { defineJob, type JobDeps } from "@/lib/jobs/job-definition";
import type { JobContext } from "@/lib/jobs/run-job";
import { bandwidthPacing, chunkBandwidthWork, listBandwidthWork, meterBandwidth, meterBandwidthPaced } from "./meter-bandwidth";
import { meterUsage } from "./meter-usage";
import { addMonths, currentPeriod, monthSchema, periodLabel, toPeriod } from "./month";

const itemSchema = z.object({
  resourceId: z.uuid(),
  hostId: z.string().regex(/^\d{1,20}$/, "a droplet id"),
  tenantId: z.string().min(1).max(100),
  day: z.iso.date(),
});

export const meterBandwidthArgs = z.object({
  /** The month to measure (without items); default the previous and the current month. */
  month: monthSchema.optional(),
  /** One queued run's droplet-days, as meter-usage sends them. */
  items: z.array(itemSchema).min(1).max(bandwidthPacing.requestsPerRun).optional(),
});

/** The DO client, or null when no token is configured (usage from the inventory is still metered). */
function doClientOrNull(deps: JobDeps): DoClient | null {
  try {
    return deps.doClient();
  } catch (e) {
    if (e instanceof DoNotConfiguredError) return null;
    throw e;
  }
}

/**
 * The month's bandwidth still to measure, measured: with a job queue, sent as meter-bandwidth runs of
 * `requestsPerRun` droplet-days (the queue throttles them); without one, measured here at the same pace when
 * `inProcess` (meter-bandwidth itself: at 50 a minute that takes hours at scale), else only counted (meter-usage, which
 * must stay quick). Returns a phrase for the run's summary.
 */
export async function measureMonthBandwidth(
  deps: JobDeps,
  period: string,
  prefix: string,
  ctx: Pick<JobContext, "reportProgress">,
  opts: { inProcess: boolean },
): Promise<string> {
  const items = await listBandwidthWork(deps.db, period, prefix);
  if (!items.length) return "bandwidth up to date";
  const client = doClientOrNull(deps);
  if (!client) return `bandwidth of ${items.length} droplet-days not measured: DO is not configured`;
  if (deps.sendJobRequest) {
    const runs = chunkBandwidthWork(items);
    for (const run of runs) await deps.sendJobRequest({ job: meterBandwidthJob.name, args: { items: run } });
    return `bandwidth of ${items.length} droplet-days sent to ${meterBandwidthJob.name} in ${runs.length} runs`;
  }
  if (!opts.inProcess) return `bandwidth of ${items.length} droplet-days waiting for ${meterBandwidthJob.name} (no job queue to pace it)`;
  const done = await meterBandwidthPaced(deps.db, client, items, {
    onRun: (measured, total) => ctx.reportProgress({ done: measured, total, message: `${periodLabel(period)} bandwidth: ${measured} of ${total} droplet-days` }),
  });
  return `bandwidth of ${done.sampled} droplet-days measured${done.failed ? `, ${done.failed} failed` : ""}`;
}

export const meterBandwidthJob = defineJob({
  name: "meter-bandwidth",
  title: "Meter droplet bandwidth",
  description:
    "Measures tenant droplets' public outbound transfer per day from DO's monitoring API (one request per droplet-day, 50 a minute at most) and refreshes those tenants' usage.",
  args: meterBandwidthArgs,
  // npm run job -- meter-bandwidth [YYYY-MM]
  cliArgs: ([month]) => (month ? { month } : {}),
  async run(deps, args, ctx) {
    const prefix = cliEnv().TENANT_TAG_PREFIX;
    if (!args.items) {
      const now = currentPeriod();
      const periods = args.month ? [args.month] : [addMonths(now, -1), now];
      const parts = [];
      for (const period of periods) {
        parts.push(`${periodLabel(period)}: ${await measureMonthBandwidth(deps, period, prefix, ctx, { inProcess: true })}`);
        await meterUsage(deps.db, period, prefix);
      }
      return { summary: parts.join("; ") };
    }
    const result = await meterBandwidth(deps.db, deps.doClient(), args.items);
    // The measured tenants' usage now includes these days; a run's items may span the turn of a month. Not announced:
    // a month's droplet-days come in runs of 50, and each computing the whole account's margin report made its cost
    // the account's size times its droplets. Bandwidth only adds overage revenue to tenants the meter-usage run that
    // queued these days has judged, so no margin falls under target and nobody turns unbilled; the next run re-judges.
    const periods = [...new Set(args.items.map((i) => toPeriod(new Date(`${i.day}T00:00:00Z`))))];
    const tenants = [...new Set(args.items.map((i) => i.tenantId))];
    for (const period of periods) await meterUsage(deps.db, period, prefix, { tenants, announce: false });
    const deferred = result.deferred.length ? `, ${result.deferred.length} deferred (DO's budget is low; the next run takes them)` : "";
    return {
      summary: `${result.sampled} of ${args.items.length} droplet-days measured for ${tenants.length} tenants${result.failed ? `, ${result.failed} failed` : ""}${deferred}`,
      counts: { sampled: result.sampled, failed: result.failed, deferred: result.deferred.length },
    };
  },
});
