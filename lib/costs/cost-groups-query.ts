import { z } from "zod";
import { type ParamValue, parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { costsQueryFields, refineCostsQuery } from "./schemas";

/** The grouped view's URL: the API's parameters (same names, same rules) and the page of groups. */
export const costGroupsQuery = refineCostsQuery(
  z.object({
    ...costsQueryFields,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  }),
);
export type CostGroupsQuery = z.infer<typeof costGroupsQuery>;

export function parseCostGroupsQuery(raw: Record<string, string | string[] | undefined>): { query: CostGroupsQuery; isValid: boolean } {
  return parseSearchParams(costGroupsQuery, raw);
}

const defaults: Record<string, ParamValue> = { group_by: "kind", page: 1 };

/** The view's URL state; months written as YYYY-MM, as the API takes them. */
export function costGroupsUrl(q: Partial<CostGroupsQuery>): UrlState {
  const params = { group_by: q.group_by, group_by2: q.group_by2, from: q.from?.slice(0, 7), to: q.to?.slice(0, 7), page: q.page };
  return { path: "/costs/explore", params, defaults };
}
