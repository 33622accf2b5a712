import { fetchFxRatesJob } from "@/lib/billing/fetch-fx-rates-job";
import { meterUsageJob } from "@/lib/billing/meter-usage-job";
import { discoverInvoicesJob } from "@/lib/costs/discover-invoices-job";
import { ingestInvoiceJob } from "@/lib/costs/ingest-invoice-job";
import { snapshotBalanceJob } from "@/lib/costs/snapshot-balance-job";
import { detectDriftJob } from "@/lib/drift/detect-drift-job";
import { syncInventoryJob } from "@/lib/inventory/sync/sync-inventory-job";
import type { JobDefinition } from "./job-definition";

/**
 * Every job by name: `npm run job -- <name>`, the Jobs page's "Run now" and the Inngest functions all look jobs up
 * here. Features add their definitions as they land.
 */
export const jobDefinitions: JobDefinition[] = [syncInventoryJob, detectDriftJob, snapshotBalanceJob, discoverInvoicesJob, ingestInvoiceJob, meterUsageJob, fetchFxRatesJob] as JobDefinition[];

export function findJob(name: string): JobDefinition | undefined {
  return jobDefinitions.find((j) => j.name === name);
}
