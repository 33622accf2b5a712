import { z } from "zod";
import { budgetScopeTypes, defaultBudgetThresholds } from "@/db/schema/budget-constants";
import type { BudgetInput } from "./budget-input";
import { parseScopeValue } from "./budget-scope";
import type { BudgetProgress } from "./list-budget-progress";

const cents = z.number().int().describe("Integer cents in `currency` (USD)");

const scopeSchema = z
  .object({
    type: z.enum(budgetScopeTypes).describe("account: the whole DO account; project: a DO project, by name; tenant: arcadia-app's tenant id; kind: a resource kind"),
    id: z.string().trim().min(1).max(200).nullable().default(null).describe("The project name, tenant id or kind; null (or absent) for the account"),
  })
  .transform((s, ctx) => {
    const parsed = s.type === "account" ? (s.id === null ? { type: "account" as const, id: null } : { error: "The whole account has no id." }) : parseScopeValue(`${s.type}:${s.id ?? ""}`);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error, path: ["id"] });
      return z.NEVER;
    }
    return parsed;
  });

export const createBudgetBody = z.object({
  name: z.string().trim().min(1).max(120),
  scope: scopeSchema,
  amount_cents: z.number().int().positive().max(1_000_000_000_000).describe("The monthly budget in US cents"),
  thresholds: z
    .array(z.number().int().min(1).max(1000))
    .min(1)
    .max(10)
    .optional()
    .describe("Percents of the budget at which budget.threshold fires, once a month each; default 50, 80, 100"),
});

export function toBudgetInput(body: z.output<typeof createBudgetBody>): BudgetInput {
  const thresholds = [...new Set(body.thresholds ?? defaultBudgetThresholds)].sort((a, b) => a - b);
  return { name: body.name, scope: body.scope, amount: body.amount_cents, thresholds };
}

export const budgetItemSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  scope: z.object({ type: z.enum(budgetScopeTypes), id: z.string().nullable(), name: z.string() }),
  currency: z.string().length(3),
  amount_cents: cents,
  thresholds: z.array(z.number().int()),
  month: z.string().describe("The month measured, YYYY-MM: the current one"),
  actual_cents: cents.nullable().describe("Month-to-date COGS of the scope; null when not measured yet"),
  projected_cents: cents.nullable().describe("Projected to the month's end as the margin dashboard projects; the actual once invoiced"),
  fired_thresholds: z.array(z.number().int()).describe("Thresholds that have fired this month"),
  note: z.string().describe("What the figures are and as of when"),
});

export type BudgetItem = z.infer<typeof budgetItemSchema>;

export function toBudgetItem(b: BudgetProgress, period: string): BudgetItem {
  return {
    id: b.id,
    name: b.name,
    scope: { type: b.scopeType, id: b.scopeId, name: b.scopeLabel },
    currency: b.currency,
    amount_cents: b.amountCents,
    thresholds: b.thresholds,
    month: period.slice(0, 7),
    actual_cents: b.actualCents,
    projected_cents: b.projectedCents,
    fired_thresholds: b.fired,
    note: b.note,
  };
}
