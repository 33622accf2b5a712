import type { InvoiceLine } from "./build-invoice-lines";

// The format is /work/shared/do-api/invoice-csv.md: underscore headers, `$` amounts, `2026-04-01 00:00:00 +0000`
// dates. Written the way DO serves it (no BOM, LF endings); parser robustness against spreadsheet round-trips is
// for the parser's own tests.

export const invoiceCsvHeader = "product,group_description,description,hours,start,end,USD,project_name,category";

export function renderInvoiceCsv(lines: readonly InvoiceLine[]): string {
  const rows = lines.map((line) =>
    [
      line.product,
      line.groupDescription,
      line.description,
      line.hours === null ? "" : String(line.hours),
      formatCsvDate(line.start),
      formatCsvDate(toInclusiveEnd(line.end)),
      formatDollars(line.amountCents),
      line.projectName,
      line.category,
    ]
      .map(escapeCsvField)
      .join(","),
  );
  return `${[invoiceCsvHeader, ...rows].join("\n")}\n`;
}

/** `$1,234.56`, `-$10.00`: the CSV's amount column. */
export function formatDollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}

/** `1234.56`, `-10.00`: the JSON endpoints' amount strings. */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function formatCsvDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} +0000`;
}

/** A usage window ending at a month boundary is written as the last second of the month, as DO does. */
function toInclusiveEnd(endMs: number): number {
  const end = new Date(endMs);
  const isMonthBoundary =
    end.getUTCDate() === 1 && end.getUTCHours() === 0 && end.getUTCMinutes() === 0 && end.getUTCSeconds() === 0;
  return isMonthBoundary ? endMs - 1000 : endMs;
}

function escapeCsvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
