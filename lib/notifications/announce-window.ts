import { addMonths, toPeriod } from "@/lib/billing/month";

/**
 * How far back what an ingest or a metering run finds is still news. Loading history (the first discovery of a DO
 * account's invoices, a re-ingest of last year) records everything, but announcing every old month's anomaly and
 * unbilled tenant would bury the feed and flood every webhook: those months are on the dashboards, not in the inbox.
 */
export const announceWindowMonths = 2;

/** Whether `period` (YYYY-MM-01) is this month or one of the `announceWindowMonths` before it. */
export function isNewsworthyPeriod(period: string, now: Date = new Date()): boolean {
  return period.slice(0, 7) >= addMonths(toPeriod(now), -announceWindowMonths).slice(0, 7);
}
