import type { Metadata } from "next";
import { DriftEmptyState } from "@/components/drift/drift-empty-state";
import { DriftFilters } from "@/components/drift/drift-filters";
import { DriftHistoryTable } from "@/components/drift/drift-history-table";
import { DriftInbox } from "@/components/drift/drift-inbox";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { DriftTabs } from "@/components/drift/drift-tabs";
import { SweepStatus } from "@/components/drift/sweep-status";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { resourceKinds } from "@/db/schema/resources";
import { driftUrl, parseDriftPageQuery } from "@/lib/drift/drift-page-query";
import { getDriftOverview, getResourceName } from "@/lib/drift/get-drift-overview";
import { listRevertInfo } from "@/lib/drift/list-revert-info";
import { listDrift, listDriftFields } from "@/lib/drift/list-drift";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { listSizesCached } from "@/lib/provisioning/plan-request";
import { runJobNow } from "@/app/(admin)/jobs/actions";
import { acceptDriftAction, revertDriftAction } from "./actions";

export const metadata: Metadata = { title: "Drift" };

const pageSize = { open: 200, history: 50 } as const;

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tab, query, isValid } = parseDriftPageQuery(await searchParams);
  const db = getDb();
  const [page, overview, fields, resourceName] = await Promise.all([
    listDrift(db, { ...query, limit: pageSize[tab] }),
    getDriftOverview(db),
    listDriftFields(db),
    query.resource ? getResourceName(db, query.resource) : Promise.resolve(null),
  ]);
  const sizes = () => listSizesCached(provisioningDepsFromEnv(db, env()).doClient(), "provisioning-sizes");
  const reverts = tab === "open" ? await listRevertInfo(db, page.data.map((d) => d.id), sizes) : {};
  // While a revert runs, the page follows it, so its drift leaves the inbox once DO matches the spec.
  const isReverting = Object.values(reverts).some((r) => r.request && ["queued", "awaiting_approval", "running"].includes(r.request.status));
  const now = Date.now();
  const isFiltered = Boolean(query.kind || query.field || query.resource);
  const isEmptyInbox = tab === "open" && page.data.length === 0 && !isFiltered && !query.cursor;
  const url = driftUrl(tab, query);
  const emptyState = <DriftEmptyState tab={tab} isFiltered={isFiltered || Boolean(query.cursor)} overview={overview} now={now} />;

  return (
    <>
      <AutoRefresh active={overview.lastSweep?.status === "running" || isReverting} />
      <PageHeader
        title="Drift"
        description="Where a resource's live state at DigitalOcean differs from the desired spec arcadia-app recorded when it provisioned it."
        actions={<RunJobButton action={runJobNow} job="detect-drift" label="Run sweep now" run={overview.lastSweep} />}
      />
      {/* The empty inbox says this itself, where it explains why the list is empty. */}
      {isEmptyInbox ? null : <SweepStatus overview={overview} now={now} />}
      <InvalidFiltersBanner isShown={!isValid} />
      <DriftTabs current={tab} openCount={overview.openCount} />
      <Card className="mb-4">
        <DriftFilters
          values={{ tab, kind: query.kind, field: query.field, resource: query.resource, status: query.status }}
          url={url}
          kinds={resourceKinds}
          fields={fields}
          resourceName={resourceName ?? undefined}
        />
      </Card>
      {tab === "open" ? (
        <DriftInbox accept={acceptDriftAction} revert={revertDriftAction} reverts={reverts} items={page.data} now={now} empty={<Card>{emptyState}</Card>} />
      ) : (
        <CardTable isEmpty={page.data.length === 0} empty={emptyState}>
          <DriftHistoryTable items={page.data} now={now} />
        </CardTable>
      )}
      <CursorPagination url={url} cursor={query.cursor} nextCursor={page.next_cursor} />
    </>
  );
}
