// English month names written out here, not by the runtime's locale: en-AU says "Sept" where en-US says "Sep", and
// a page mixing the two (or "June" beside "Nov") reads as careless. Pure, so pages, lib/ and client components share it.

const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A month (`YYYY-MM` or `YYYY-MM-01`) as "Sep 2026". One style only: a heading's "June 2026" above a table's
 * "Nov 2026" is the very mix this file exists to stop.
 */
export function formatMonth(period: string): string {
  const [year, month] = period.split("-");
  return `${shortMonths[Number(month) - 1] ?? month} ${year}`;
}

/** A UTC day as "1 Sep", or "1 Sep 2026" with the year. */
export function formatDay(at: Date | string, opts: { withYear?: boolean } = {}): string {
  const d = typeof at === "string" ? new Date(at) : at;
  const day = `${d.getUTCDate()} ${shortMonths[d.getUTCMonth()]}`;
  return opts.withYear ? `${day} ${d.getUTCFullYear()}` : day;
}

/** A moment in the runtime's own time zone (the browser's) as "2 Sep 2026, 15:04", with these month names. */
export function formatLocalDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getDate()} ${shortMonths[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
