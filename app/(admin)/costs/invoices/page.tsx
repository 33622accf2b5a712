import type { Metadata } from "next";
import { CostsHeader } from "@/components/costs/costs-header";
import { InvoicesTable } from "@/components/costs/invoices-table";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Banner } from "@/components/ui/banner";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { addMonths } from "@/lib/billing/month";
import { costGroupsUrl } from "@/lib/costs/cost-groups-query";
import { anomalyThresholdsOf } from "@/lib/costs/detect-cost-anomaly";
import { flagInvoiceAnomalies } from "@/lib/costs/flag-invoice-anomalies";
import { listInvoices } from "@/lib/costs/list-invoices";
import { latestJobRunsByArg, listJobRuns } from "@/lib/jobs/list-job-runs";
import { hrefWith } from "@/lib/http/search-params";
import { env } from "@/lib/platform/env";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Invoices · Costs" };

export default async function InvoicesPage() {
  // One invoice a month: even a decade of history is one page.
  const db = getDb();
  const [{ data: invoices }, [discoverRun], ingestRuns] = await Promise.all([
    listInvoices(db, { limit: 500 }),
    listJobRuns(db, { job: "discover-invoices", limit: 1 }),
    latestJobRunsByArg(db, "ingest-invoice", "uuid"),
  ]);
  const off = invoices.filter((i) => i.reconciled === false);
  const failed = invoices.filter((i) => i.status === "failed");
  const isBusy = invoices.some((i) => i.status === "ingesting");
  const anomalies = flagInvoiceAnomalies(invoices, anomalyThresholdsOf(env()));
  // What grew: the month and the three before it, by kind, where the explorer flags the groups that jumped.
  const growthHref = (period: string) => hrefWith(costGroupsUrl({ group_by: "kind", from: addMonths(period, -3), to: period }));
  return (
    <>
      <AutoRefresh active={isBusy} />
      <CostsHeader current="/costs/invoices" />
      {off.length || failed.length ? (
        <div className="mb-4">
          <Banner tone="error">
            {off.length ? (
              <strong>
                {off.length} {off.length === 1 ? "invoice does" : "invoices do"} not reconcile with DigitalOcean&apos;s amount.{" "}
              </strong>
            ) : null}
            {failed.length ? `${failed.length} ${failed.length === 1 ? "invoice" : "invoices"} failed to ingest. ` : null}
            They are highlighted below.
          </Banner>
        </div>
      ) : null}
      <CardTable
        title="Invoices"
        description="Every invoice in the billing history. Re-ingest replaces an invoice's lines in one transaction; a failed ingest keeps the previous ones."
        actions={<RunJobButton action={runJobNow} job="discover-invoices" label="Discover invoices" run={discoverRun ?? null} />}
        isEmpty={invoices.length === 0}
        empty={
          <EmptyState title="No invoices discovered yet">
            <p>
              Discovery walks DigitalOcean&apos;s billing history daily at 02:23 UTC; run it now with the button above or{" "}
              <code className="rounded bg-slate-100 px-1">npm run job -- discover-invoices</code>.
            </p>
          </EmptyState>
        }
      >
        <InvoicesTable invoices={invoices} runJob={runJobNow} anomalies={anomalies} growthHref={growthHref} ingestRuns={ingestRuns} />
      </CardTable>
    </>
  );
}
