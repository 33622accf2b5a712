import { detectDriftJob } from "@/lib/drift/detect-drift-job";
import { jobFunction } from "../job-function";

/** The drift sweep, hourly at :20: five minutes after the :15 full inventory sync, so it compares fresh inventory. */
export const detectDrift = jobFunction(detectDriftJob, { cron: "20 * * * *" });
