// DO writes amounts as "$3.11" and credits as "-$1.00". Spreadsheet round-trips add "$-1.00", "($5.00)",
// thousands separators ("$1,234.56") and drop trailing zeros ("$3.1", "$3"). Anything else is rejected rather
// than guessed at, because a silently misread amount corrupts every COGS figure built on it.
const AMOUNT_PATTERN = /^(-)?\s*\$?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

// 13 digits of dollars plus 2 of cents stays below 2^53, so the cents are an exact JavaScript integer.
const MAX_DOLLAR_DIGITS = 13;

/**
 * Converts an invoice amount to integer cents without going through a float, or returns null when the text is
 * not an amount.
 */
export function parseAmountCents(text: string): number | null {
  let body = text.trim();
  let isNegative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    isNegative = true;
    body = body.slice(1, -1).trim();
  }

  const match = AMOUNT_PATTERN.exec(body);
  if (!match) return null;
  const [, signBeforeDollar, signAfterDollar, whole = "", fraction = ""] = match;
  const signCount = [isNegative, signBeforeDollar, signAfterDollar].filter(Boolean).length;
  if (signCount > 1) return null;

  const dollars = whole.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  if (dollars.length > MAX_DOLLAR_DIGITS) return null;

  // The digits of dollars and cents side by side are the amount in cents, so parsing them as one integer is exact.
  const cents = Number(`${dollars}${fraction.padEnd(2, "0")}`);
  if (signCount === 0 || cents === 0) return cents;
  return -cents;
}

/**
 * DO's JSON money ("12.34", "-5.00") as integer cents. The client's schema has checked it is a decimal; a figure
 * with sub-cent digits is refused rather than rounded, because a silently rounded total would never reconcile.
 */
export function parseDoMoney(amount: string, what: string): number {
  const cents = parseAmountCents(amount);
  if (cents === null) throw new Error(`DO sent ${what} "${amount}", which is not an amount in whole cents`);
  return cents;
}

/** Dollars as a JSON number (a size's `price_monthly`: 12, 0.00893) to the nearest cent, via its decimal text. */
export function dollarNumberToCents(dollars: number | null | undefined): number | null {
  if (dollars === null || dollars === undefined || !Number.isFinite(dollars)) return null;
  return parseAmountCents(dollars.toFixed(2));
}
