/**
 * 1234 → "12.34", -5 → "-0.05": money as the API, the CSV exports and a money input write it (two decimals, no
 * symbol, no grouping), built on integers so no float ever rounds a cent.
 */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
