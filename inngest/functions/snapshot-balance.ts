import { snapshotBalanceJob } from "@/lib/costs/snapshot-balance-job";
import { jobFunction } from "../job-function";

/** DO's month-to-date balance, hourly at :07. */
export const snapshotBalance = jobFunction(snapshotBalanceJob, { cron: "7 * * * *", callsDo: true });
