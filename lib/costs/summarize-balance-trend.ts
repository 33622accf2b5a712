import { formatMoney } from "@/lib/money/format-money";
import { formatDay } from "@/lib/time/format-month";
import type { BalancePoint } from "./get-balance";

export interface DailyBalance {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Usage at the day's last snapshot. */
  usageCents: number;
  /** Growth since the previous day's last snapshot (or the month's first). */
  changeCents: number;
  snapshots: number;
}

/** The trend as one row per day: the chart's text alternative, and easier to read than 700 hourly points. */
export function summarizeBalanceTrend(points: readonly BalancePoint[]): DailyBalance[] {
  const days: DailyBalance[] = [];
  let previousUsage: number | null = null;
  for (const point of points) {
    const key = point.takenAt.slice(0, 10);
    const last = days.at(-1);
    if (last?.day === key) {
      last.usageCents = point.usageCents;
      last.snapshots++;
      last.changeCents = point.usageCents - (previousUsage ?? 0);
      continue;
    }
    if (last) previousUsage = last.usageCents;
    days.push({ day: key, usageCents: point.usageCents, changeCents: point.usageCents - (previousUsage ?? 0), snapshots: 1 });
  }
  return days;
}

/**
 * The trend in one sentence: from the first snapshot to the last, with days (and times, when they fall on one day)
 * as every page writes them. "Grew" only when usage did.
 */
export function describeBalanceTrend(points: readonly BalancePoint[], currency: string): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No snapshots taken this month yet.";
  const n = `${points.length} ${points.length === 1 ? "snapshot" : "snapshots"}`;
  const sameDay = first.takenAt.slice(0, 10) === last.takenAt.slice(0, 10);
  const at = (iso: string) => (sameDay ? `${iso.slice(11, 16)} UTC` : formatDay(iso));
  const from = formatMoney(first.usageCents, currency);
  const to = formatMoney(last.usageCents, currency);
  if (points.length === 1) return `Usage was ${to} at ${formatDay(last.takenAt)}, ${last.takenAt.slice(11, 16)} UTC (1 snapshot).`;
  const span = sameDay ? `on ${formatDay(first.takenAt)} from ${at(first.takenAt)} to ${at(last.takenAt)}` : `from ${at(first.takenAt)} to ${at(last.takenAt)}`;
  if (last.usageCents === first.usageCents) return `Usage held at ${to} ${span}, over ${n}.`;
  const verb = last.usageCents > first.usageCents ? "grew" : "fell";
  return sameDay
    ? `Usage ${verb} from ${from} to ${to} ${span}, over ${n}.`
    : `Usage ${verb} from ${from} on ${at(first.takenAt)} to ${to} on ${at(last.takenAt)}, over ${n}.`;
}
