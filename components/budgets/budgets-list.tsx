import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { BudgetProgress } from "@/lib/budgets/list-budget-progress";
import type { ServerAction } from "@/lib/http/action-result";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import { formatMoney } from "@/lib/money/format-money";
import { BudgetBar } from "./budget-bar";
import { BudgetForm, type ScopeGroup } from "./budget-form";

/** Each budget with its month-to-date and projected bars, the thresholds fired this month, and its edit and delete. */
export function BudgetsList({
  budgets,
  scopes,
  updateAction,
  deleteAction,
}: {
  budgets: BudgetProgress[];
  scopes: ScopeGroup[];
  updateAction: ServerAction;
  deleteAction: ServerAction;
}) {
  return (
    <ul className="divide-y divide-slate-200">
      {budgets.map((b) => (
        <li key={b.id} className="flex flex-col gap-3 px-5 py-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 className="break-words text-sm font-semibold text-slate-900">{b.name}</h3>
              <p className="text-xs text-slate-600">
                {b.scopeLabel} · {formatMoney(b.amountCents, b.currency)} a month · alerts at {b.thresholds.map((t) => `${t} %`).join(", ")}
              </p>
            </div>
            <div className="flex flex-wrap gap-1">
              {b.fired.map((t) => (
                <Badge key={t} tone={t >= 100 ? "red" : "amber"}>
                  {t} % reached
                </Badge>
              ))}
            </div>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <BudgetBar label="Month to date" cents={b.actualCents} budgetCents={b.amountCents} currency={b.currency} thresholds={b.thresholds} />
            <BudgetBar label="Projected" cents={b.projectedCents} budgetCents={b.amountCents} currency={b.currency} thresholds={b.thresholds} isProjection />
          </div>
          <p className="text-xs text-slate-500">{b.note}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <details className="min-w-0 open:basis-full">
              <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">Edit {b.name}</summary>
              <BudgetForm
                action={updateAction}
                scopes={scopes}
                budget={{ id: b.id, name: b.name, scope: b.scope, scopeLabel: b.scopeLabel, amount: centsToDecimal(b.amountCents), thresholds: b.thresholds.join(", ") }}
              />
            </details>
            <ConfirmDialog
              trigger="Delete"
              triggerVariant="ghost"
              title={`Delete the budget “${b.name}”?`}
              confirmLabel="Delete budget"
              pendingLabel="Deleting…"
              confirmVariant="danger"
              action={deleteAction}
              fields={{ id: b.id }}
            >
              <p>Its alerts stop. Events it already sent stay in the activity feed.</p>
            </ConfirmDialog>
          </div>
        </li>
      ))}
    </ul>
  );
}
