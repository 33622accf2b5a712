import type { Metadata } from "next";
import { BudgetsSummary } from "@/components/budgets/budgets-summary";
import { CostLinesDrilldown } from "@/components/costs/cost-lines-drilldown";
import { CostLinesEmptyState } from "@/components/costs/cost-lines-empty-state";
import { CostLinesFilters } from "@/components/costs/cost-lines-filters";
import { CostLinesSummary } from "@/components/costs/cost-lines-summary";
import { CostLinesTable } from "@/components/costs/cost-lines-table";
import { CostsHeader } from "@/components/costs/costs-header";
import { MonthToDateStrip } from "@/components/costs/month-to-date-strip";
import { NoInvoicesYet } from "@/components/costs/no-invoices-yet";
import { ReconciliationBanner } from "@/components/costs/reconciliation-banner";
import { CardTable } from "@/components/ui/card-table";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listBudgetProgress } from "@/lib/budgets/list-budget-progress";
import { exploreCostLines, explorerFilter, listCostLineFacets, summarizeCostLines } from "@/lib/costs/explore-cost-lines";
import { explorerUrl, parseExplorerQuery } from "@/lib/costs/explorer-query";
import { getLatestBalance } from "@/lib/costs/get-balance";
import { getDrilldownNames } from "@/lib/costs/get-drilldown-names";
import { listInvoicePeriods, pickDefaultPeriod } from "@/lib/costs/list-invoice-periods";
import { hrefWith } from "@/lib/http/search-params";
import { env } from "@/lib/platform/env";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Costs" };

const pageSize = 50;

export default async function CostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query: parsed, isValid } = parseExplorerQuery(await searchParams);
  const db = getDb();
  const [periods, balance, budgets] = await Promise.all([listInvoicePeriods(db), getLatestBalance(db), listBudgetProgress(db)]);
  const query = { ...parsed, period: parsed.period ?? pickDefaultPeriod(periods) };
  const invoice = periods.find((p) => p.period === query.period);

  const header = (
    <>
      <CostsHeader current="/costs" />
      <MonthToDateStrip balance={balance} />
      <BudgetsSummary budgets={budgets.budgets} />
    </>
  );

  if (periods.length === 0) {
    return (
      <>
        {header}
        <NoInvoicesYet runJob={runJobNow} run={(await listJobRuns(db, { job: "discover-invoices", limit: 1 }))[0] ?? null} />
      </>
    );
  }

  const tagPrefix = env().TENANT_TAG_PREFIX;
  const filter = explorerFilter(query, tagPrefix);
  const [page, totals, facets, names] = await Promise.all([
    exploreCostLines(db, query, { limit: pageSize, offset: (query.page - 1) * pageSize }, tagPrefix),
    summarizeCostLines(db, filter),
    listCostLineFacets(db, query.period),
    getDrilldownNames(db, query),
  ]);
  const url = explorerUrl(query);
  const isFiltered = Boolean(query.kind || query.project || query.category || query.match || query.q || query.product || query.tenant || query.resource || query.none.length);

  return (
    <>
      {header}
      <InvalidFiltersBanner isShown={!isValid} />
      {invoice ? <ReconciliationBanner invoice={invoice} /> : null}
      {/* A period's lines come from its invoice, so `invoice` (and the totals' currency) is there whenever rows are. */}
      <CardTable
        toolbar={
          <>
            <CostLinesFilters query={query} periods={periods} facets={facets} />
            <CostLinesDrilldown query={query} url={url} names={names} />
            <CostLinesSummary lineCount={totals.lineCount} isFiltered={isFiltered} exportHref={hrefWith(explorerUrl(query, "/costs/export"), { page: undefined })} />
          </>
        }
        isEmpty={page.rows.length === 0 || !invoice}
        empty={<CostLinesEmptyState lineCount={totals.lineCount} pageSize={pageSize} isFiltered={isFiltered} period={query.period} url={url} />}
      >
        {invoice ? (
          <>
            <CostLinesTable rows={page.rows} sort={{ field: query.sort, dir: query.dir }} url={url} totals={totals} currency={invoice.currency} />
            <Pagination page={query.page} pageSize={pageSize} total={totals.lineCount} href={(p) => hrefWith(url, { page: p })} />
          </>
        ) : null}
      </CardTable>
    </>
  );
}
