import "server-only";
import { asc, desc, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CloudBalanceSnapshot, cloudBalanceSnapshots } from "@/db/schema";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { BalanceItem } from "./schemas";

export async function getLatestBalance(db: DbOrTx): Promise<BalanceItem | null> {
  const [row] = await db.select().from(cloudBalanceSnapshots).orderBy(desc(cloudBalanceSnapshots.takenAt)).limit(1);
  return row ? toBalanceItem(row) : null;
}

export interface BalancePoint {
  takenAt: string;
  usageCents: number;
  balanceCents: number;
}

/** The snapshots taken since `since`, oldest first: the points of the month-to-date trend. */
export async function listBalanceTrend(db: DbOrTx, since: Date): Promise<BalancePoint[]> {
  const rows = await db
    .select()
    .from(cloudBalanceSnapshots)
    .where(gte(cloudBalanceSnapshots.takenAt, since))
    .orderBy(asc(cloudBalanceSnapshots.takenAt))
    // Hourly for a month is at most 744; the cap guards against a runaway schedule.
    .limit(5000);
  return rows.map((row) => ({
    takenAt: row.takenAt.toISOString(),
    usageCents: row.monthToDateUsageCents,
    balanceCents: row.monthToDateBalanceCents,
  }));
}

export function toBalanceItem(row: CloudBalanceSnapshot): BalanceItem {
  return {
    month_to_date_balance: centsToDecimal(row.monthToDateBalanceCents),
    month_to_date_usage: centsToDecimal(row.monthToDateUsageCents),
    account_balance: centsToDecimal(row.accountBalanceCents),
    currency: row.currency,
    generated_at: row.generatedAt.toISOString(),
    taken_at: row.takenAt.toISOString(),
  };
}
