import { getDb } from "@/db";
import { toBudgetInput, toBudgetItem } from "@/lib/budgets/api-schemas";
import { listBudgetProgress } from "@/lib/budgets/list-budget-progress";
import { createBudget } from "@/lib/budgets/manage-budgets";
import { createBudgetOp, listBudgetsOp } from "@/lib/budgets/operations";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok, okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const list = withApiAuth(listBudgetsOp, async () => {
  const progress = await listBudgetProgress(getDb());
  return okList(
    progress.budgets.map((b) => toBudgetItem(b, progress.period)),
    null,
  );
});

const create = withApiAuth(createBudgetOp, async ({ body, principal }) => {
  const db = getDb();
  const budget = await createBudget(db, toBudgetInput(body), apiActor(principal));
  const progress = await listBudgetProgress(db);
  const created = progress.budgets.find((b) => b.id === budget.id)!;
  return ok(toBudgetItem(created, progress.period), { status: 201 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(list, create);
