import type { Metadata } from "next";
import { MarginNav } from "@/components/margin/margin-nav";
import { MonthForm, SharedCostField } from "@/components/margin/month-range-form";
import { PlanMarginCard } from "@/components/margin/plan-margin-card";
import { PlanTargetField, PlanTargetNote } from "@/components/margin/plan-target-field";
import { Banner } from "@/components/ui/banner";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { monthName } from "@/lib/billing/chart-months";
import { latestInvoicedPeriod, loadMarginReport, selectableMonths } from "@/lib/billing/load-margin-page";
import { parseMarginPageQuery } from "@/lib/billing/margin-page-query";
import { currentPeriod } from "@/lib/billing/month";
import { loadPlanMarginCards } from "@/lib/billing/plan-margin-cards";
import { getPlanPriceTarget } from "@/lib/billing/plan-price-target";

export const metadata: Metadata = { title: "Margin by plan" };

export default async function PlanMarginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = parseMarginPageQuery(await searchParams);
  const db = getDb();
  const month = q.month && q.month <= currentPeriod() ? q.month : await latestInvoicedPeriod(db);
  // Prices come from what each plan's own subscribers cost; shared infrastructure is added only when asked for.
  const allocate = q.allocate === "1";
  const report = await loadMarginReport(db, month, month, allocate);
  const target = await getPlanPriceTarget(db, q.target);
  const cards = await loadPlanMarginCards(db, report, target.pct);
  const period = report.periods[0]!;

  return (
    <>
      <PageHeader
        title="Margin"
        description="Each plan's month against its price: COGS per subscription from its subscribers' tagged resources (average, median and 90th percentile), the base price that breaks even, and the one that meets a target margin. Prices come only from invoiced months."
      />
      <MarginNav current="/margin/plans" />
      <div className="flex flex-col gap-4">
        {period.isEstimate ? (
          <Banner tone="info">
            {monthName(month)} has no invoice yet: its COGS is DigitalOcean&apos;s month-to-date estimate for the whole account, so no plan is priced from it.
          </Banner>
        ) : null}
        <Card>
          <MonthForm month={month} months={selectableMonths()}>
            <SharedCostField allocate={allocate} />
            <PlanTargetField target={target} />
          </MonthForm>
          <PlanTargetNote target={target} />
        </Card>
        {cards.length ? (
          cards.map((plan) => <PlanMarginCard key={plan.code} plan={plan} currency={report.currency} target={target.pct} month={month} />)
        ) : (
          <Card>
            <EmptyState title={`No plans on sale in ${monthName(month)}`}>
              <p>Publish a plan version in the catalog first.</p>
            </EmptyState>
          </Card>
        )}
      </div>
    </>
  );
}
