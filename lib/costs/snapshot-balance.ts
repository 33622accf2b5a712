import "server-only";
import type { DbOrTx } from "@/db";
import { type CloudBalanceSnapshot, cloudBalanceSnapshots } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { parseDoMoney } from "@/lib/money/parse-amount-cents";

/** Reads DO's month-to-date balance and stores it as one snapshot; hourly runs make the month's trend. */
export async function snapshotBalance(db: DbOrTx, client: Pick<DoClient, "getBalance">): Promise<CloudBalanceSnapshot> {
  const balance = await client.getBalance();
  const generatedAt = new Date(balance.generated_at);
  if (Number.isNaN(generatedAt.getTime())) {
    throw new Error(`DO sent a balance generated_at "${balance.generated_at}" that is not a timestamp`);
  }
  const [row] = await db
    .insert(cloudBalanceSnapshots)
    .values({
      monthToDateBalanceCents: parseDoMoney(balance.month_to_date_balance, "month_to_date_balance"),
      monthToDateUsageCents: parseDoMoney(balance.month_to_date_usage, "month_to_date_usage"),
      accountBalanceCents: parseDoMoney(balance.account_balance, "account_balance"),
      generatedAt,
    })
    .returning();
  return row!;
}
