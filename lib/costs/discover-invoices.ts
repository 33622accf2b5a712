import "server-only";
import { asc, desc, inArray, lt, or, and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudInvoices } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { parseDoMoney } from "@/lib/money/parse-amount-cents";
import { periodFromHistoryEntry, periodFromInvoicePeriod } from "./invoice-period";
import { type InvoiceHeaderInput, upsertInvoiceHeaders } from "./upsert-invoice-headers";

export interface DiscoverInvoicesResult {
  /** Invoices found in the billing history (and the invoices list). */
  invoices: number;
  /** Of those, how many were new to us. */
  created: number;
  /** Billing history entries that are not invoices: payments, credits, refunds, adjustments. */
  skippedEntries: number;
  /** Invoice uuids still to ingest (never ingested, failed, or stuck mid-ingest), newest period first. */
  pending: string[];
}

// An ingest that has said "ingesting" this long died with its process; discovery hands it out again.
const STUCK_AFTER = sql`interval '30 minutes'`;

/**
 * Walks every page of the billing history and of the invoices list, upserts one header per invoice and lists the
 * invoices still to ingest. The period comes from the invoices list's `invoice_period`, not from the history entry's
 * date, which is when DO issued the invoice (early the next month).
 */
export async function discoverInvoices(
  db: DbOrTx,
  client: Pick<DoClient, "listInvoices" | "listBillingHistory">,
  onPage?: (pagesRead: number) => Promise<void>,
): Promise<DiscoverInvoicesResult> {
  let pagesRead = 0;
  const listed = new Map<string, { period: string | null; amountCents: number; invoiceId: string | null }>();
  for await (const page of client.listInvoices()) {
    for (const invoice of page) {
      listed.set(invoice.invoice_uuid, {
        period: periodFromInvoicePeriod(invoice.invoice_period),
        amountCents: parseDoMoney(invoice.amount, `the amount of invoice ${invoice.invoice_uuid}`),
        invoiceId: invoice.invoice_id ?? null,
      });
    }
    await onPage?.(++pagesRead);
  }

  const headers = new Map<string, InvoiceHeaderInput>();
  let skippedEntries = 0;
  for await (const page of client.listBillingHistory()) {
    for (const entry of page) {
      const uuid = entry.invoice_uuid?.trim();
      if (entry.type.toLowerCase() !== "invoice" || !uuid) {
        skippedEntries++;
        continue;
      }
      const fromList = listed.get(uuid);
      const period = fromList?.period ?? periodFromHistoryEntry(entry.description, entry.date);
      if (!period) throw new Error(`cannot tell the billing period of invoice ${uuid} ("${entry.description}")`);
      const issuedAt = new Date(entry.date);
      headers.set(uuid, {
        invoiceUuid: uuid,
        invoiceId: entry.invoice_id ?? fromList?.invoiceId ?? null,
        period,
        amountCents: fromList?.amountCents ?? parseDoMoney(entry.amount, `the amount of invoice ${uuid}`),
        issuedAt: Number.isNaN(issuedAt.getTime()) ? null : issuedAt,
        description: entry.description,
      });
    }
    await onPage?.(++pagesRead);
  }
  // An issued invoice the history does not (yet) show is still an invoice we owe.
  for (const [uuid, invoice] of listed) {
    if (headers.has(uuid) || !invoice.period) continue;
    headers.set(uuid, { invoiceUuid: uuid, invoiceId: invoice.invoiceId, period: invoice.period, amountCents: invoice.amountCents, issuedAt: null, description: null });
  }

  const created = await upsertInvoiceHeaders(db, [...headers.values()]);
  const pending = await listInvoicesToIngest(db);
  return { invoices: headers.size, created, skippedEntries, pending };
}

export async function listInvoicesToIngest(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ uuid: cloudInvoices.invoiceUuid })
    .from(cloudInvoices)
    .where(
      or(
        inArray(cloudInvoices.status, ["discovered", "failed"]),
        and(eq(cloudInvoices.status, "ingesting"), lt(cloudInvoices.lastAttemptAt, sql`now() - ${STUCK_AFTER}`)),
      ),
    )
    .orderBy(desc(cloudInvoices.period), asc(cloudInvoices.invoiceUuid));
  return rows.map((row) => row.uuid);
}
