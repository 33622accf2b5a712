import { z } from "zod";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { monthSchema } from "./month";

// The margin pages' URLs. Anything invalid is dropped (the page says so) rather than failing the page.

export const tenantSortFields = ["tenant", "plan", "revenue", "cogs", "margin", "margin_pct"] as const;
export type TenantSortField = (typeof tenantSortFields)[number];

export const billedFilters = ["all", "billed", "unbilled"] as const;
export type BilledFilter = (typeof billedFilters)[number];

const optionalMonth = monthSchema.optional().catch(undefined);

export const marginPageQuery = z.object({
  from: optionalMonth,
  to: optionalMonth,
  month: optionalMonth,
  /** "1" allocates shared cost, "0" leaves it apart; absent, each page picks its own default. */
  allocate: z.enum(["1", "0"]).optional().catch(undefined),
  sort: z.enum(tenantSortFields).catch("revenue").default("revenue"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  /**
   * The plans view's what-if target margin, percent to the tenth; absent, the view prices for the stored target
   * (getPlanPriceTarget), so there is one source of truth and the URL only overrides it.
   */
  target: z.coerce
    .number()
    .min(0)
    .max(95)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9)
    .optional()
    .catch(undefined),
  /** The tenants view's filter: unbilled tenants (revenue leakage) alone, or the billed ones. */
  billed: z.enum(billedFilters).catch("all").default("all"),
});
export type MarginPageQuery = z.infer<typeof marginPageQuery>;

export function parseMarginPageQuery(raw: Record<string, string | string[] | undefined>): MarginPageQuery {
  return parseSearchParams(marginPageQuery, raw).query;
}

const marginDefaults = marginPageQuery.parse({});

/** A margin page's URL state, months written `YYYY-MM`; links leave out the defaults. */
export function marginUrl(
  path: string,
  q: Partial<{ from: string; to: string; month: string; allocate: "1" | "0"; sort: string; dir: string; target: number; billed: BilledFilter }>,
): UrlState {
  const month = (period: string | undefined) => period?.slice(0, 7);
  return {
    path,
    params: { from: month(q.from), to: month(q.to), month: month(q.month), allocate: q.allocate, sort: q.sort, dir: q.dir, target: q.target, billed: q.billed },
    defaults: marginDefaults,
  };
}
