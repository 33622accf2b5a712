import { meterUsageJob } from "@/lib/billing/meter-usage-job";
import { jobFunction } from "../job-function";

/** Tenant usage from the inventory, on the job's cron. */
export const meterUsage = jobFunction(meterUsageJob);
