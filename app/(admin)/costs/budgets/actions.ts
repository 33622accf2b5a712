"use server";

import { getDb } from "@/db";
import { budgetForm, budgetIdForm } from "@/lib/budgets/budget-input";
import { createBudget, deleteBudget, updateBudget } from "@/lib/budgets/manage-budgets";
import { adminAction } from "@/lib/http/admin-action";

// The costs overview shows a summary of the budgets, so it is revalidated with their page.
const revalidate = ["/costs/budgets", "/costs"];

export const createBudgetAction = adminAction(
  budgetForm,
  async (input, { actor }) => {
    const budget = await createBudget(getDb(), input, actor);
    return { message: `Budget “${budget.name}” added.`, revalidate };
  },
  { failure: "Could not add the budget." },
);

export const updateBudgetAction = adminAction(
  budgetForm.extend(budgetIdForm.shape),
  async ({ id, ...input }) => {
    const budget = await updateBudget(getDb(), id, input);
    return { message: `Budget “${budget.name}” saved.`, revalidate, keepValues: true };
  },
  { failure: "Could not save the budget.", refused: { revalidate } },
);

export const deleteBudgetAction = adminAction(
  budgetIdForm,
  async ({ id }) => {
    const budget = await deleteBudget(getDb(), id);
    return { message: `Budget “${budget.name}” deleted.`, revalidate };
  },
  { failure: "Could not delete the budget.", refused: { revalidate } },
);
