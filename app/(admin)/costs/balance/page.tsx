import type { Metadata } from "next";
import { BalanceTrendCard } from "@/components/costs/balance-trend-card";
import { CostsHeader } from "@/components/costs/costs-header";
import { MonthToDateCard } from "@/components/costs/month-to-date-card";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { getLatestBalance, listBalanceTrend } from "@/lib/costs/get-balance";
import { summarizeBalanceTrend } from "@/lib/costs/summarize-balance-trend";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";
import { formatMonth } from "@/lib/time/format-month";

export const metadata: Metadata = { title: "Month to date · Costs" };

export default async function BalancePage() {
  const db = getDb();
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [latest, points, [snapshotRun = null]] = await Promise.all([
    getLatestBalance(db),
    listBalanceTrend(db, monthStart),
    listJobRuns(db, { job: "snapshot-balance", limit: 1 }),
  ]);
  const month = formatMonth(monthStart.toISOString().slice(0, 7));
  return (
    <>
      <CostsHeader current="/costs/balance" />
      {!latest ? (
        <Card>
          <EmptyState title="No balance snapshot yet" action={<RunJobButton action={runJobNow} job="snapshot-balance" label="Take a snapshot" run={snapshotRun} />}>
            <p>
              The <code className="rounded bg-slate-100 px-1">snapshot-balance</code> job reads DigitalOcean&apos;s month-to-date balance hourly at :07.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <div className="grid gap-6">
          <MonthToDateCard latest={latest} month={month} runJob={runJobNow} run={snapshotRun} />
          <BalanceTrendCard points={points} days={summarizeBalanceTrend(points)} currency={latest.currency} month={month} />
        </div>
      )}
    </>
  );
}
