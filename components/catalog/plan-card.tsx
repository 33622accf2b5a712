import { cn } from "@/components/ui/cn";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import type { CatalogPlan } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { formatCap, formatOverage } from "./catalog-format";

/**
 * One plan as tenants see it: price, what each month includes, what happens beyond it. The plan the tenant is on is
 * marked; version numbers are the catalog's bookkeeping, shown only to admins previewing the page.
 */
export function PlanCard({ plan, isCurrent = false, showVersion = false }: { plan: CatalogPlan; isCurrent?: boolean; showVersion?: boolean }) {
  const v = plan.active_version;
  const headingId = `plan-${plan.code}`;
  return (
    <article
      aria-labelledby={headingId}
      className={cn("flex flex-col rounded-lg bg-white shadow-sm", isCurrent ? "ring-2 ring-brand-600" : "ring-1 ring-slate-200")}
    >
      <div className="border-b border-slate-200 px-5 py-5">
        <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
          {plan.name}
          {isCurrent ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800 ring-1 ring-inset ring-brand-100">Your plan</span> : null}
        </h2>
        {plan.description ? <p className="mt-1 text-sm text-slate-600">{plan.description}</p> : null}
        <p className="mt-4 flex items-baseline gap-1.5">
          <span className="text-3xl font-semibold tracking-tight text-slate-900">{formatMoney(v.base_price_cents, v.currency)}</span>
          <span className="text-sm text-slate-600">per month</span>
        </p>
      </div>
      <div className="flex-1 px-5 py-4">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Included each month</h3>
        <dl className="mt-2 divide-y divide-slate-100">
          {v.items.map((i) => (
            <div key={i.resource_kind} className="py-2">
              <dt className="text-sm font-medium text-slate-900">{resourceKindLabel(i.resource_kind)}</dt>
              <dd className="text-sm text-slate-700">{formatQuantity(i.resource_kind, i.included_qty)}</dd>
              <dd className="text-xs text-slate-600">
                Then {formatOverage(i, v.currency)} · {formatCap(i)}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {showVersion ? <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-500">Version {v.version}</p> : null}
    </article>
  );
}
