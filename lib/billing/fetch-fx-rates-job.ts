import "server-only";
import { z } from "zod";
import { cliEnv } from "@/lib/platform/env";
import { defineJob } from "@/lib/jobs/job-definition";
import { fetchFxRates } from "./fetch-fx-rates";

export const fetchFxRatesJob = defineJob({
  name: "fetch-fx-rates",
  title: "Fetch FX reference rates",
  description: "Reads ECB-format reference rates from FX_RATES_URL and stores each COGS and plan currency's rate to the reporting currency (through EUR).",
  // The ECB publishes around 16:00 CET on TARGET business days; 17:30 UTC is after that all year.
  cron: "30 17 * * *",
  args: z.object({}),
  async run(deps, _args, ctx) {
    // cliEnv: the URL and the reporting currency are all this needs, and the CLI has no web secrets.
    const e = cliEnv();
    const result = await fetchFxRates(deps.db, { url: e.FX_RATES_URL, reportingCurrency: e.REPORTING_CURRENCY });
    await ctx.reportProgress({ done: 1, total: 1 });
    return { summary: result.summary, counts: { rates: result.rates, days: result.days, unquoted: result.unquoted.length } };
  },
});
