import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { DbOrTx } from "@/db";
import { env } from "@/lib/platform/env";
import { getMarginReport, type MarginReport, maxMarginMonths } from "./get-margin-report";
import { addMonths, currentPeriod, listPeriods } from "./month";

/** The margin pages' report for a range, with the reporting currency and tag prefix from the environment. */
export function loadMarginReport(db: DbOrTx, from: string, to: string, allocateShared = false): Promise<MarginReport> {
  return getMarginReport(db, { from, to, allocateShared, currency: env().REPORTING_CURRENCY, tagPrefix: env().TENANT_TAG_PREFIX });
}

/** The months the pickers offer: the last three years, newest first. */
export function selectableMonths(now = new Date()): string[] {
  const to = currentPeriod(now);
  return listPeriods(addMonths(to, -(maxMarginMonths - 1)), to).reverse();
}

/** Clamps a requested range to what the report accepts: ordered, at most 36 months. */
export function clampRange(from: string | undefined, to: string | undefined, now = new Date()): { from: string; to: string } {
  const current = currentPeriod(now);
  let end = to && to <= current ? to : current;
  let start = from ?? addMonths(end, -11);
  if (start > end) [start, end] = [end, start];
  if (start < addMonths(end, -(maxMarginMonths - 1))) start = addMonths(end, -(maxMarginMonths - 1));
  return { from: start, to: end };
}

/** The newest month with an ingested invoice (actual, attributable COGS), else the current month. */
export async function latestInvoicedPeriod(db: DbOrTx, now = new Date()): Promise<string> {
  const rows = rowsOf<{ period: string | null }>(
    await db.execute(sql`select max(period)::text as period from cloud_invoices where status = 'ingested' and line_count > 0`),
  );
  const latest = rows[0]?.period ?? null;
  const current = currentPeriod(now);
  return latest && latest <= current ? latest : current;
}
