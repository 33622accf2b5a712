import { formatDay, formatMonth } from "@/lib/time/format-month";

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

// Months and days: one spelling everywhere (lib/ formats them too, so the names live there).
export { formatMonth };

/** A day as "1 Sep 2026" (UTC). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDay(iso, { withYear: true }) : "—";
}
