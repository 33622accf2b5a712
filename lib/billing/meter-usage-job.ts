import "server-only";
import { z } from "zod";
import { cliEnv } from "@/lib/platform/env";
import { defineJob } from "@/lib/jobs/job-definition";
import { measureMonthBandwidth } from "./meter-bandwidth-job";
import { meterUsage } from "./meter-usage";
import { addMonths, currentPeriod, monthSchema, periodLabel } from "./month";

export const meterUsageArgs = z.object({ month: monthSchema.optional() });

export const meterUsageJob = defineJob({
  name: "meter-usage",
  title: "Meter tenant usage",
  description:
    "Turns the inventory's event history and daily samples into usage per tenant and kind for the month (droplet hours, GB-months, DNS zones, Spaces, bandwidth); measures bandwidth days still missing first.",
  // Daily at 04:45 UTC: after the nightly slow sync (03:40) has settled the inventory.
  cron: "45 4 * * *",
  args: meterUsageArgs,
  cliArgs: ([month]) => (month ? { month } : {}),
  async run(deps, args, ctx) {
    // Without a month, the current one and the one before: last month's figures settle after it ends (late syncs).
    const now = currentPeriod();
    const periods = args.month ? [args.month] : [addMonths(now, -1), now];
    // cliEnv: the tag prefix is all this needs, and the CLI has no web secrets.
    const prefix = cliEnv().TENANT_TAG_PREFIX;
    const results = [];
    for (const [i, period] of periods.entries()) {
      const bandwidth = await measureMonthBandwidth(deps, period, prefix, ctx, { inProcess: false });
      results.push({ ...(await meterUsage(deps.db, period, prefix)), bandwidth });
      await ctx.reportProgress({ done: i + 1, total: periods.length });
    }
    return {
      summary: results
        .map((r) => `${periodLabel(r.period)}: ${r.records} usage records for ${r.tenants} tenants from ${r.resources} resources (${r.bandwidth})`)
        .join("; "),
      counts: { records: results.reduce((a, r) => a + r.records, 0), tenants: Math.max(0, ...results.map((r) => r.tenants)) },
    };
  },
});
