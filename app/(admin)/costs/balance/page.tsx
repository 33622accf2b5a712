import type { Metadata } from "next";
import { BalanceTrendChartLazy } from "@/components/costs/balance-trend-chart-lazy";
import { CostsNav } from "@/components/costs/costs-nav";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDb } from "@/db";
import { getLatestBalance, listBalanceTrend } from "@/lib/costs/get-balance";
import { summarizeBalanceTrend } from "@/lib/costs/summarize-balance-trend";
import { formatDecimalMoney, formatMoney } from "@/lib/money/format-money";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Month to date · Costs" };

export default async function BalancePage() {
  const db = getDb();
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [latest, points] = await Promise.all([getLatestBalance(db), listBalanceTrend(db, monthStart)]);
  const days = summarizeBalanceTrend(points);
  const month = monthStart.toLocaleString("en-AU", { month: "long", year: "numeric", timeZone: "UTC" });
  const figures: [string, string][] = latest
    ? [
        ["Usage this month", formatDecimalMoney(latest.month_to_date_usage, latest.currency)],
        ["Balance this month", formatDecimalMoney(latest.month_to_date_balance, latest.currency)],
        ["Account balance", formatDecimalMoney(latest.account_balance, latest.currency)],
      ]
    : [];
  return (
    <>
      <PageHeader title="Costs" description="What DigitalOcean charges us (cost of goods sold), line by line, matched to the resources it paid for." />
      <CostsNav current="/costs/balance" />
      {!latest ? (
        <Card>
          <EmptyState title="No balance snapshot yet" action={<RunJobButton action={runJobNow} job="snapshot-balance" label="Take a snapshot" />}>
            <p>
              The <code className="rounded bg-slate-100 px-1">snapshot-balance</code> job reads DigitalOcean&apos;s month-to-date balance hourly at :07.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <div className="grid gap-6">
          <Card>
            <CardHeader
              title={`Month to date: ${month}`}
              description={`As DigitalOcean reported at ${formatDateTime(latest.generated_at)} (read ${formatDateTime(latest.taken_at)}).`}
              actions={<RunJobButton action={runJobNow} job="snapshot-balance" label="Snapshot now" />}
            />
            <dl className="grid grid-cols-1 divide-y divide-slate-100 sm:grid-cols-3 sm:divide-x sm:divide-y-0">
              {figures.map(([label, value]) => (
                <div key={label} className="px-5 py-4">
                  <dt className="text-sm text-slate-600">{label}</dt>
                  <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card>
            <CardHeader
              title="Trend"
              description={
                days.length
                  ? `Usage grew from ${formatMoney(days[0]!.usageCents, latest.currency)} on ${days[0]!.day} to ${formatMoney(days.at(-1)!.usageCents, latest.currency)} on ${days.at(-1)!.day}, over ${points.length} hourly snapshots.`
                  : "No snapshots taken this month yet."
              }
            />
            {points.length > 1 ? (
              <div className="px-2 py-4">
                <BalanceTrendChartLazy points={points} currency={latest.currency} />
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
                        <Th scope="row">{d.day}</Th>
                        <Td align="right">{formatMoney(d.usageCents, latest.currency)}</Td>
                        <Td align="right">{formatMoney(d.changeCents, latest.currency)}</Td>
                        <Td align="right">{d.snapshots}</Td>
                      </tr>
                    ))}
                  </TBody>
                </Table>
              </details>
            ) : null}
          </Card>
        </div>
      )}
    </>
  );
}
