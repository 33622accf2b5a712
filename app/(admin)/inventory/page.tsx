import type { Metadata } from "next";
import { InventoryEmptyState } from "@/components/inventory/inventory-empty-state";
import { InventoryFilters } from "@/components/inventory/inventory-filters";
import { InventoryTable } from "@/components/inventory/inventory-table";
import { ResourceKindNav } from "@/components/inventory/resource-kind-nav";
import { SyncFailedBanner } from "@/components/inventory/sync-failed-banner";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { CardTable } from "@/components/ui/card-table";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { resourceKinds } from "@/db/schema/resources";
import { hrefWith } from "@/lib/http/search-params";
import { countByKind } from "@/lib/inventory/count-by-kind";
import { inventoryUrl, parseInventoryPageQuery } from "@/lib/inventory/inventory-page-query";
import { countResources, listResources } from "@/lib/inventory/list-resources";
import { lastSuccessfulSyncPerKind, latestSyncRun } from "@/lib/inventory/sync/list-sync-runs";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";

export const metadata: Metadata = { title: "Inventory" };

const pageSize = 50;

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseInventoryPageQuery(await searchParams);
  const db = getDb();
  const [result, total, byKind, lastSync, latestRun, [syncJobRun]] = await Promise.all([
    listResources(db, { ...query, limit: pageSize, offset: (query.page - 1) * pageSize }),
    countResources(db, query),
    countByKind(db),
    lastSuccessfulSyncPerKind(db),
    latestSyncRun(db),
    listJobRuns(db, { job: "sync-inventory", limit: 1 }),
  ]);
  const url = inventoryUrl(query);
  const isFiltered = Boolean(query.kind || query.region || query.status || query.q);
  const isAccountEmpty = Object.values(byKind).every((n) => !n) && !isFiltered;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Every DigitalOcean resource in the account, as of the last sync."
        actions={<RunJobButton action={runJobNow} job="sync-inventory" label="Sync now" run={syncJobRun ?? null} />}
      />
      <AutoRefresh active={latestRun?.status === "running"} />
      {latestRun?.status === "failed" ? <SyncFailedBanner run={latestRun} /> : null}
      <InvalidFiltersBanner isShown={!isValid} />
      <ResourceKindNav url={url} current={query.kind} kinds={resourceKinds} byKind={byKind} lastSync={lastSync} />
      <CardTable
        toolbar={<InventoryFilters values={{ q: query.q, region: query.region, status: query.status, includeDeleted: Boolean(query.include_deleted) }} kind={query.kind} />}
        isEmpty={result.data.length === 0}
        empty={<InventoryEmptyState total={total} pageSize={pageSize} isAccountEmpty={isAccountEmpty} url={url} />}
      >
        <InventoryTable rows={result.data} sort={{ field: query.sort, dir: query.dir }} url={url} />
        <Pagination page={query.page} pageSize={pageSize} total={total} href={(p) => hrefWith(url, { page: p })} />
      </CardTable>
    </>
  );
}
