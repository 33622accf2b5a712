import type { Metadata } from "next";
import Link from "next/link";
import { CogsRevenueChartLazy } from "@/components/margin/cogs-revenue-chart-lazy";
import { EstimateReconciliationTable, MarginMonthTable } from "@/components/margin/margin-month-table";
import { MarginNav } from "@/components/margin/margin-nav";
import { MissingRatesBanner } from "@/components/margin/missing-rates-banner";
import { MonthRangeForm } from "@/components/margin/month-range-form";
import { Banner } from "@/components/ui/banner";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { monthName, toChartMonths } from "@/lib/billing/chart-months";
import { describeMissingRates } from "@/lib/billing/describe-fx";
import { marginMonths } from "@/lib/billing/get-margin-report";
import { clampRange, loadMarginReport, selectableMonths } from "@/lib/billing/load-margin-page";
import { marginUrl, parseMarginPageQuery } from "@/lib/billing/margin-page-query";
import { hrefWith } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format-money";

export const metadata: Metadata = { title: "Margin" };

export default async function MarginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = parseMarginPageQuery(await searchParams);
  const range = clampRange(q.from, q.to);
  const report = await loadMarginReport(getDb(), range.from, range.to);
  const months = toChartMonths(marginMonths(report));
  const missingRates = describeMissingRates(
    months.map((m) => ({ period: m.period, missingPairs: m.missingPairs, isRevenueMissing: m.revenue === null, isCogsMissing: m.fxMissing && m.cogs === null })),
    report.currency,
  );
  const hasRevenue = months.some((m) => (m.revenue ?? 0) !== 0);
  const estimate = months.find((m) => m.isEstimate);
  // Leakage over the range: the tagged COGS of tenants nobody bills, in the months whose invoice says whose it is.
  const leaking = months.filter((m) => m.unbilledCogs);
  const leakage = leaking.reduce((a, m) => a + (m.unbilledCogs ?? 0), 0);
  const latestLeak = leaking.at(-1);

  return (
    <>
      <PageHeader
        title="Margin"
        description={`What tenants pay us against what DigitalOcean charges us (COGS), in ${report.currency}. Revenue is subscriptions pro-rated by day, add-ons and overage; COGS is the ingested invoice lines without tax. A month without an invoice compares revenue accrued to date with DigitalOcean's month-to-date usage, and projects both to the month's end.`}
      />
      <MarginNav current="/margin" />
      <div className="flex flex-col gap-4">
        <MissingRatesBanner message={missingRates} />
        {latestLeak ? (
          <Banner tone="warning">
            Revenue leakage: {formatMoney(leakage, report.currency)} of COGS in this range is tagged for tenants nobody bills ({latestLeak.unbilledTenants} in{" "}
            {monthName(latestLeak.period)}).{" "}
            <Link href={hrefWith(marginUrl("/margin/tenants", { month: latestLeak.period, billed: "unbilled" }))} className="font-medium underline">
              See the unbilled tenants of {monthName(latestLeak.period)}
            </Link>
            .
          </Banner>
        ) : null}
        {!hasRevenue ? (
          <Banner tone="info">
            No revenue in this range yet: revenue comes from the tenants and subscriptions arcadia-app sends (
            <code>PUT /api/v1/tenants/:id</code>, <code>PUT /api/v1/subscriptions/:id</code>).
          </Banner>
        ) : null}
        <Card>
          <CardHeader
            title="COGS vs revenue by month"
            description={
              <>
                Bars: COGS by resource kind; line: revenue; dashed line: gross margin % (right axis).
                {estimate
                  ? ` ${monthName(estimate.period)} has no invoice yet: its figures are to date (${estimate.basisLabel}), revenue accrued against DigitalOcean's month-to-date usage, and its hatched bar is that usage.`
                  : ""}{" "}
                Click a bar to open that month's cost lines.
              </>
            }
          />
          <MonthRangeForm from={range.from} to={range.to} months={selectableMonths()} />
          <div className="px-3 py-4">
            <CogsRevenueChartLazy months={months} currency={report.currency} />
          </div>
        </Card>
        <Card>
          <CardHeader
            title="Figures by month"
            description="The chart's figures. Shared cost (not attributable to a tenant's resources) is part of COGS. Each month converts with the rate in effect on its first day: the latest dated on or before it, fetched (ECB) or entered (manual)."
          />
          <MarginMonthTable months={months} currency={report.currency} />
        </Card>
        <Card>
          <CardHeader
            title="Estimate vs invoice"
            description="How far to trust the month under way: for each invoiced month that had balance snapshots, the COGS its last estimate projected to the month's end against what the invoice charged."
          />
          <EstimateReconciliationTable months={months} currency={report.currency} />
        </Card>
      </div>
    </>
  );
}
