import { discoverInvoicesJob } from "@/lib/costs/discover-invoices-job";
import { jobFunction } from "../job-function";

/** Billing history walk, daily at 02:23; it sends one ingest-invoice event per invoice still to ingest. */
export const discoverInvoices = jobFunction(discoverInvoicesJob, { cron: "23 2 * * *", callsDo: true });
