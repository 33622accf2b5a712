import { z } from "zod";
import { monthSchema } from "./month";

// The margin pages' URLs. Anything invalid is dropped (the page says so) rather than failing the page.

export const tenantSortFields = ["tenant", "plan", "revenue", "cogs", "margin", "margin_pct"] as const;
export type TenantSortField = (typeof tenantSortFields)[number];

const optionalMonth = monthSchema.optional().catch(undefined);

export const marginPageQuery = z.object({
  from: optionalMonth,
  to: optionalMonth,
  month: optionalMonth,
  /** "1" allocates shared cost, "0" leaves it apart; absent, each page picks its own default. */
  allocate: z.enum(["1", "0"]).optional().catch(undefined),
  sort: z.enum(tenantSortFields).catch("revenue").default("revenue"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  target: z.coerce.number().int().min(0).max(95).catch(60).default(60),
});
export type MarginPageQuery = z.infer<typeof marginPageQuery>;

export function parseMarginPageQuery(raw: Record<string, string | string[] | undefined>): MarginPageQuery {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return marginPageQuery.parse(flat);
}

/** The query string for a margin page, leaving out defaults. */
export function marginSearch(q: Partial<{ from: string; to: string; month: string; allocate: "1" | "0"; sort: string; dir: string; target: number }>): string {
  const p = new URLSearchParams();
  if (q.from) p.set("from", q.from.slice(0, 7));
  if (q.to) p.set("to", q.to.slice(0, 7));
  if (q.month) p.set("month", q.month.slice(0, 7));
  if (q.allocate) p.set("allocate", q.allocate);
  if (q.sort) p.set("sort", q.sort);
  if (q.dir) p.set("dir", q.dir);
  if (q.target !== undefined && q.target !== 60) p.set("target", String(q.target));
  const s = p.toString();
  return s ? `?${s}` : "";
}
