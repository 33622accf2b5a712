import { formatAmount } from "./format-amount";
import type { IngestInvoiceResult } from "./ingest-invoice";

/** One line about an ingest, for the job run and the CLI. */
export function describeIngest(result: IngestInvoiceResult): string {
  const matched = result.matchedByIdCount + result.matchedByNameCount;
  const rate = result.resourceLineCount ? `${Math.round((matched / result.resourceLineCount) * 100)}%` : "n/a";
  const reconciliation =
    result.differenceCents === 0
      ? "reconciles"
      : `OFF BY $${formatAmount(result.differenceCents)} (lines $${formatAmount(result.linesTotalCents)} vs DO $${formatAmount(result.amountCents)})`;
  return (
    `${result.period.slice(0, 7)}: ${result.lineCount} lines, $${formatAmount(result.linesTotalCents)}, ${reconciliation}; ` +
    `matched ${matched}/${result.resourceLineCount} resource lines (${rate}: ${result.matchedByIdCount} by id, ${result.matchedByNameCount} by name)`
  );
}
