import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { provisioningRequests } from "@/db/schema";
import { listRequests } from "./list-requests";
import { type OperationsPageQuery, operationsPageSize } from "./operations-page-query";

/** What /operations shows: one page of requests, the tenants that have any (the filter's choices), and whether to refresh. */
export async function loadOperationsPage(db: DbOrTx, query: OperationsPageQuery) {
  const { tenant, ...rest } = query;
  const [page, tenantRows] = await Promise.all([
    listRequests(db, { ...rest, tenant_id: tenant, limit: operationsPageSize }),
    db.selectDistinct({ tenantId: provisioningRequests.tenantId }).from(provisioningRequests).orderBy(asc(provisioningRequests.tenantId)).limit(500),
  ]);
  return {
    requests: page.data,
    nextCursor: page.next_cursor,
    tenants: tenantRows.map((r) => r.tenantId),
    // A saga on its way moves without anyone acting: the page follows it.
    isLive: page.data.some((r) => r.status === "queued" || r.status === "running"),
  };
}

/** A tenant page's latest few requests. */
export async function listTenantRequests(db: DbOrTx, tenantId: string, limit = 5) {
  return (await listRequests(db, { tenant_id: tenantId, limit })).data;
}
