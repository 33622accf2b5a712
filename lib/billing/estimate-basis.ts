import { prorate } from "@/lib/money/round-div";
import type { BalanceSnapshotFigure } from "./load-cogs";
import { addMonths, monthStart } from "./month";
import { formatDay } from "@/lib/time/format-month";

// A month without an invoice is reported to a moment: revenue accrued and COGS (DO's month-to-date usage) both as of
// the latest balance snapshot, so like is compared with like; both are then projected to the month's end.

const DAY_MS = 86_400_000;

export interface EstimateBasis {
  /** Where "to date" ends: the snapshot's `generated_at`, or (no snapshot yet) the report's own time. */
  asOf: Date;
  source: "snapshot" | "clock";
  /** Milliseconds of the month elapsed at `asOf`, and in the whole month: the projection's ratio. */
  elapsedMs: number;
  monthMs: number;
}

/**
 * The basis a month's figures are reported on: none for a month with an invoice (final) or one that ended without any
 * snapshot (nothing was measured), the latest snapshot for one without an invoice, the clock for one not over yet.
 */
export function estimateBasis(period: string, opts: { isInvoiced: boolean; snapshot: BalanceSnapshotFigure | undefined; now: Date }): EstimateBasis | null {
  if (opts.isInvoiced) return null;
  const start = monthStart(period).getTime();
  const end = monthStart(addMonths(period, 1)).getTime();
  const at = opts.snapshot?.generatedAt ?? (opts.now.getTime() < end ? opts.now : null);
  if (!at) return null;
  const asOf = Math.min(Math.max(at.getTime(), start), end);
  return { asOf: new Date(asOf), source: opts.snapshot ? "snapshot" : "clock", elapsedMs: asOf - start, monthMs: end - start };
}

/** A month-to-date figure projected to the month's end at the rate it accrued so far; null at the very first instant. */
export function projectToMonthEnd(cents: number, basis: EstimateBasis): number | null {
  return basis.elapsedMs > 0 ? prorate(cents, basis.monthMs, basis.elapsedMs) : null;
}

/** Whole days into the month, counting the one under way: 14:07 on the 1st is "1 day into the month". */
export function daysIntoMonth(basis: EstimateBasis): number {
  return Math.max(1, Math.ceil(basis.elapsedMs / DAY_MS));
}

const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const dayMonth = (d: Date) => formatDay(d);

/** "estimate from the 14:07 snapshot of 1 Dec (UTC), 1 day into the month": what the figures are, and as of when. */
export function describeBasis(basis: EstimateBasis): string {
  const n = daysIntoMonth(basis);
  const into = `${n} ${n === 1 ? "day" : "days"} into the month`;
  if (basis.source === "clock") return `no balance snapshot yet: revenue to date as of ${hhmm(basis.asOf)} on ${dayMonth(basis.asOf)} (UTC), ${into}`;
  return `estimate from the ${hhmm(basis.asOf)} snapshot of ${dayMonth(basis.asOf)} (UTC), ${into}`;
}
