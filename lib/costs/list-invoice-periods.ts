import "server-only";
import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudInvoices, type InvoiceStatus } from "@/db/schema";

export interface InvoicePeriod {
  period: string;
  invoiceUuid: string;
  status: InvoiceStatus;
  lineCount: number;
  amountCents: number;
  currency: string;
  linesTotalCents: number | null;
}

/** Every invoice's period for the explorer's picker, newest first. */
export async function listInvoicePeriods(db: DbOrTx): Promise<InvoicePeriod[]> {
  return db
    .select({
      period: cloudInvoices.period,
      invoiceUuid: cloudInvoices.invoiceUuid,
      status: cloudInvoices.status,
      lineCount: cloudInvoices.lineCount,
      amountCents: cloudInvoices.amountCents,
      currency: cloudInvoices.currency,
      linesTotalCents: cloudInvoices.linesTotalCents,
    })
    .from(cloudInvoices)
    .orderBy(desc(cloudInvoices.period));
}

/** The period the explorer opens on: the newest one with lines, else the newest one. */
export function pickDefaultPeriod(periods: readonly InvoicePeriod[]): string | undefined {
  return (periods.find((p) => p.lineCount > 0) ?? periods[0])?.period;
}
