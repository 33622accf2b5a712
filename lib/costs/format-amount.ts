/** Integer cents as the API writes money: "12.00", "-1.50", "1234.56" (no thousands separators, always 2 decimals). */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
