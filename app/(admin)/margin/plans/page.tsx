import type { Metadata } from "next";
import { MarginNav } from "@/components/margin/margin-nav";
import { MonthForm, SharedCostField } from "@/components/margin/month-range-form";
import { PlanMarginCard } from "@/components/margin/plan-margin-card";
import { Banner } from "@/components/ui/banner";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { monthName } from "@/lib/billing/chart-months";
import { latestInvoicedPeriod, loadMarginReport, selectableMonths } from "@/lib/billing/load-margin-page";
import { parseMarginPageQuery } from "@/lib/billing/margin-page-query";
import { currentPeriod } from "@/lib/billing/month";
import { loadPlanMarginCards } from "@/lib/billing/plan-margin-cards";

export const metadata: Metadata = { title: "Margin by plan" };

export default async function PlanMarginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = parseMarginPageQuery(await searchParams);
  const db = getDb();
  const month = q.month && q.month <= currentPeriod() ? q.month : await latestInvoicedPeriod(db);
  // Prices must pay for shared infrastructure too, so this view allocates shared cost unless told not to.
  const allocate = q.allocate !== "0";
  const report = await loadMarginReport(db, month, month, allocate);
  const cards = await loadPlanMarginCards(db, report, q.target);
  const period = report.periods[0]!;

  return (
    <>
      <PageHeader
        title="Margin"
        description="Each plan's month against its price: average COGS per subscriber and per included unit, the base price that breaks even, and the one that meets a target margin."
      />
      <MarginNav current="/margin/plans" />
      <div className="flex flex-col gap-4">
        {period.isEstimate ? (
          <Banner tone="info">{monthName(month)} has no invoice yet: its COGS is a month-to-date estimate, so prices computed from it are provisional.</Banner>
        ) : null}
        <Card>
          <MonthForm month={month} months={selectableMonths()}>
            <SharedCostField allocate={allocate} />
            <TextField id="margin-target" name="target" type="number" min={0} max={95} step={1} label="Target margin %" defaultValue={q.target} inputClassName="w-24" />
          </MonthForm>
        </Card>
        {cards.length ? (
          cards.map((plan) => <PlanMarginCard key={plan.code} plan={plan} currency={report.currency} target={q.target} />)
        ) : (
          <Card>
            <EmptyState title="No plans on sale">
              <p>Publish a plan version in the catalog first.</p>
            </EmptyState>
          </Card>
        )}
      </div>
    </>
  );
}
