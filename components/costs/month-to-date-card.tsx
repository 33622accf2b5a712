import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { BalanceItem } from "@/lib/costs/schemas";
import type { ServerAction } from "@/lib/http/action-result";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { formatDecimalMoney } from "@/lib/money/format-money";

/** The latest balance snapshot's figures for the month, when DigitalOcean reported them, and Snapshot now. */
export function MonthToDateCard({
  latest,
  month,
  runJob,
  run,
}: {
  latest: BalanceItem;
  month: string;
  runJob: ServerAction;
  /** snapshot-balance's latest run, which Snapshot now follows. */
  run: JobRunDto | null;
}) {
  const figures: [string, string][] = [
    ["Usage this month", formatDecimalMoney(latest.month_to_date_usage, latest.currency)],
    ["Balance this month", formatDecimalMoney(latest.month_to_date_balance, latest.currency)],
    ["Account balance", formatDecimalMoney(latest.account_balance, latest.currency)],
  ];
  return (
    <Card>
      <CardHeader
        title={`Month to date: ${month}`}
        description={`As DigitalOcean reported at ${formatDateTime(latest.generated_at)} (read ${formatDateTime(latest.taken_at)}).`}
        actions={<RunJobButton action={runJob} job="snapshot-balance" label="Snapshot now" run={run} />}
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
  );
}
