import type { Metadata } from "next";
import Link from "next/link";
import { DriftFilters } from "@/components/drift/drift-filters";
import { DriftHistoryTable } from "@/components/drift/drift-history-table";
import { DriftInbox } from "@/components/drift/drift-inbox";
import { SweepStatus } from "@/components/drift/sweep-status";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Banner } from "@/components/ui/banner";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { resourceKinds } from "@/db/schema/resources";
import { driftUrl, parseDriftPageQuery } from "@/lib/drift/drift-page-query";
import { getDriftOverview, getResourceName } from "@/lib/drift/get-drift-overview";
import { listDrift, listDriftFields } from "@/lib/drift/list-drift";
import { hrefWith } from "@/lib/http/search-params";
import { runJobNow } from "@/app/(admin)/jobs/actions";
import { acceptDriftAction } from "./actions";

export const metadata: Metadata = { title: "Drift" };

const pageSize = { open: 200, history: 50 } as const;

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { tab, query, isValid } = parseDriftPageQuery(await searchParams);
  const db = getDb();
  const [page, overview, fields, resourceName] = await Promise.all([
    listDrift(db, { ...query, limit: pageSize[tab] }),
    getDriftOverview(db),
    listDriftFields(db),
    query.resource ? getResourceName(db, query.resource) : Promise.resolve(null),
  ]);
  const now = Date.now();
  const isFiltered = Boolean(query.kind || query.field || query.resource);
  const isEmptyInbox = tab === "open" && page.data.length === 0 && !isFiltered && !query.cursor;
  const filters = { kind: query.kind, field: query.field, resource: query.resource };
  const url = driftUrl(tab, query);

  const emptyState =
    isFiltered || query.cursor ? (
      <EmptyState title={tab === "open" ? "No open drift matches these filters" : "No resolved drift matches these filters"}>
        <Link href={tab === "open" ? "/drift" : "/drift?tab=history"} className="font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </EmptyState>
    ) : tab === "open" ? (
      <EmptyState title="No open drift">
        <SweepStatus overview={overview} now={now} isSentence />
      </EmptyState>
    ) : (
      <EmptyState title="No drift has been resolved yet">
        <p>Accepted drift, and drift that went away because the live value matched the spec again, is listed here.</p>
      </EmptyState>
    );

  return (
    <>
      <AutoRefresh active={overview.lastSweep?.status === "running"} />
      <PageHeader
        title="Drift"
        description="Where a resource's live state at DigitalOcean differs from the desired spec arcadia-app recorded when it provisioned it."
        actions={<RunJobButton action={runJobNow} job="detect-drift" label="Run sweep now" />}
      />
      {/* The empty inbox says this itself, where it explains why the list is empty. */}
      {isEmptyInbox ? null : <SweepStatus overview={overview} now={now} />}
      {!isValid ? (
        <div className="mb-4">
          <Banner tone="warning">Some filters in the address were not valid and were ignored.</Banner>
        </div>
      ) : null}
      <nav aria-label="Drift views" className="mb-4 flex gap-1 border-b border-slate-200">
        {(["open", "history"] as const).map((t) => (
          <Link
            key={t}
            href={t === "open" ? "/drift" : "/drift?tab=history"}
            aria-current={tab === t ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
              tab === t ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t === "open" ? (
              <>
                Open <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs tabular-nums text-slate-700">{overview.openCount.toLocaleString("en")}</span>
              </>
            ) : (
              "History"
            )}
          </Link>
        ))}
      </nav>
      <Card className="mb-4">
        <DriftFilters values={{ tab, ...filters, status: query.status }} url={url} kinds={resourceKinds} fields={fields} resourceName={resourceName ?? undefined} />
      </Card>
      {tab === "open" ? (
        <DriftInbox accept={acceptDriftAction} items={page.data} now={now} empty={<Card>{emptyState}</Card>} />
      ) : page.data.length === 0 ? (
        <Card>{emptyState}</Card>
      ) : (
        <Card>
          <DriftHistoryTable items={page.data} now={now} />
        </Card>
      )}
      {page.next_cursor || query.cursor ? (
        <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2">
          {query.cursor ? (
            <Link href={hrefWith(url, { cursor: undefined })} className={buttonClass("secondary", "sm")}>
              Newest
            </Link>
          ) : null}
          {page.next_cursor ? (
            <Link href={hrefWith(url, { cursor: page.next_cursor })} className={buttonClass("secondary", "sm")} rel="next">
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
