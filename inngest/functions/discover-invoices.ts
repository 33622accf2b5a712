import { discoverInvoicesJob } from "@/lib/costs/discover-invoices-job";
import { jobFunction } from "../job-function";

/** Billing history walk, on the job's cron; it sends one ingest-invoice request per invoice still to ingest. */
export const discoverInvoices = jobFunction(discoverInvoicesJob, { callsDo: true });
