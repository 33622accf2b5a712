import { formatDay } from "@/lib/time/format-month";
import { monthName } from "./chart-months";
import type { FxRateUsed } from "./fx-table";

// How the margin pages name exchange rates: which one a month used, and what a missing one hides.

/** "1.50000000" → "1.5": the stored 8 decimals without trailing zeros. */
export function formatRate(rate: string): string {
  return rate.includes(".") ? rate.replace(/0+$/, "").replace(/\.$/, "") : rate;
}

const pairLabel = (pair: string) => pair.replace("/", "→");

/** "USD→AUD 1.531 (ECB, 30 Apr 2026)": the rate, where it came from and its date (the latest on or before the 1st). */
export function describeRateUsed(u: FxRateUsed): string {
  return `${u.base}→${u.quote} ${formatRate(u.rate)} (${u.source === "ecb" ? "ECB" : "manual"}, ${formatDay(u.effectiveFrom, { withYear: true })})`;
}

export interface MissingRateMonth {
  period: string;
  missingPairs: string[];
  isRevenueMissing: boolean;
  isCogsMissing: boolean;
}

/** The warning for months missing a rate: which pairs, which months, and which figures that leaves out. */
export function describeMissingRates(months: MissingRateMonth[], currency: string): string | null {
  const missing = months.filter((m) => m.missingPairs.length > 0);
  if (!missing.length) return null;
  const pairs = [...new Set(missing.flatMap((m) => m.missingPairs))].sort().map(pairLabel).join(", ");
  const isRevenueMissing = missing.some((m) => m.isRevenueMissing);
  const hidden = [...(isRevenueMissing ? ["revenue"] : []), ...(missing.some((m) => m.isCogsMissing) ? ["COGS"] : []), "margin"];
  const what = hidden.length > 1 ? `${hidden.slice(0, -1).join(", ")} and ${hidden.at(-1)}` : hidden[0];
  const one = missing.length === 1;
  return (
    `No ${pairs} exchange rate for ${one ? monthName(missing[0]!.period) : `${missing.length} months`}, so ${one ? "its" : "their"} ${what} ` +
    `${hidden.length > 1 ? "are" : "is"} not shown rather than guessed${isRevenueMissing ? "" : `; revenue in ${currency} needs no rate`}.`
  );
}
