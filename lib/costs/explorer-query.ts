import { z } from "zod";
import { resourceKinds } from "@/db/schema/resources";
import { textSchema } from "@/lib/http/input-schemas";
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
    .union([z.enum(resourceKinds), z.literal("")])
    .transform((v) => v || undefined)
    .optional(),
  project: optionalText(200),
  category: optionalText(200),
  match: z
    .union([z.enum(matchStates), z.literal("")])
    .transform((v) => v || undefined)
    .optional(),
  q: optionalText(200),
  sort: z.enum(explorerSortFields).default("line_no"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type ExplorerQuery = z.infer<typeof explorerQuery>;

/** Parses the explorer's search params, dropping what is invalid rather than failing the page. */
export function parseExplorerQuery(raw: Record<string, string | string[] | undefined>): { query: ExplorerQuery; isValid: boolean } {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = explorerQuery.safeParse(flat);
  if (parsed.success) return { query: parsed.data, isValid: true };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k)));
  return { query: explorerQuery.parse(kept), isValid: false };
}

/** The query as URL parameters, defaults left out, so links stay short and shareable. */
export function explorerSearchParams(query: Partial<ExplorerQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["period", "kind", "project", "category", "match", "q"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort && query.sort !== "line_no") params.set("sort", query.sort);
  if (query.dir && query.dir !== "asc") params.set("dir", query.dir);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  return params;
}
