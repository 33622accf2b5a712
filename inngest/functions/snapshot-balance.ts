import { snapshotBalanceJob } from "@/lib/costs/snapshot-balance-job";
import { jobFunction } from "../job-function";

/** DO's month-to-date balance, on the job's cron. */
export const snapshotBalance = jobFunction(snapshotBalanceJob, { callsDo: true });
