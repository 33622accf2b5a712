import type { Metadata } from "next";
import Link from "next/link";
import { CostLinesFilters } from "@/components/costs/cost-lines-filters";
import { CostLinesTable } from "@/components/costs/cost-lines-table";
import { CostsNav } from "@/components/costs/costs-nav";
import { MonthToDateStrip } from "@/components/costs/month-to-date-strip";
import { ReconciliationBanner } from "@/components/costs/reconciliation-banner";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Banner } from "@/components/ui/banner";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, PastLastPage } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { exploreCostLines, explorerFilter, listCostLineFacets, summarizeCostLines } from "@/lib/costs/explore-cost-lines";
import { explorerUrl, parseExplorerQuery } from "@/lib/costs/explorer-query";
import { getLatestBalance } from "@/lib/costs/get-balance";
import { listInvoicePeriods, pickDefaultPeriod } from "@/lib/costs/list-invoice-periods";
import { hrefWith } from "@/lib/http/search-params";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Costs" };

const pageSize = 50;

export default async function CostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query: parsed, isValid } = parseExplorerQuery(await searchParams);
  const db = getDb();
  const [periods, balance] = await Promise.all([listInvoicePeriods(db), getLatestBalance(db)]);
  const query = { ...parsed, period: parsed.period ?? pickDefaultPeriod(periods) };
  const invoice = periods.find((p) => p.period === query.period);

  const header = (
    <>
      <PageHeader title="Costs" description="What DigitalOcean charges us (cost of goods sold), line by line, matched to the resources it paid for." />
      <CostsNav current="/costs" />
      <MonthToDateStrip balance={balance} />
    </>
  );

  if (periods.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="No invoices ingested yet" action={<RunJobButton action={runJobNow} job="discover-invoices" label="Discover invoices" />}>
            <p>
              Invoice lines appear here once the billing history has been discovered and the invoices ingested. The{" "}
              <code className="rounded bg-slate-100 px-1">discover-invoices</code> job runs daily at 02:23 UTC; run it now with the button
              below or <code className="rounded bg-slate-100 px-1">npm run job -- discover-invoices</code>.
            </p>
          </EmptyState>
        </Card>
      </>
    );
  }

  const filter = explorerFilter(query);
  const [page, totals, facets] = await Promise.all([
    exploreCostLines(db, query, { limit: pageSize, offset: (query.page - 1) * pageSize }),
    summarizeCostLines(db, filter),
    listCostLineFacets(db, query.period),
  ]);
  const url = explorerUrl(query);
  const pageHref = (p: number) => hrefWith(url, { page: p });
  const isFiltered = Boolean(query.kind || query.project || query.category || query.match || query.q);

  return (
    <>
      {header}
      {!isValid ? (
        <div className="mb-4">
          <Banner tone="warning">Some filters in the address were not valid and were ignored.</Banner>
        </div>
      ) : null}
      {invoice ? <ReconciliationBanner invoice={invoice} /> : null}
      <Card>
        <CostLinesFilters query={query} periods={periods} facets={facets} />
        <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2 text-sm text-slate-600">
          <p aria-live="polite">
            {totals.lineCount.toLocaleString("en")} {totals.lineCount === 1 ? "line" : "lines"}
            {isFiltered ? " match these filters" : " in this period"}
          </p>
          {totals.lineCount > 0 ? (
            <a href={hrefWith(explorerUrl(query, "/costs/export"), { page: undefined })} className={buttonClass("secondary", "sm")} download>
              Export CSV
            </a>
          ) : null}
        </div>
        {/* A period's lines come from its invoice, so `invoice` (and the totals' currency) is there whenever rows are. */}
        {page.rows.length === 0 || !invoice ? (
          totals.lineCount > 0 ? (
            <PastLastPage total={totals.lineCount} pageSize={pageSize} noun="lines" href={pageHref} />
          ) : isFiltered ? (
            <EmptyState title="No lines match these filters">
              <Link href={`/costs?period=${query.period}`} className="font-medium text-brand-700 underline">
                Clear filters
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title="This invoice has no lines yet">
              <p>It has been discovered but not ingested; see the invoices view for its state.</p>
            </EmptyState>
          )
        ) : (
          <>
            <CostLinesTable rows={page.rows} sort={{ field: query.sort, dir: query.dir }} url={url} totals={totals} currency={invoice.currency} />
            <Pagination page={query.page} pageSize={pageSize} total={totals.lineCount} href={pageHref} />
          </>
        )}
      </Card>
    </>
  );
}
