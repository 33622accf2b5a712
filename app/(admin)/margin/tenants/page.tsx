import type { Metadata } from "next";
import Link from "next/link";
import { MarginNav } from "@/components/margin/margin-nav";
import { MissingRatesBanner } from "@/components/margin/missing-rates-banner";
import { BilledField, MonthForm, SharedCostField } from "@/components/margin/month-range-form";
import { TenantMarginTable } from "@/components/margin/tenant-margin-table";
import { Banner } from "@/components/ui/banner";
import { buttonClass } from "@/components/ui/button";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { monthName } from "@/lib/billing/chart-months";
import { describeMissingRates } from "@/lib/billing/describe-fx";
import { describeBasis } from "@/lib/billing/estimate-basis";
import { latestInvoicedPeriod, loadMarginReport, selectableMonths } from "@/lib/billing/load-margin-page";
import { marginUrl, parseMarginPageQuery } from "@/lib/billing/margin-page-query";
import { currentPeriod } from "@/lib/billing/month";
import { filterTenantRows, sortTenantRows, toTenantMarginRows } from "@/lib/billing/tenant-margin-rows";
import { formatMoney } from "@/lib/money/format-money";
import { hrefWith } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Margin by tenant" };

export default async function TenantMarginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = parseMarginPageQuery(await searchParams);
  const db = getDb();
  const month = q.month && q.month <= currentPeriod() ? q.month : await latestInvoicedPeriod(db);
  const allocate = q.allocate === "1";
  const report = await loadMarginReport(db, month, month, allocate);
  const all = toTenantMarginRows(report);
  const rows = sortTenantRows(filterTenantRows(all, q.billed), q.sort, q.dir);
  const unbilled = all.filter((r) => !r.isBilled);
  const period = report.periods[0]!;
  const missingRates = describeMissingRates(
    [{ period: period.period, missingPairs: period.missingPairs, isRevenueMissing: period.revenueMissing.length > 0, isCogsMissing: period.cogsMissing.length > 0 }],
    report.currency,
  );
  const url = marginUrl("/margin/tenants", { month, allocate: q.allocate, sort: q.sort, dir: q.dir, billed: q.billed });
  const exportHref = hrefWith({ ...url, path: "/margin/tenants/export" });

  return (
    <>
      <PageHeader title="Margin" description={`Revenue, attributed COGS and margin per tenant for one month, in ${report.currency}.`} />
      <MarginNav current="/margin/tenants" />
      <div className="flex flex-col gap-4">
        <MissingRatesBanner message={missingRates} />
        {period.isEstimate ? (
          <Banner tone="info">
            {monthName(month)} has no invoice yet: revenue is what has accrued so far, and COGS is DigitalOcean&apos;s month-to-date figure for the whole account
            {period.basis ? ` (${describeBasis(period.basis)})` : ""}, which says nothing about whose resources cost what, so{" "}
            {allocate ? "it is allocated pro rata to revenue, an estimate" : "tenants show no COGS until the invoice arrives; it is all in the shared row"}.
          </Banner>
        ) : null}
        {period.cogsUnknown ? <Banner tone="info">{monthName(month)} has neither an invoice nor a balance snapshot: its COGS is unknown, so no margin is shown.</Banner> : null}
        {unbilled.length ? (
          <Banner tone="warning">
            {unbilled.length} {unbilled.length === 1 ? "tenant has" : "tenants have"} tagged resources and no billed subscription in {monthName(month)}
            {period.unbilledCogs !== null && !period.cogsMissing.length ? `: ${formatMoney(period.unbilledCogs, report.currency)} of COGS nobody pays for` : ""}.{" "}
            {q.billed === "unbilled" ? null : (
              <Link href={hrefWith(url, { billed: "unbilled" })} className="font-medium underline">
                Show only the unbilled tenants
              </Link>
            )}
          </Banner>
        ) : null}
        <CardTable
          title={`Tenants in ${monthName(month)}`}
          description="COGS is a tenant's when the cost line's resource carried its tenant tag that month; the rest is shared. Unbilled rows are tenants whose resources nobody pays for. Usage is what the meter and arcadia-app recorded, against the plan's and add-ons' allowances."
          actions={
            <a href={exportHref} className={buttonClass("secondary", "sm")} download>
              Export CSV
            </a>
          }
          toolbar={
            <MonthForm month={month} months={selectableMonths()} keep={{ sort: q.sort, dir: q.dir }}>
              <SharedCostField allocate={allocate} />
              <BilledField billed={q.billed} />
            </MonthForm>
          }
          isEmpty={rows.length === 0}
          empty={
            <EmptyState title="Nothing to show for this month">
              <p>
                {q.billed === "unbilled"
                  ? `No tenant ran resources without a billed subscription in ${monthName(month)}.`
                  : `No tenant had a subscription, usage or attributed cost in ${monthName(month)}.`}
              </p>
            </EmptyState>
          }
        >
          <TenantMarginTable rows={rows} currency={report.currency} sort={{ field: q.sort, dir: q.dir }} url={url} />
        </CardTable>
      </div>
    </>
  );
}
