import { detectDriftJob } from "@/lib/drift/detect-drift-job";
import { jobFunction } from "../job-function";

/** The drift sweep, on the job's cron (after the full inventory sync, so it compares fresh inventory). */
export const detectDrift = jobFunction(detectDriftJob);
