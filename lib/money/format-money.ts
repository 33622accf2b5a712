import { parseAmountCents } from "./parse-amount-cents";

// DO bills in US dollars and the plans are in Australian dollars, so a bare "$" would be ambiguous. British English
// has no dollar of its own, so Intl writes every dollar with its country ("US$12.40", "A$20.00", "NZ$", "CA$") and
// the unambiguous symbols plainly ("€", "£"); "en-US" and "en-AU" would each print their own dollar as a bare "$".
// Every ICU build (Node's, every browser's) carries en-GB, so the server and the browser render the same text.
const locale = "en-GB";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${currency}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    // "negative": no "-US$0.00" for a negative zero or an amount that rounds to zero.
    f = new Intl.NumberFormat(locale, { style: "currency", currency, signDisplay: "negative", ...options });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Integer cents as the pages show money: "US$1,234.50", "-A$10.00", "—" for a figure that does not exist. Every
 * amount is stored in hundredths of its currency, so every currency shows two decimals (a per-unit cost can ask for
 * more with `maxFractionDigits`).
 */
export function formatMoney(cents: number | null | undefined, currency: string, opts: { maxFractionDigits?: number } = {}): string {
  if (cents === null || cents === undefined) return "—";
  const digits = Math.max(2, opts.maxFractionDigits ?? 2);
  return formatter(currency, { minimumFractionDigits: 2, maximumFractionDigits: digits }).format(cents / 100);
}

/** An amount as the API writes it ("1234.50", "-10.00") shown with its currency. */
export function formatDecimalMoney(amount: string | null | undefined, currency: string): string {
  return formatMoney(amount === null || amount === undefined ? null : parseAmountCents(amount), currency);
}

/** A chart axis tick: short, and still with its currency ("A$1.2k", "US$50"). */
export function formatMoneyCompact(cents: number, currency: string): string {
  return formatter(currency, { notation: "compact" }).format(cents / 100);
}
