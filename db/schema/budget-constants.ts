// Drizzle-free, so the budgets form (a client component) can use them.

/** What a budget covers: the whole account, one DO project (by name), one tenant (by id), or one resource kind. */
export const budgetScopeTypes = ["account", "project", "tenant", "kind"] as const;
export type BudgetScopeType = (typeof budgetScopeTypes)[number];

export const budgetScopeLabels: Record<BudgetScopeType, string> = {
  account: "Whole account",
  project: "DO project",
  tenant: "Tenant",
  kind: "Product kind",
};

/** Percent of the budget at which an alert fires, when the admin names none. */
export const defaultBudgetThresholds = [50, 80, 100] as const;

/** Budgets are kept in what DO bills in. */
export const budgetCurrency = "USD";

/** Whether a threshold was crossed by month-to-date COGS, or by its projection to the month's end. */
export const budgetBases = ["actual", "projected"] as const;
export type BudgetBasis = (typeof budgetBases)[number];
