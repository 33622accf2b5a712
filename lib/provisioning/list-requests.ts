import "server-only";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type ProvisioningStep, provisioningRequests, provisioningSteps } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { toRequestItem } from "./get-request";
import type { ListRequestsQuery } from "./list-requests-query";
import type { ProvisioningRequestItem } from "./schemas";

export interface RequestPage {
  data: ProvisioningRequestItem[];
  next_cursor: string | null;
}

const sortKey = "created_at:desc";
// Millisecond precision: what a cursor carries back (PostgreSQL keeps microseconds).
const createdMs = sql`date_trunc('milliseconds', ${provisioningRequests.createdAt})`;

/** One page of provisioning requests, newest first, each with its steps in the order they started. */
export async function listRequests(db: DbOrTx, query: Omit<ListRequestsQuery, "limit"> & { limit: number }): Promise<RequestPage> {
  const where: SQL[] = [];
  if (query.tenant_id) where.push(eq(provisioningRequests.tenantId, query.tenant_id));
  if (query.action) where.push(eq(provisioningRequests.action, query.action));
  if (query.status) where.push(eq(provisioningRequests.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortKey, { value: "timestamp", id: "uuid" });
    where.push(sql`(${createdMs}, ${provisioningRequests.id}) < (${c.value}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(provisioningRequests)
    .where(and(...where))
    .orderBy(desc(createdMs), desc(provisioningRequests.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const steps = page.length
    ? await db
        .select()
        .from(provisioningSteps)
        .where(
          inArray(
            provisioningSteps.requestId,
            page.map((r) => r.id),
          ),
        )
        .orderBy(asc(provisioningSteps.position))
    : [];
  const byRequest = new Map<string, ProvisioningStep[]>();
  for (const s of steps) byRequest.set(s.requestId, [...(byRequest.get(s.requestId) ?? []), s]);
  const last = page.at(-1);
  const next_cursor = rows.length > query.limit && last ? encodeCursor({ sort: sortKey, value: last.createdAt.toISOString(), id: last.id }) : null;
  return { data: page.map((r) => toRequestItem(r, byRequest.get(r.id) ?? [])), next_cursor };
}
