import "server-only";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CloudInvoice, cloudInvoices } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { InvoiceItem, InvoicesQuery } from "./schemas";

const CURSOR_SORT = "period:desc";

/** Invoice headers, newest period first, with their ingest state, reconciliation and match rate. */
export async function listInvoices(db: DbOrTx, query: InvoicesQuery) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(cloudInvoices.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, CURSOR_SORT, { value: "date", id: "text" });
    where.push(sql`(${cloudInvoices.period}, ${cloudInvoices.invoiceUuid}) < (${String(c.value)}::date, ${c.id})`);
  }
  const rows = await db
    .select()
    .from(cloudInvoices)
    .where(and(...where))
    .orderBy(desc(cloudInvoices.period), desc(cloudInvoices.invoiceUuid))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last ? encodeCursor({ sort: CURSOR_SORT, value: last.period, id: last.invoiceUuid }) : null;
  return { data: page.map(toInvoiceItem), next_cursor };
}

export function toInvoiceItem(invoice: CloudInvoice): InvoiceItem {
  const isIngested = invoice.linesTotalCents !== null;
  const difference = isIngested ? invoice.linesTotalCents! - invoice.amountCents : null;
  const matched = invoice.matchedByIdCount + invoice.matchedByNameCount;
  return {
    invoice_uuid: invoice.invoiceUuid,
    invoice_id: invoice.invoiceId,
    period: invoice.period,
    amount: centsToDecimal(invoice.amountCents),
    currency: invoice.currency,
    issued_at: invoice.issuedAt?.toISOString() ?? null,
    status: invoice.status,
    error: invoice.error,
    line_count: invoice.lineCount,
    lines_total: centsToDecimal(invoice.linesTotalCents ?? 0),
    difference: difference === null ? null : centsToDecimal(difference),
    reconciled: difference === null ? null : difference === 0,
    match_rate: invoice.resourceLineCount ? Math.round((matched / invoice.resourceLineCount) * 10_000) / 10_000 : null,
    resource_line_count: invoice.resourceLineCount,
    matched_by_id: invoice.matchedByIdCount,
    matched_by_name: invoice.matchedByNameCount,
    ingested_at: invoice.ingestedAt?.toISOString() ?? null,
  };
}
