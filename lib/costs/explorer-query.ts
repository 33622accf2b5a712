import { z } from "zod";
import { textSchema } from "@/lib/http/input-schemas";
import { type ParamValue, parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { costKinds, nullableCostDimensions } from "./cost-dimensions";
import { matchStates } from "./cost-line-filters";
import { periodSchema } from "./schemas";

export const explorerSortFields = [
  "line_no",
  "product",
  "description",
  "kind",
  "project",
  "category",
  "hours",
  "start",
  "amount",
  "match",
] as const;
export type ExplorerSortField = (typeof explorerSortFields)[number];

const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();

/** The cost-line explorer's URL (and its CSV export's): every filter, the sort and the page. */
export const explorerQuery = z.object({
  period: periodSchema.optional(),
  kind: z
    .union([z.enum(costKinds), z.literal("")])
    .transform((v) => v || undefined)
    .optional(),
  project: optionalText(200),
  category: optionalText(200),
  match: z
    .union([z.enum(matchStates), z.literal("")])
    .transform((v) => v || undefined)
    .optional(),
  q: optionalText(200),
  // A group's drill-down from the grouped view: filters without a menu of their own.
  product: optionalText(200),
  tenant: optionalText(200),
  resource: z.uuid().optional(),
  /** Dimensions the lines have no value for (no project, shared, unmatched…), comma-separated. */
  none: z
    .string()
    .max(200)
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.enum(nullableCostDimensions)).max(nullableCostDimensions.length))
    .default([]),
  sort: z.enum(explorerSortFields).default("line_no"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type ExplorerQuery = z.infer<typeof explorerQuery>;

/** Parses the explorer's search params, dropping what is invalid rather than failing the page. */
export function parseExplorerQuery(raw: Record<string, string | string[] | undefined>): { query: ExplorerQuery; isValid: boolean } {
  return parseSearchParams(explorerQuery, raw);
}

// `none` is written as text; its default, the empty list, is simply no parameter.
const explorerDefaults: Record<string, ParamValue> = { ...explorerQuery.parse({}), none: undefined };

/** The explorer's URL state (at `path`, its CSV export's), defaults left out, so links stay short and shareable. */
export function explorerUrl(q: Partial<ExplorerQuery>, path = "/costs"): UrlState {
  const params = {
    period: q.period,
    kind: q.kind,
    project: q.project,
    category: q.category,
    match: q.match,
    q: q.q,
    product: q.product,
    tenant: q.tenant,
    resource: q.resource,
    none: q.none?.length ? q.none.join(",") : undefined,
    sort: q.sort,
    dir: q.dir,
    page: q.page,
  };
  return { path, params, defaults: explorerDefaults };
}
