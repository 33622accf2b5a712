import "server-only";
import type { DbOrTx } from "@/db";
import { announceMarginEvents } from "@/lib/billing/announce-margin-events";
import type { CogsData } from "@/lib/billing/load-cogs";
import { cliEnv } from "@/lib/platform/env";
import { announceCostAnomalies } from "./announce-cost-anomalies";
import { anomalyThresholdsOf } from "./detect-cost-anomaly";

/**
 * What an invoice's lines change, announced in the ingest's transaction: the month's cost anomalies, its tagged
 * tenants nobody bills, and the plans and tenants under the target margin. Each is announced once per subject and
 * month, so re-ingesting an invoice repeats nothing. `cogs`: the month's loadCogs, when the ingest has read it.
 */
export async function announceInvoiceMonth(tx: DbOrTx, period: string, cogs?: CogsData): Promise<void> {
  const e = cliEnv();
  await announceCostAnomalies(tx, period, { tagPrefix: e.TENANT_TAG_PREFIX, thresholds: anomalyThresholdsOf(e) });
  await announceMarginEvents(tx, period, { tagPrefix: e.TENANT_TAG_PREFIX, currency: e.REPORTING_CURRENCY, cogs });
}
