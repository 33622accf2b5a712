import { fetchFxRatesJob } from "@/lib/billing/fetch-fx-rates-job";
import { meterBandwidthJob } from "@/lib/billing/meter-bandwidth-job";
import { meterUsageJob } from "@/lib/billing/meter-usage-job";
import { discoverInvoicesJob } from "@/lib/costs/discover-invoices-job";
import { ingestInvoiceJob } from "@/lib/costs/ingest-invoice-job";
import { snapshotBalanceJob } from "@/lib/costs/snapshot-balance-job";
import { detectDriftJob } from "@/lib/drift/detect-drift-job";
import { ApiError } from "@/lib/http/errors";
import { syncInventoryJob } from "@/lib/inventory/sync/sync-inventory-job";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { deliverNotificationsJob } from "@/lib/notifications/deliver-notifications-job";
import { sendNotificationDigestJob } from "@/lib/notifications/send-notification-digest-job";

/**
 * Every job by name: `npm run job -- <name>`, the Jobs page's "Run now" and the job handover look jobs up here.
 * Above the domains (which import lib/jobs to define their jobs), so lib/ never imports it. Features add their
 * definitions as they land, and an Inngest function for each in inngest/functions/.
 */
export const jobDefinitions: JobDefinition[] = [syncInventoryJob, detectDriftJob, snapshotBalanceJob, discoverInvoicesJob, ingestInvoiceJob, meterUsageJob, meterBandwidthJob, fetchFxRatesJob, deliverNotificationsJob, sendNotificationDigestJob] as JobDefinition[];

export function findJob(name: string): JobDefinition | undefined {
  return jobDefinitions.find((j) => j.name === name);
}

export function getJobOrThrow(name: string): JobDefinition {
  const job = findJob(name);
  if (!job) throw new ApiError("not_found", `No job named ${name}`);
  return job;
}
