import { defineOperation } from "@/lib/http/operation";
import { budgetItemSchema, createBudgetBody } from "./api-schemas";

const example = {
  id: "6a1f0c2e-4b7d-4e39-9c1a-2f3e4d5c6b7a",
  name: "Acme",
  scope: { type: "tenant", id: "acme", name: "Tenant Acme Pty Ltd" },
  currency: "USD",
  amount_cents: 150000,
  thresholds: [50, 80, 100],
  month: "2026-12",
  actual_cents: 81234,
  projected_cents: 161002,
  fired_thresholds: [50, 80, 100],
  note: "Estimate from the 14:07 snapshot of 15 Dec (UTC), 15 days into the month. Its share: 31.2 % of the account, as on Nov 2026's invoice.",
};

export const listBudgetsOp = defineOperation({
  operationId: "listBudgets",
  method: "GET",
  path: "/api/v1/billing/budgets",
  tag: "Billing",
  summary: "List budgets with this month's spend",
  description:
    "Every monthly budget, by name, measured as the balance snapshot and invoice jobs measure it: an invoiced month by its lines, otherwise DO's month-to-date usage (a project, tenant or kind getting its share of the latest invoice) and its projection to the month's end.",
  roles: ["platform_admin"],
  response: budgetItemSchema,
  list: true,
  example: [example],
});

export const createBudgetOp = defineOperation({
  operationId: "createBudget",
  method: "POST",
  path: "/api/v1/billing/budgets",
  tag: "Billing",
  summary: "Create a budget",
  description:
    "A monthly USD budget for the account, a DO project, a tenant or a resource kind. After every balance snapshot and invoice ingest each threshold crossed, by month-to-date COGS or its projection, fires `budget.threshold` once that month.",
  roles: ["platform_admin"],
  body: createBudgetBody,
  response: budgetItemSchema,
  success: { 201: "Created" },
  bodyExample: { name: "Acme", scope: { type: "tenant", id: "acme" }, amount_cents: 150000, thresholds: [50, 80, 100] },
  example,
});

export const budgetOperations = [listBudgetsOp, createBudgetOp];
