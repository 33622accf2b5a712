import { type BudgetScopeType, budgetScopeLabels, budgetScopeTypes } from "@/db/schema/budget-constants";
import { resourceKinds } from "@/db/schema/resource-constants";

// A budget's scope travels through forms as one value: `account`, `project:<name>`, `tenant:<id>` or `kind:<kind>`.
// Plain code (no database), so the budget form, a client component, can use it.

export { budgetScopeLabels, budgetScopeTypes, type BudgetScopeType };

export interface BudgetScope {
  type: BudgetScopeType;
  /** The project's name, the tenant's id or the resource kind; null for the whole account. */
  id: string | null;
}

export function scopeValue(scope: BudgetScope): string {
  return scope.id === null ? scope.type : `${scope.type}:${scope.id}`;
}

/** The scope a form value names, or why it names none. */
export function parseScopeValue(value: string): BudgetScope | { error: string } {
  if (value === "account") return { type: "account", id: null };
  const at = value.indexOf(":");
  const type = value.slice(0, Math.max(at, 0));
  const id = value.slice(at + 1).trim();
  if (at < 0 || !(budgetScopeTypes as readonly string[]).includes(type) || type === "account") return { error: "Choose what the budget covers." };
  if (!id || id.length > 200) return { error: `Choose the ${type === "project" ? "DO project" : budgetScopeLabels[type as BudgetScopeType].toLowerCase()} the budget covers.` };
  if (type === "kind" && !(resourceKinds as readonly string[]).includes(id)) return { error: `"${id}" is not a product kind.` };
  return { type: type as BudgetScopeType, id };
}
