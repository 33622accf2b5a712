import "server-only";
import type { DbOrTx } from "@/db";
import { cliEnv } from "@/lib/platform/env";
import { announceMarginEvents } from "./announce-margin-events";

/**
 * What a metering run makes true, announced in its transaction: the month's tagged tenants nobody bills
 * (`usage.unbilled`), judged with the margin's own rule, in the reporting currency.
 */
export async function announceMeteredMonth(tx: DbOrTx, period: string, prefix: string, meteredTenants: readonly string[]): Promise<void> {
  await announceMarginEvents(tx, period, { tagPrefix: prefix, currency: cliEnv().REPORTING_CURRENCY }, meteredTenants);
}
