import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { cloudInvoices } from "@/db/schema";
import { describeErrorText } from "@/db/describe-error";
import type { DoClient } from "@/lib/digitalocean/client";
import { parseDoMoney } from "@/lib/money/parse-amount-cents";
import { recordEvent } from "@/lib/notifications/record-event";
import { invoiceFailedEvent } from "./invoice-events";
import { periodFromInvoicePeriod } from "./invoice-period";
import { createItemPairer } from "./pair-invoice-items";
import { InvoiceCsvError } from "./parse-invoice-csv";
import { type InvoiceLineStats, replaceInvoiceLines } from "./replace-invoice-lines";
import { upsertInvoiceHeaders } from "./upsert-invoice-headers";

export type IngestClient = Pick<DoClient, "getInvoiceCsv" | "listInvoiceItems" | "listInvoices">;

export interface IngestInvoiceResult extends InvoiceLineStats {
  invoiceUuid: string;
  period: string;
  amountCents: number;
  /** The invoice's currency: what its amounts are in. */
  currency: string;
  /** Lines total minus DO's amount: 0 when the invoice reconciles. */
  differenceCents: number;
}

export class UnknownInvoiceError extends Error {
  constructor(uuid: string) {
    super(`DigitalOcean lists no invoice ${uuid}`);
    this.name = "UnknownInvoiceError";
  }
}

/**
 * Fetches one invoice's CSV and JSON items and replaces its line set (see replaceInvoiceLines). The network calls
 * happen before the transaction opens, so no lock is held while DO answers. Any failure marks the invoice `failed`
 * with the reason (a CSV parse error names the line and the column), announced as invoice.failed, and is rethrown;
 * the previous lines stay.
 */
export async function ingestInvoice(db: Db, client: IngestClient, invoiceUuid: string, opts: { now?: Date } = {}): Promise<IngestInvoiceResult> {
  const invoice = await getOrDiscoverInvoice(db, client, invoiceUuid);
  await db
    .update(cloudInvoices)
    .set({ status: "ingesting", lastAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(cloudInvoices.id, invoice.id));

  try {
    const csv = await client.getInvoiceCsv(invoiceUuid);
    const pairer = createItemPairer();
    for await (const page of client.listInvoiceItems(invoiceUuid)) pairer.add(page);
    const stats = await replaceInvoiceLines(db, {
      invoiceId: invoice.id,
      csv,
      pairer,
      csvSha256: createHash("sha256").update(csv).digest("hex"),
      now: opts.now,
    });
    return {
      invoiceUuid,
      period: invoice.period,
      amountCents: invoice.amountCents,
      currency: invoice.currency,
      differenceCents: stats.linesTotalCents - invoice.amountCents,
      ...stats,
    };
  } catch (error) {
    const reason = describeErrorText(error);
    const message = error instanceof InvoiceCsvError ? `The invoice CSV could not be parsed: ${reason}` : reason;
    await db.transaction(async (tx) => {
      await tx
        .update(cloudInvoices)
        .set({ status: "failed", error: message.slice(0, 2000), updatedAt: sql`now()` })
        .where(eq(cloudInvoices.id, invoice.id));
      await recordEvent(tx, invoiceFailedEvent({ invoiceUuid, period: invoice.period }, message.slice(0, 2000)));
    });
    // The parser's own message lacks what failed; the job run and the log should say it as the invoice does.
    if (error instanceof InvoiceCsvError) throw new Error(message, { cause: error });
    throw error;
  }
}

async function getOrDiscoverInvoice(db: Db, client: IngestClient, invoiceUuid: string) {
  const find = () =>
    db
      .select({ id: cloudInvoices.id, period: cloudInvoices.period, amountCents: cloudInvoices.amountCents, currency: cloudInvoices.currency })
      .from(cloudInvoices)
      .where(eq(cloudInvoices.invoiceUuid, invoiceUuid));
  const [known] = await find();
  if (known) return known;

  // Asked for by uuid before discovery saw it (`npm run job -- ingest-invoice <uuid>`): take its header from DO.
  for await (const page of client.listInvoices()) {
    const listed = page.find((invoice) => invoice.invoice_uuid === invoiceUuid);
    const period = listed && periodFromInvoicePeriod(listed.invoice_period);
    if (!listed || !period) continue;
    await upsertInvoiceHeaders(db, [
      {
        invoiceUuid,
        invoiceId: listed.invoice_id ?? null,
        period,
        amountCents: parseDoMoney(listed.amount, `the amount of invoice ${invoiceUuid}`),
        issuedAt: null,
        description: null,
      },
    ]);
    const [created] = await find();
    if (created) return created;
  }
  throw new UnknownInvoiceError(invoiceUuid);
}
