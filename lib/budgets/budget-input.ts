import { z } from "zod";
import { defaultBudgetThresholds } from "@/db/schema/budget-constants";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import { type BudgetScope, parseScopeValue } from "./budget-scope";

/** What the budget form posts: its scope as one value (see budget-scope.ts), dollars as typed, thresholds as a list. */
export const budgetForm = z.object({
  name: z.string().trim().min(1, "Name the budget.").max(120, "Keep the name under 120 characters."),
  scope: z
    .string()
    .max(260)
    .transform((v, ctx): BudgetScope => {
      const scope = parseScopeValue(v);
      if ("error" in scope) {
        ctx.addIssue({ code: "custom", message: scope.error });
        return z.NEVER;
      }
      return scope;
    }),
  amount: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const cents = parseMoneyInput(v);
      if (cents === null || cents <= 0) {
        ctx.addIssue({ code: "custom", message: "Enter the monthly budget in US dollars, e.g. 1500 or 1,500.00." });
        return z.NEVER;
      }
      return cents;
    }),
  thresholds: z
    .string()
    .max(200)
    .optional()
    .transform((v, ctx): number[] => {
      const parts = (v ?? "").split(/[\s,%]+/).filter(Boolean);
      if (!parts.length) return [...defaultBudgetThresholds];
      const numbers = parts.map((p) => (/^\d{1,4}$/.test(p) ? Number(p) : Number.NaN));
      if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) {
        ctx.addIssue({ code: "custom", message: "Thresholds are whole percents from 1 to 1000, e.g. 50, 80, 100." });
        return z.NEVER;
      }
      const distinct = [...new Set(numbers)].sort((a, b) => a - b);
      if (distinct.length > 10) {
        ctx.addIssue({ code: "custom", message: "At most 10 thresholds." });
        return z.NEVER;
      }
      return distinct;
    }),
});

export type BudgetInput = z.output<typeof budgetForm>;

export const budgetIdForm = z.object({ id: z.string().uuid("Unknown budget.") });
