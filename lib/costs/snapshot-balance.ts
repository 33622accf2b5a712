import "server-only";
import type { DbOrTx } from "@/db";
import { type CloudBalanceSnapshot, cloudBalanceSnapshots } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { parseDoMoney } from "@/lib/money/parse-amount-cents";
import { evaluateBudgetsAfterSnapshot } from "@/lib/budgets/evaluate-budgets";

/**
 * Reads DO's month-to-date balance and stores it as one snapshot; hourly runs make the month's trend. Budgets are
 * measured against it in the same transaction, so a threshold it crosses fires exactly when the snapshot is kept.
 */
export async function snapshotBalance(db: DbOrTx, client: Pick<DoClient, "getBalance">): Promise<CloudBalanceSnapshot> {
  const balance = await client.getBalance();
  const generatedAt = new Date(balance.generated_at);
  if (Number.isNaN(generatedAt.getTime())) {
    throw new Error(`DO sent a balance generated_at "${balance.generated_at}" that is not a timestamp`);
  }
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(cloudBalanceSnapshots)
      .values({
        monthToDateBalanceCents: parseDoMoney(balance.month_to_date_balance, "month_to_date_balance"),
        monthToDateUsageCents: parseDoMoney(balance.month_to_date_usage, "month_to_date_usage"),
        accountBalanceCents: parseDoMoney(balance.account_balance, "account_balance"),
        generatedAt,
      })
      .returning();
    await evaluateBudgetsAfterSnapshot(tx, generatedAt);
    return inserted;
  });
  return row!;
}
