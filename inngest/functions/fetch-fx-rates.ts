import { fetchFxRatesJob } from "@/lib/billing/fetch-fx-rates-job";
import { jobFunction } from "../job-function";

/** ECB reference rates, on the job's cron (after the ECB publishes). */
export const fetchFxRates = jobFunction(fetchFxRatesJob);
