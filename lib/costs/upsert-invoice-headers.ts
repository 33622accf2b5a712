import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudInvoices } from "@/db/schema";

export interface InvoiceHeaderInput {
  invoiceUuid: string;
  invoiceId: string | null;
  /** `YYYY-MM-01`. */
  period: string;
  amountCents: number;
  issuedAt: Date | null;
  description: string | null;
}

const CHUNK = 500;

/**
 * Inserts new invoice headers and refreshes known ones with what DO says now; ingest state is never touched here.
 * Returns how many were new.
 */
export async function upsertInvoiceHeaders(db: DbOrTx, headers: readonly InvoiceHeaderInput[]): Promise<number> {
  let created = 0;
  for (let start = 0; start < headers.length; start += CHUNK) {
    const rows = await db
      .insert(cloudInvoices)
      .values(headers.slice(start, start + CHUNK).map((h) => ({ ...h })))
      .onConflictDoUpdate({
        target: cloudInvoices.invoiceUuid,
        set: {
          invoiceId: sql`coalesce(excluded.invoice_id, ${cloudInvoices.invoiceId})`,
          period: sql`excluded.period`,
          amountCents: sql`excluded.amount_cents`,
          issuedAt: sql`coalesce(excluded.issued_at, ${cloudInvoices.issuedAt})`,
          description: sql`coalesce(excluded.description, ${cloudInvoices.description})`,
          updatedAt: sql`now()`,
        },
      })
      // xmax is 0 only on a row this statement inserted: the usual way to tell inserts from updates in an upsert.
      .returning({ isNew: sql<boolean>`(xmax = 0)` });
    created += rows.filter((row) => row.isNew).length;
  }
  return created;
}
