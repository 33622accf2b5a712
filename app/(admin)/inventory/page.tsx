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
import { requireAdmin } from "@/lib/auth/session";
import { tenantOf } from "@/lib/billing/load-metered-resources";
import { inventoryColumnsKey, inventoryColumnsPreference, type InventoryRow } from "@/lib/inventory/inventory-columns";
import { loadResourceCosts } from "@/lib/inventory/resource-costs";
import { env } from "@/lib/platform/env";
import { getAdminPreference } from "@/lib/preferences/admin-preferences";
import { loadTenantNames } from "@/lib/tenants/list-tenants";
import { resourceKinds } from "@/db/schema/resources";
import { hrefWith } from "@/lib/http/search-params";
import { countByKind } from "@/lib/inventory/count-by-kind";
import { inventoryUrl, parseInventoryPageQuery } from "@/lib/inventory/inventory-page-query";
import { countResources, listResources } from "@/lib/inventory/list-resources";
import { lastSuccessfulSyncPerKind, latestSyncRun } from "@/lib/inventory/sync/list-sync-runs";
import { listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "@/app/(admin)/jobs/actions";
import { saveInventoryColumns } from "./actions";

export const metadata: Metadata = { title: "Inventory" };

const pageSize = 50;

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseInventoryPageQuery(await searchParams);
  const db = getDb();
  const user = await requireAdmin();
  const [result, total, byKind, lastSync, latestRun, [syncJobRun]] = await Promise.all([
    listResources(db, { ...query, limit: pageSize, offset: (query.page - 1) * pageSize }),
    countResources(db, query),
    countByKind(db),
    lastSuccessfulSyncPerKind(db),
    latestSyncRun(db),
    listJobRuns(db, { job: "sync-inventory", limit: 1 }),
  ]);
  const prefix = env().TENANT_TAG_PREFIX;
  const tenantIds = result.data.map((r) => tenantOf(r.tags, prefix));
  const [names, costs, columns] = await Promise.all([
    loadTenantNames(db, tenantIds.filter((t): t is string => t !== null)),
    loadResourceCosts(db, result.data.map((r) => r.id)),
    getAdminPreference(db, user.id, inventoryColumnsKey, inventoryColumnsPreference),
  ]);
  const rows: InventoryRow[] = result.data.map((r, i) => {
    const tenant = tenantIds[i] ?? null;
    return { ...r, tenant: tenant ? { id: tenant, name: names.get(tenant) ?? null } : null, cost_cents: costs.byResource[r.id] ?? null };
  });
  // One clock for the page: the server's HTML and the browser's first render must say the same "5m ago".
  const now = Date.now();
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
      <ResourceKindNav
        url={url}
        current={query.kind}
        kinds={resourceKinds}
        byKind={byKind}
        lastSync={lastSync}
        costs={costs.period ? { period: costs.period, currency: costs.currency ?? "USD", byKind: costs.byKind } : undefined}
        now={now}
      />
      <CardTable
        toolbar={<InventoryFilters values={{ q: query.q, region: query.region, status: query.status, includeDeleted: Boolean(query.include_deleted) }} kind={query.kind} />}
        isEmpty={result.data.length === 0}
        empty={<InventoryEmptyState total={total} pageSize={pageSize} isAccountEmpty={isAccountEmpty} url={url} />}
      >
        <InventoryTable
          rows={rows}
          sort={{ field: query.sort, dir: query.dir }}
          url={url}
          hidden={columns?.hidden ?? []}
          saveColumns={saveInventoryColumns}
          costPeriod={costs.period}
          currency={costs.currency ?? "USD"}
          now={now}
        />
        <Pagination page={query.page} pageSize={pageSize} total={total} href={(p) => hrefWith(url, { page: p })} />
      </CardTable>
    </>
  );
}
