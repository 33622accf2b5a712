import type { z } from "zod";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { listRequestsQuery } from "./list-requests-query";

/** The /operations page's URL: the list API's filters (`tenant` for tenant_id) and cursor; its page size is fixed. */
export const operationsPageQuery = listRequestsQuery.omit({ limit: true, tenant_id: true }).extend({ tenant: listRequestsQuery.shape.tenant_id });
export type OperationsPageQuery = z.infer<typeof operationsPageQuery>;

/** Reads the page's search params, dropping an invalid filter (the page says so) rather than failing. */
export function parseOperationsPageQuery(raw: Record<string, string | string[] | undefined>): { query: OperationsPageQuery; isValid: boolean } {
  return parseSearchParams(operationsPageQuery, raw);
}

export function operationsUrl(q: OperationsPageQuery): UrlState {
  return { path: "/operations", params: { tenant: q.tenant, action: q.action, status: q.status, cursor: q.cursor } };
}

export const operationsPageSize = 25;
