"use client";

import { ActionForm } from "@/components/ui/action-form";
import { describedBy, FieldError, inputClass, TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

export interface ScopeGroup {
  group: string;
  options: { value: string; label: string }[];
}

/** Adds a budget, or (with `budget`) edits one: name, what it covers, monthly USD amount, alert thresholds. */
export function BudgetForm({
  action,
  scopes,
  budget,
}: {
  action: ServerAction;
  scopes: ScopeGroup[];
  budget?: { id: string; name: string; scope: string; scopeLabel: string; amount: string; thresholds: string };
}) {
  // A budget's own scope stays choosable (and selected) when it is no longer among the options, say a project whose
  // lines are gone: otherwise the select would fall back to its first option and a save would change the scope.
  const isListed = !budget || scopes.some((g) => g.options.some((o) => o.value === budget.scope));
  const groups = isListed ? scopes : [{ group: "Current", options: [{ value: budget.scope, label: budget.scopeLabel }] }, ...scopes];
  const p = budget ? `budget-${budget.id}` : "budget-new";
  const defaults: Record<string, string> = budget
    ? { name: budget.name, scope: budget.scope, amount: budget.amount, thresholds: budget.thresholds }
    : { scope: "account", thresholds: "50, 80, 100" };
  return (
    <ActionForm action={action} defaults={defaults} submitLabel={budget ? "Save budget" : "Add budget"} pendingLabel="Saving…" className="p-4">
      {(values, errors) => (
        <>
          {budget ? <input type="hidden" name="id" value={budget.id} /> : null}
          <TextField id={`${p}-name`} name="name" label="Name" defaultValue={values.name} error={errors.name} className="w-full sm:w-56" />
          <div className="flex w-full flex-col gap-1 sm:w-64">
            <label htmlFor={`${p}-scope`} className="text-sm font-medium text-slate-800">
              Covers
            </label>
            <select
              id={`${p}-scope`}
              name="scope"
              defaultValue={values.scope}
              aria-invalid={errors.scope ? true : undefined}
              aria-describedby={describedBy(`${p}-scope`, { error: errors.scope })}
              className={inputClass}
            >
              {groups.map((g) => (
                <optgroup key={g.group} label={g.group}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <FieldError id={`${p}-scope`} error={errors.scope} />
          </div>
          <TextField
            id={`${p}-amount`}
            name="amount"
            label="Monthly budget (USD)"
            inputMode="decimal"
            defaultValue={values.amount}
            error={errors.amount}
            className="w-full sm:w-44"
          />
          <TextField
            id={`${p}-thresholds`}
            name="thresholds"
            label="Alert at (% of budget)"
            hint="Comma-separated; empty: 50, 80, 100"
            defaultValue={values.thresholds}
            error={errors.thresholds}
            className="w-full sm:w-52"
          />
        </>
      )}
    </ActionForm>
  );
}
