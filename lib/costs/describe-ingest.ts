import { formatMoney } from "@/lib/money/format-money";
import type { IngestInvoiceResult } from "./ingest-invoice";

/** One line about an ingest, for the job run and the CLI. */
export function describeIngest(result: IngestInvoiceResult): string {
  const matched = result.matchedByIdCount + result.matchedByNameCount;
  const rate = result.resourceLineCount ? `${Math.round((matched / result.resourceLineCount) * 100)}%` : "n/a";
  const money = (cents: number) => formatMoney(cents, result.currency);
  const reconciliation =
    result.differenceCents === 0
      ? "reconciles"
      : `OFF BY ${money(result.differenceCents)} (lines ${money(result.linesTotalCents)} vs DO ${money(result.amountCents)})`;
  return (
    `${result.period.slice(0, 7)}: ${result.lineCount} lines, ${money(result.linesTotalCents)}, ${reconciliation}; ` +
    `matched ${matched}/${result.resourceLineCount} resource lines (${rate}: ${result.matchedByIdCount} by id, ${result.matchedByNameCount} by name)`
  );
}
