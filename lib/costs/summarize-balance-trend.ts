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
