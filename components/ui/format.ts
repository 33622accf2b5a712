/** Date formatting shared by every page, so a date reads the same everywhere (money: `lib/money/format-money.ts`). */

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

// English month names written out here, not by the runtime's locale: en-AU says "Sept" where en-US says "Sep",
// and a page mixing the two (or "June" beside "Nov") reads as careless.
const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A month (`YYYY-MM` or `YYYY-MM-01`) as "Sep 2026", or "September 2026" with `long`. */
export function formatMonth(period: string, style: "short" | "long" = "short"): string {
  const [year, month] = period.split("-");
  const names = style === "long" ? longMonths : shortMonths;
  return `${names[Number(month) - 1] ?? month} ${year}`;
}

/** A day as "1 Sep 2026" (UTC). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return `${d.getUTCDate()} ${shortMonths[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
