import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { costGroupLabel } from "@/lib/costs/cost-dimensions";
import type { ExplorerFacets } from "@/lib/costs/explore-cost-lines";
import type { ExplorerQuery } from "@/lib/costs/explorer-query";
import type { InvoicePeriod } from "@/lib/costs/list-invoice-periods";
import { formatMoney } from "@/lib/money/format-money";
import { DrilldownHiddenFields } from "./cost-lines-drilldown";
import { formatMonth } from "@/lib/time/format-month";

const matchLabels = {
  matched: "Matched",
  unmatched: "Unmatched",
  tax: "Tax",
  credit: "Credits",
  other: "No resource behind it",
} as const;

function periodLabel(p: InvoicePeriod): string {
  const month = formatMonth(p.period);
  const state = p.status === "ingested" ? formatMoney(p.amountCents, p.currency) : p.status;
  return `${month} · ${state}`;
}

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and its CSV export matches it. */
export function CostLinesFilters({
  query,
  periods,
  facets,
}: {
  query: ExplorerQuery;
  periods: InvoicePeriod[];
  facets: ExplorerFacets;
}) {
  // Menus of names are capped so one long project name cannot widen the bar; the period's labels carry amounts,
  // which must stay readable, so its menu is as wide as they are.
  const select = (id: string, label: string, name: string, value: string | undefined, options: [string, string][], all: string, isCapped = true) => (
    <SelectField
      compact
      id={id}
      name={name}
      label={label}
      defaultValue={value ?? ""}
      selectClassName={isCapped ? "max-w-52" : undefined}
      options={[...(all ? [{ value: "", label: all }] : []), ...options.map(([v, l]) => ({ value: v, label: l }))]}
    />
  );
  // A drill-down may filter on a kind the menu does not list (tax, credits, other): keep it selectable.
  const kindOptions = query.kind && !facets.kinds.includes(query.kind) ? [...facets.kinds, query.kind] : facets.kinds;
  return (
    <form method="get" action="/costs" aria-label="Filter cost lines" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {query.sort !== "line_no" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <DrilldownHiddenFields query={query} />
      {select("cl-period", "Billing period", "period", query.period, periods.map((p) => [p.period, periodLabel(p)]), "", false)}
      {select("cl-kind", "Kind", "kind", query.kind, kindOptions.map((k) => [k, costGroupLabel("kind", k)]), "All kinds")}
      {select("cl-project", "Project", "project", query.project, facets.projects.map((p) => [p, p]), "All projects")}
      {select("cl-category", "Category", "category", query.category, facets.categories.map((c) => [c, c]), "All categories")}
      {select("cl-match", "Match", "match", query.match, Object.entries(matchLabels), "All lines")}
      <TextField compact id="cl-q" name="q" type="search" label="Description" defaultValue={query.q} placeholder="e.g. web-01" inputClassName="w-40" />
      <button type="submit" className={buttonClass("primary", "field")}>
        Apply
      </button>
      <Link href={query.period ? `/costs?period=${query.period}` : "/costs"} className={buttonClass("ghost", "field")}>
        Reset
      </Link>
    </form>
  );
}
