import { z } from "zod";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { listResourcesQuery } from "./schemas";

/** The inventory page's URL: the API's filters and sort, with a page number where the API takes a cursor and limit. */
export const inventoryPageQuery = listResourcesQuery.omit({ limit: true, cursor: true }).extend({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type InventoryPageQuery = z.infer<typeof inventoryPageQuery>;

/** Parses the inventory page's search params, dropping what is invalid rather than failing the page. */
export function parseInventoryPageQuery(raw: Record<string, string | string[] | undefined>): { query: InventoryPageQuery; isValid: boolean } {
  return parseSearchParams(inventoryPageQuery, raw);
}

const inventoryDefaults = inventoryPageQuery.parse({});

/** The inventory page's URL state; links leave out the defaults. */
export function inventoryUrl(q: Partial<InventoryPageQuery>): UrlState {
  const params = { kind: q.kind, region: q.region, status: q.status, q: q.q, include_deleted: q.include_deleted, sort: q.sort, dir: q.dir, page: q.page };
  return { path: "/inventory", params, defaults: inventoryDefaults };
}
