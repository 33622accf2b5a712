import { fetchFxRatesJob } from "@/lib/billing/fetch-fx-rates-job";
import { jobFunction } from "../job-function";

/** ECB reference rates, daily at 17:30 UTC: after the ECB's publication (around 16:00 CET) on its business days. */
export const fetchFxRates = jobFunction(fetchFxRatesJob);
