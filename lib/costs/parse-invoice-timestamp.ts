// DO writes "2026-04-01 00:00:00 +0000"; re-exported or hand-edited files carry ISO 8601 ("2026-04-01T00:00:00Z",
// "+10:00", fractional seconds). `Date.parse` accepts neither form consistently across engines and silently rolls
// "2026-02-30" over into March, so the fields are read and range-checked here.
const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads an invoice timestamp, or returns null when the text is not one. A timestamp without an offset is taken as
 * UTC, the zone DO bills in, so the result never depends on the server's time zone.
 */
export function parseInvoiceTimestamp(text: string): Date | null {
  const match = TIMESTAMP_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", offset = "Z"] = match;

  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;

  const offsetMinutes = parseOffsetMinutes(offset);
  if (offsetMinutes === null) return null;

  const date = new Date(0);
  // setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Number(fraction.slice(0, 3).padEnd(3, "0")));
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

function parseOffsetMinutes(offset: string): number | null {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return 0;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

// An invoice repeats a handful of timestamps (the month's window) across thousands of lines; parsing each string once
// keeps a 100,000-line file from building 200,000 throwaway Dates. Bounded, so odd files cannot grow it.
const cache = new Map<string, number | null>();
const CACHE_LIMIT = 512;

/** parseInvoiceTimestamp, remembering recent answers; each call returns its own Date. */
export function parseInvoiceTimestampCached(text: string): Date | null {
  let ms = cache.get(text);
  if (ms === undefined) {
    ms = parseInvoiceTimestamp(text)?.getTime() ?? null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, ms);
  }
  return ms === null ? null : new Date(ms);
}
