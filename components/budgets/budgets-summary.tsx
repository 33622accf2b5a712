import Link from "next/link";
import type { BudgetProgress } from "@/lib/budgets/list-budget-progress";
import { BudgetBar } from "./budget-bar";

/** The costs overview's glance at the budgets: each one's projected month against it, linking to /costs/budgets. */
export function BudgetsSummary({ budgets }: { budgets: BudgetProgress[] }) {
  return (
    <section aria-labelledby="budgets-summary-title" className="mb-4 min-w-0 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="budgets-summary-title" className="text-sm font-semibold text-slate-900">
          Budgets this month
        </h2>
        <Link href="/costs/budgets" className="text-sm font-medium text-brand-700 hover:underline">
          {budgets.length ? "All budgets" : "Set a budget"}
        </Link>
      </div>
      {budgets.length ? (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {budgets.slice(0, 6).map((b) => (
            <li key={b.id} className="min-w-0">
              <BudgetBar label={`${b.name} (projected)`} cents={b.projectedCents} budgetCents={b.amountCents} currency={b.currency} thresholds={b.thresholds} compact isProjection />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No budgets yet: get an alert when a project, tenant, product kind or the account nears its monthly amount.</p>
      )}
    </section>
  );
}
