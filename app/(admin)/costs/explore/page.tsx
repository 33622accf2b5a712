import type { Metadata } from "next";
import { CostGroupsChartLazy } from "@/components/costs/cost-groups-chart-lazy";
import { CostGroupsForm } from "@/components/costs/cost-groups-form";
import { CostGroupsTable } from "@/components/costs/cost-groups-table";
import { CostsHeader } from "@/components/costs/costs-header";
import { NoInvoicesYet } from "@/components/costs/no-invoices-yet";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { Pagination, PastLastPage } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { monthName } from "@/lib/billing/chart-months";
import { aggregateCosts } from "@/lib/costs/aggregate-costs";
import { costDimensionLabels } from "@/lib/costs/cost-dimensions";
import { costGroupLinesUrl } from "@/lib/costs/cost-group-lines";
import { costGroupsUrl, parseCostGroupsQuery } from "@/lib/costs/cost-groups-query";
import { anomalyThresholdsOf } from "@/lib/costs/detect-cost-anomaly";
import { listInvoicePeriods } from "@/lib/costs/list-invoice-periods";
import { pivotCostGroups, toCostChart } from "@/lib/costs/pivot-cost-groups";
import { getCostPeriodBounds, resolveCostRange } from "@/lib/costs/resolve-cost-range";
import { hrefWith } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format-money";
import { env } from "@/lib/platform/env";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Grouped · Costs" };

const pageSize = 50;
const chartGroups = 8;

export default async function CostsExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseCostGroupsQuery(await searchParams);
  const { query } = parsed;
  const db = getDb();
  const [periods, bounds] = await Promise.all([listInvoicePeriods(db), getCostPeriodBounds(db)]);
  if (periods.length === 0) {
    return (
      <>
        <CostsHeader current="/costs/explore" />
        <NoInvoicesYet runJob={runJobNow} run={(await listJobRuns(db, { job: "discover-invoices", limit: 1 }))[0] ?? null} />
      </>
    );
  }

  // A range the API would refuse (too long) falls back to the default one, and the banner says so.
  let isValid = parsed.isValid;
  let range: { from: string; to: string };
  try {
    range = resolveCostRange(query, bounds);
  } catch {
    range = resolveCostRange({}, bounds);
    isValid = false;
  }
  const dims = { groupBy: query.group_by, groupBy2: query.group_by2 };
  const thresholds = anomalyThresholdsOf(env());
  const result = await aggregateCosts(db, { ...range, ...dims, tagPrefix: env().TENANT_TAG_PREFIX, thresholds });
  const pivot = pivotCostGroups(result);
  const chart = toCostChart(pivot, chartGroups, { isKind: dims.groupBy === "kind" && !dims.groupBy2 });
  const linesOf = (g: { group: string | null; group2: string | null }, period: string) => hrefWith(costGroupLinesUrl(dims, { period, ...g }));
  const url = costGroupsUrl({ ...query, ...range });
  const shown = pivot.groups.slice((query.page - 1) * pageSize, query.page * pageSize);
  const lineHrefs = Object.fromEntries(shown.map((g) => [g.key, Object.fromEntries(Object.keys(g.cells).map((p) => [p, linesOf(g, p)]))]));

  const dimsLabel = [dims.groupBy, dims.groupBy2].filter(Boolean).map((d) => costDimensionLabels[d!].toLowerCase()).join(" and ");
  const rangeLabel = `${monthName(range.from)} to ${monthName(range.to)}`;
  const rule = `more than ${thresholds.minPct} % and more than ${formatMoney(thresholds.minCents, chart.currency)} above the median of its 3 months before`;
  const anomalies = pivot.groups.flatMap((g) => g.anomalyMonths.map((m) => ({ g, m })));
  const chartDescription = `Stacked bars of the costs by ${dimsLabel} per month, ${rangeLabel}: the ${Math.min(chartGroups, pivot.groups.length)} largest groups${
    chart.series.some((s) => s.key === "other") ? " and the rest as Other" : ""
  }. The table below has the same figures.`;

  // Other is many groups: its bars open the month's lines.
  const chartSeries = chart.series.map((s) => ({
    key: s.key,
    label: s.label,
    color: s.color,
    hrefs: Object.fromEntries(pivot.months.map((p) => [p, s.group ? linesOf(s.group, p) : `/costs?period=${p}`])),
  }));

  return (
    <>
      <CostsHeader current="/costs/explore" />
      <InvalidFiltersBanner isShown={!isValid} />
      <Card className="mb-4">
        <CostGroupsForm {...dims} {...range} months={periods.map((p) => p.period)} />
        {pivot.groups.length ? (
          <>
            <CardHeader
              title={`Costs by ${dimsLabel} per month`}
              description={`${rangeLabel}. The ${chartGroups} largest groups are drawn, the rest as Other; click a bar to open its lines.`}
            />
            <div className="px-2 py-4">
              <CostGroupsChartLazy
                currency={chart.currency}
                description={chartDescription}
                months={chart.months.map((m) => ({ ...m, label: monthName(m.period) }))}
                series={chartSeries}
              />
            </div>
          </>
        ) : null}
      </Card>
      <CardTable
        title="Groups by month"
        description={
          <>
            Each amount opens its lines; the change is on the month before. A month is an anomaly when it is {rule} (COST_ANOMALY_MIN_PCT,
            COST_ANOMALY_MIN_USD).{" "}
            {anomalies.length ? (
              <strong className="text-red-800">
                {anomalies.length} {anomalies.length === 1 ? "anomaly" : "anomalies"} in this range.
              </strong>
            ) : (
              "No anomalies in this range."
            )}
          </>
        }
        isEmpty={shown.length === 0}
        empty={
          pivot.groups.length ? (
            <PastLastPage total={pivot.groups.length} pageSize={pageSize} noun="groups" href={(p) => hrefWith(url, { page: p })} />
          ) : (
            <EmptyState title="No cost lines in this range">
              <p>No invoice of {rangeLabel} has lines yet. Pick other months above, or see the invoices view for their ingest state.</p>
            </EmptyState>
          )
        }
      >
        <CostGroupsTable pivot={pivot} groups={shown} dims={dims} caption={`Costs by ${dimsLabel} and month, ${rangeLabel}`} lineHrefs={lineHrefs} />
        {pivot.groups.length > pageSize ? <Pagination page={query.page} pageSize={pageSize} total={pivot.groups.length} href={(p) => hrefWith(url, { page: p })} /> : null}
      </CardTable>
    </>
  );
}
