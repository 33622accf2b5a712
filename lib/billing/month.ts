import { monthStartSchema } from "@/lib/http/input-schemas";

// Months are UTC calendar months, written `YYYY-MM` where people and the API see them and `YYYY-MM-01` where they are
// stored (billing periods are dates: the first day of the month).

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` (or a real day `YYYY-MM-DD`, whose day is ignored) → `YYYY-MM-01`. */
export const monthSchema = monthStartSchema("expected a month as YYYY-MM");

const DAY_MS = 86_400_000;

export function monthStart(period: string): Date {
  return new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
}

export function addMonths(period: string, n: number): string {
  const d = monthStart(period);
  return toPeriod(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

/** The first day of the month holding `at`, as `YYYY-MM-01`. */
export function toPeriod(at: Date): string {
  // Four-digit years always: PostgreSQL reads a short year such as "1-01-01" as 2001.
  return `${String(at.getUTCFullYear()).padStart(4, "0")}-${String(at.getUTCMonth() + 1).padStart(2, "0")}-01`;
}

export function currentPeriod(now = new Date()): string {
  return toPeriod(now);
}

export function daysInMonth(period: string): number {
  return dayNumber(monthStart(addMonths(period, 1))) - dayNumber(monthStart(period));
}

/** Whole UTC days since the epoch: pro-ration counts calendar days, so a day is either in a period or not. */
export function dayNumber(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** Every month from `from` to `to`, both `YYYY-MM-01` and inclusive. */
export function listPeriods(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

export const periodLabel = (period: string) => period.slice(0, 7);
