import { bandwidthPacing } from "@/lib/billing/meter-bandwidth";
import { meterBandwidthJob } from "@/lib/billing/meter-bandwidth-job";
import { jobFunction } from "../job-function";

/**
 * One run per batch of droplet-days meter-usage sends. The throttle is what paces bandwidth metering to its share of
 * the DO account's budget: one run (50 requests) a minute, queued runs waiting their turn.
 */
export const meterBandwidth = jobFunction(meterBandwidthJob, { callsDo: true, throttle: { limit: bandwidthPacing.runsPerMinute, period: "1m" } });
