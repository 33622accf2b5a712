import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { BalancePoint } from "@/lib/costs/get-balance";
import { type DailyBalance, describeBalanceTrend } from "@/lib/costs/summarize-balance-trend";
import { formatMoney } from "@/lib/money/format-money";
import { formatDay } from "@/lib/time/format-month";
import { BalanceTrendChartLazy } from "./balance-trend-chart-lazy";

/** The month's hourly snapshots as a chart, and the same figures by day as a table (open when there is no chart). */
export function BalanceTrendCard({ points, days, currency, month }: { points: BalancePoint[]; days: DailyBalance[]; currency: string; month: string }) {
  return (
    <Card>
      <CardHeader
        title="Trend"
        description={describeBalanceTrend(points, currency)}
      />
      {points.length > 1 ? (
        <div className="px-2 py-4">
          <BalanceTrendChartLazy points={points} currency={currency} />
        </div>
      ) : null}
      {days.length ? (
        <details className="border-t border-slate-200" open={points.length <= 1}>
          <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-slate-800">The same figures by day</summary>
          <Table caption={`Month-to-date usage by day, ${month}`}>
            <THead>
              <Th>Day (UTC)</Th>
              <Th align="right">Usage month to date</Th>
              <Th align="right">Added that day</Th>
              <Th align="right">Snapshots</Th>
            </THead>
            <TBody>
              {days.map((d) => (
                <tr key={d.day}>
                  <Th scope="row">{formatDay(d.day)}</Th>
                  <Td align="right">{formatMoney(d.usageCents, currency)}</Td>
                  <Td align="right">{formatMoney(d.changeCents, currency)}</Td>
                  <Td align="right">{d.snapshots}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </details>
      ) : null}
    </Card>
  );
}
