import type { Metadata } from "next";
import Link from "next/link";
import { InventoryFilters } from "@/components/inventory/inventory-filters";
import { InventoryTable } from "@/components/inventory/inventory-table";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, PastLastPage } from "@/components/ui/pagination";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Banner } from "@/components/ui/banner";
import { formatAge } from "@/components/ui/format";
import { getDb } from "@/db";
import { resourceKinds } from "@/db/schema/resources";
import { hrefWith } from "@/lib/http/search-params";
import { countByKind } from "@/lib/inventory/count-by-kind";
import { inventoryUrl, parseInventoryPageQuery } from "@/lib/inventory/inventory-page-query";
import { kindLabels } from "@/lib/inventory/kind-styles";
import { countResources, listResources } from "@/lib/inventory/list-resources";
import { lastSuccessfulSyncPerKind, latestSyncRun } from "@/lib/inventory/sync/list-sync-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Inventory" };

const pageSize = 50;

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { query, isValid } = parseInventoryPageQuery(await searchParams);
  const db = getDb();
  const [result, total, byKind, lastSync, latestRun] = await Promise.all([
    listResources(db, { ...query, limit: pageSize, offset: (query.page - 1) * pageSize }),
    countResources(db, query),
    countByKind(db),
    lastSuccessfulSyncPerKind(db),
    latestSyncRun(db),
  ]);
  const allCount = Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0);
  const url = inventoryUrl(query);
  const isFiltered = Boolean(query.kind || query.region || query.status || query.q);

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Every DigitalOcean resource in the account, as of the last sync."
        actions={<RunJobButton action={runJobNow} job="sync-inventory" label="Sync now" />}
      />
      <AutoRefresh active={latestRun?.status === "running"} />
      {latestRun?.status === "failed" ? (
        <div className="mb-4">
          <Banner tone="error">
            {latestRun.error?.includes("DO token rejected")
              ? "DO token rejected: DigitalOcean refused the API token. Check DO_API_TOKEN, then sync again."
              : `The last sync (${formatAge(latestRun.started_at)}) did not complete: ${latestRun.error ?? "unknown error"}. Resources of the failed kinds were left as they were.`}
          </Banner>
        </div>
      ) : null}
      {!isValid ? (
        <div className="mb-4">
          <Banner tone="warning">Some filters in the address were not valid and were ignored.</Banner>
        </div>
      ) : null}
      <nav aria-label="Resource kinds" className="mb-4 flex flex-wrap gap-2">
        <Link
          href={hrefWith(url, { kind: undefined, page: undefined })}
          aria-current={!query.kind ? "page" : undefined}
          className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", !query.kind ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50")}
        >
          All <span className="tabular-nums">{allCount}</span>
        </Link>
        {resourceKinds.map((k) => (
          <Link
            key={k}
            href={hrefWith(url, { kind: k, page: undefined })}
            aria-current={query.kind === k ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
              query.kind === k ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {kindLabels[k]} <span className="tabular-nums">{byKind[k] ?? 0}</span>
            <span className={cn("ml-1 text-xs", query.kind === k ? "text-slate-300" : "text-slate-600")}>
              · {lastSync[k] ? `synced ${formatAge(lastSync[k])}` : "never synced"}
            </span>
          </Link>
        ))}
      </nav>
      <Card>
        <InventoryFilters values={{ q: query.q, region: query.region, status: query.status, includeDeleted: Boolean(query.include_deleted) }} kind={query.kind} />
        {result.data.length === 0 ? (
          total > 0 ? (
            <PastLastPage total={total} pageSize={pageSize} noun="resources" href={(p) => hrefWith(url, { page: p })} />
          ) : allCount === 0 && !isFiltered ? (
            <EmptyState title="No resources yet">
              <p>
                arcadia-cloud has not synced a DigitalOcean account yet. Set <code className="rounded bg-slate-100 px-1">DO_API_TOKEN</code> to a
                read-only DigitalOcean API token, then press <strong>Sync now</strong> (or run{" "}
                <code className="rounded bg-slate-100 px-1">npm run job -- sync-inventory</code>).
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="No resources match these filters">
              <Link href="/inventory" className="font-medium text-brand-700 underline">
                Clear filters
              </Link>
            </EmptyState>
          )
        ) : (
          <>
            <InventoryTable
              rows={result.data}
              sort={{ field: query.sort, dir: query.dir }}
              url={url}
            />
            <Pagination page={query.page} pageSize={pageSize} total={total} href={(p) => hrefWith(url, { page: p })} />
          </>
        )}
      </Card>
    </>
  );
}
