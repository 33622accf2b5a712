// English month names written out here, not by the runtime's locale: en-AU says "Sept" where en-US says "Sep", and
// a page mixing the two (or "June" beside "Nov") reads as careless. Pure, so pages, lib/ and client components share it.

const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A month (`YYYY-MM` or `YYYY-MM-01`) as "Sep 2026", or "September 2026" with `long`. */
export function formatMonth(period: string, style: "short" | "long" = "short"): string {
  const [year, month] = period.split("-");
  const names = style === "long" ? longMonths : shortMonths;
  return `${names[Number(month) - 1] ?? month} ${year}`;
}

/** A UTC day as "1 Sep", or "1 Sep 2026" with the year. */
export function formatDay(at: Date | string, opts: { withYear?: boolean } = {}): string {
  const d = typeof at === "string" ? new Date(at) : at;
  const day = `${d.getUTCDate()} ${shortMonths[d.getUTCMonth()]}`;
  return opts.withYear ? `${day} ${d.getUTCFullYear()}` : day;
}
