import type { Metadata } from "next";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { OperationsFilters } from "@/components/operations/operations-filters";
import { RequestsTable } from "@/components/operations/requests-table";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { provisioningActions, provisioningStatuses } from "@/db/schema/provisioning-constants";
import { loadOperationsPage } from "@/lib/provisioning/load-operations-page";
import { operationsUrl, parseOperationsPageQuery } from "@/lib/provisioning/operations-page-query";
import { approveRequestAction, cancelRequestAction, rejectRequestAction } from "./actions";

export const metadata: Metadata = { title: "Operations" };

const actions = { approve: approveRequestAction, reject: rejectRequestAction, cancel: cancelRequestAction };

export default async function OperationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseOperationsPageQuery(await searchParams);
  const data = await loadOperationsPage(getDb(), query);
  const isFiltered = Boolean(query.tenant || query.action || query.status || query.cursor);
  return (
    <>
      <AutoRefresh active={data.isLive} />
      <PageHeader
        title="Operations"
        description="Provisioning requests from arcadia-app and their sagas: what each asked DigitalOcean for, where it is, and what came of it. Expensive ones wait here for approval."
      />
      <InvalidFiltersBanner isShown={!isValid} />
      <CardTable
        title="Requests"
        description="Newest first. Open one for its steps; the page refreshes itself while a saga is on its way."
        toolbar={<OperationsFilters values={query} tenants={data.tenants} actions={provisioningActions} statuses={provisioningStatuses} />}
        isEmpty={data.requests.length === 0}
        empty={
          <EmptyState title={isFiltered ? "No request matches" : "No provisioning requests yet"}>
            <p>
              {isFiltered
                ? "No request has that tenant, action and status."
                : "Requests appear here when arcadia-app asks for a droplet to be created, resized or deleted (POST /api/v1/provisioning/requests)."}
            </p>
          </EmptyState>
        }
      >
        <RequestsTable requests={data.requests} actions={actions} now={Date.now()} />
        <CursorPagination url={operationsUrl(query)} cursor={query.cursor} nextCursor={data.nextCursor} inCard />
      </CardTable>
    </>
  );
}
