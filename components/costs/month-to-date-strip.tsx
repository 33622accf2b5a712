import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { BalanceItem } from "@/lib/costs/schemas";
import { formatDecimalMoney } from "@/lib/money/format-money";

/** One line of this month's running cost above the explorer, linking to the trend. */
export function MonthToDateStrip({ balance }: { balance: BalanceItem | null }) {
  return (
    <p className="mb-4 text-sm text-slate-700">
      {balance ? (
        <>
          Month to date: <strong className="font-semibold text-slate-900">{formatDecimalMoney(balance.month_to_date_usage, balance.currency)}</strong> of usage, as DO
          reported <RelativeTime iso={balance.generated_at} now={Date.now()} />.{" "}
        </>
      ) : (
        <>No balance snapshot yet. </>
      )}
      <Link href="/costs/balance" className="font-medium text-brand-700 hover:underline">
        See the month's trend
      </Link>
    </p>
  );
}
