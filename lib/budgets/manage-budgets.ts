import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Budget, budgets, budgetThresholdFirings } from "@/db/schema/budgets";
import { ApiError } from "@/lib/http/errors";
import type { BudgetInput } from "./budget-input";

export function listBudgets(db: DbOrTx): Promise<Budget[]> {
  return db.select().from(budgets).orderBy(asc(budgets.name), asc(budgets.id));
}

export async function createBudget(db: DbOrTx, input: BudgetInput, actor: string): Promise<Budget> {
  const [row] = await db
    .insert(budgets)
    .values({ name: input.name, scopeType: input.scope.type, scopeId: input.scope.id, amountCents: input.amount, thresholds: input.thresholds, createdBy: actor })
    .returning();
  return row!;
}

/**
 * A changed budget keeps what fired this month at thresholds it still has; a threshold added fires when crossed,
 * and one whose scope changed starts afresh (what fired was for another scope's spend).
 */
export async function updateBudget(db: DbOrTx, id: string, input: BudgetInput): Promise<Budget> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(budgets).where(eq(budgets.id, id)).for("update");
    if (!before) throw new ApiError("not_found", "That budget no longer exists.");
    const [row] = await tx
      .update(budgets)
      .set({ name: input.name, scopeType: input.scope.type, scopeId: input.scope.id, amountCents: input.amount, thresholds: input.thresholds, updatedAt: sql`now()` })
      .where(eq(budgets.id, id))
      .returning();
    if (before.scopeType !== input.scope.type || before.scopeId !== input.scope.id) {
      await tx.delete(budgetThresholdFirings).where(eq(budgetThresholdFirings.budgetId, id));
    }
    return row!;
  });
}

export async function deleteBudget(db: DbOrTx, id: string): Promise<Budget> {
  const [row] = await db.delete(budgets).where(eq(budgets.id, id)).returning();
  if (!row) throw new ApiError("not_found", "That budget no longer exists.");
  return row;
}

/** The thresholds each budget has fired in the month, ascending. */
export async function listFiredThresholds(db: DbOrTx, period: string): Promise<Map<string, number[]>> {
  const rows = await db
    .select({ budgetId: budgetThresholdFirings.budgetId, pct: budgetThresholdFirings.thresholdPercent })
    .from(budgetThresholdFirings)
    .where(and(eq(budgetThresholdFirings.period, period)))
    .orderBy(asc(budgetThresholdFirings.thresholdPercent));
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.budgetId, [...(out.get(r.budgetId) ?? []), r.pct]);
  return out;
}
