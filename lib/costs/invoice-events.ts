import type { NotificationEvent } from "@/lib/notifications/event-catalog";
import type { InvoiceLineStats } from "./replace-invoice-lines";

export interface InvoiceRef {
  invoiceUuid: string;
  /** The first day of the billing month. */
  period: string;
}

/** invoice.ingested, and invoice.unreconciled too when the lines do not add up to DO's amount. */
export function invoiceIngestedEvents(invoice: InvoiceRef & { amountCents: number; currency: string }, stats: InvoiceLineStats): NotificationEvent[] {
  const difference = stats.linesTotalCents - invoice.amountCents;
  const matched = stats.matchedByIdCount + stats.matchedByNameCount;
  const money = { currency: invoice.currency, amount_cents: invoice.amountCents, lines_total_cents: stats.linesTotalCents, difference_cents: difference };
  const ref = { invoice_uuid: invoice.invoiceUuid, period: invoice.period.slice(0, 7) };
  const ingested: NotificationEvent = {
    type: "invoice.ingested",
    data: {
      ...ref,
      ...money,
      reconciles: difference === 0,
      line_count: stats.lineCount,
      resource_line_count: stats.resourceLineCount,
      matched_count: matched,
      match_rate: stats.resourceLineCount ? matched / stats.resourceLineCount : null,
    },
  };
  return difference === 0 ? [ingested] : [ingested, { type: "invoice.unreconciled", data: { ...ref, ...money } }];
}

export function invoiceFailedEvent(invoice: InvoiceRef, error: string): NotificationEvent {
  return { type: "invoice.failed", data: { invoice_uuid: invoice.invoiceUuid, period: invoice.period.slice(0, 7), error } };
}
