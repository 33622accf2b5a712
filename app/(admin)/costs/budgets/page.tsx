import type { Metadata } from "next";
import { BudgetForm } from "@/components/budgets/budget-form";
import { BudgetsList } from "@/components/budgets/budgets-list";
import { CostsHeader } from "@/components/costs/costs-header";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { requireAdmin } from "@/lib/auth/session";
import { listBudgetProgress, listScopeOptions } from "@/lib/budgets/list-budget-progress";
import { formatMonth } from "@/lib/time/format-month";
import { createBudgetAction, deleteBudgetAction, updateBudgetAction } from "./actions";

export const metadata: Metadata = { title: "Budgets · Costs" };

export default async function BudgetsPage() {
  await requireAdmin();
  const db = getDb();
  const [progress, scopes] = await Promise.all([listBudgetProgress(db), listScopeOptions(db)]);
  return (
    <>
      <CostsHeader current="/costs/budgets" />
      <CardTable
        title={`Budgets for ${formatMonth(progress.period)}`}
        description="Measured after every balance snapshot and invoice ingest, as the margin dashboard measures the month."
        isEmpty={progress.budgets.length === 0}
        empty={
          <EmptyState title="No budgets yet">
            Add one below to be told when the account, a project, a tenant or a product kind nears its monthly amount.
          </EmptyState>
        }
      >
        <BudgetsList budgets={progress.budgets} scopes={scopes} updateAction={updateBudgetAction} deleteAction={deleteBudgetAction} />
      </CardTable>
      <Card className="mt-6">
        <CardHeader
          title="Add a budget"
          description="A monthly amount in US dollars for the account, a DO project, a tenant or a product kind. Each alert threshold fires budget.threshold once a month, when month-to-date COGS or its projection to the month's end crosses it."
        />
        <BudgetForm action={createBudgetAction} scopes={scopes} />
      </Card>
    </>
  );
}
