import { parseAmountCents } from "./parse-amount-cents";

// What people type into a price field: dollars with at most two decimals, an optional leading "$" and thousands
// commas. No sign: a price is never negative.
const moneyInputPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** A typed amount ("49.95", "$2,000") as integer cents, converted on the string; null when it is not one. */
export function parseMoneyInput(text: string): number | null {
  const digits = text.replace(/^\$/, "").replace(/,/g, "");
  return moneyInputPattern.test(digits) ? parseAmountCents(digits) : null;
}
