import Link from "next/link";
import { costDimensionLabels, costGroupLabel } from "@/lib/costs/cost-dimensions";
import type { ExplorerQuery } from "@/lib/costs/explorer-query";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/**
 * The filters a group's drill-down set that have no menu in the filter form (a product, a tenant, a resource, or a
 * value the lines lack), each with a link that drops it. Hidden inputs in the form keep them across Apply.
 */
export function CostLinesDrilldown({ query, url, names }: { query: ExplorerQuery; url: UrlState; names: { tenant?: string | null; resource?: string | null } }) {
  const chips: { label: string; href: string }[] = [];
  const drop = (changes: Record<string, string | undefined>) => hrefWith(url, { ...changes, page: undefined });
  if (query.product) chips.push({ label: `${costDimensionLabels.product}: ${query.product}`, href: drop({ product: undefined }) });
  if (query.tenant) chips.push({ label: `Tenant: ${names.tenant || query.tenant}`, href: drop({ tenant: undefined }) });
  if (query.resource) chips.push({ label: `Resource: ${names.resource || query.resource}`, href: drop({ resource: undefined }) });
  for (const dimension of query.none) {
    const rest = query.none.filter((d) => d !== dimension).join(",");
    chips.push({ label: costGroupLabel(dimension, null), href: drop({ none: rest || undefined }) });
  }
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm">
      <span className="text-slate-600">Only lines of:</span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.label} className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-sky-900 ring-1 ring-inset ring-sky-200">
            {c.label}
            <Link href={c.href} className="rounded-full px-1 font-semibold text-sky-800 hover:bg-sky-100" aria-label={`Remove the filter ${c.label}`}>
              ×
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The drill-down filters as hidden fields of the filter form, so applying other filters keeps them. */
export function DrilldownHiddenFields({ query }: { query: ExplorerQuery }) {
  const fields = { product: query.product, tenant: query.tenant, resource: query.resource, none: query.none.join(",") || undefined };
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
    </>
  );
}
