import { z } from "zod";
import { textSchema } from "@/lib/http/input-schemas";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";

/** The tenants page's URL: a search over names and ids, and the page. */
export const tenantsPageQuery = z.object({
  q: textSchema.trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type TenantsPageQuery = z.infer<typeof tenantsPageQuery>;

export function parseTenantsPageQuery(raw: Record<string, string | string[] | undefined>): { query: TenantsPageQuery; isValid: boolean } {
  return parseSearchParams(tenantsPageQuery, raw);
}

export function tenantsUrl(query: TenantsPageQuery): UrlState {
  return { path: "/tenants", params: { q: query.q, page: query.page }, defaults: { page: 1 } };
}
