import { meterUsageJob } from "@/lib/billing/meter-usage-job";
import { jobFunction } from "../job-function";

/** Tenant usage from the inventory, daily at 04:45 UTC: after the nightly slow sync (03:40) has settled the inventory. */
export const meterUsage = jobFunction(meterUsageJob, { cron: "45 4 * * *" });
