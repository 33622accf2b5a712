const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** DO's `invoice_period` ("2026-04") as the first day of that month ("2026-04-01"). */
export function periodFromInvoicePeriod(invoicePeriod: string): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(invoicePeriod.trim());
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}-01` : null;
}

/**
 * For a billing history entry the invoices list does not cover: "Invoice for May 2018" names its month; failing that,
 * DO issues an invoice early in the month after the one it bills.
 */
export function periodFromHistoryEntry(description: string, date: string): string | null {
  const named = /\b([a-z]+)\s+(\d{4})\b/i.exec(description);
  const monthIndex = named ? MONTHS.indexOf(named[1]!.toLowerCase()) : -1;
  if (named && monthIndex >= 0) return `${named[2]}-${String(monthIndex + 1).padStart(2, "0")}-01`;
  const issued = new Date(date);
  if (Number.isNaN(issued.getTime())) return null;
  const billed = new Date(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth() - 1, 1));
  return billed.toISOString().slice(0, 10);
}
