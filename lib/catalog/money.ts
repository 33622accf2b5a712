/**
 * Money in the catalog is integer cents. People type dollars, so the forms convert here, on strings, never through
 * floating point (0.1 + 0.2 must not become 30.000000000000004 cents).
 */
export const moneyPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** "49.95" → 4995, "50" → 5000, "0.5" → 50. The caller has checked `moneyPattern`. */
export function dollarsToCents(amount: string): number {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 4995 → "49.95", 5000 → "50.00": the value a money input starts with. */
export function centsToDollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
