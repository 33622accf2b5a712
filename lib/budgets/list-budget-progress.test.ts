import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSnapshot, createTenant } from "@/test/billing-factories";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { listBudgetProgress, listScopeOptions } from "./list-budget-progress";
import { createBudget } from "./manage-budgets";
import { evaluateBudgets } from "./evaluate-budgets";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe("the budgets page's figures", () => {
  it("shows each budget as the evaluation measures it, with what the figures are and what fired", async () => {
    expect(await listBudgetProgress(t.db, { now: new Date("2026-06-15T01:00:00Z") })).toEqual({ period: "2026-06-01", budgets: [] });
    await createTenant(t.db, { id: "acme", name: "Acme" });
    const may = await createInvoice(t.db, { period: "2026-05-01", status: "ingested" });
    await createCostLine(t.db, may, { amountCents: 3000, kind: "droplet", projectName: "web" });
    await createCostLine(t.db, may, { amountCents: 1000, kind: "volume", projectName: "data" });
    await createBudget(t.db, { name: "Account", scope: { type: "account", id: null }, amount: 10000, thresholds: [50, 80, 100] }, "t");
    await createBudget(t.db, { name: "Web", scope: { type: "project", id: "web" }, amount: 10000, thresholds: [50] }, "t");
    await createBudget(t.db, { name: "Acme", scope: { type: "tenant", id: "acme" }, amount: 10000, thresholds: [50] }, "t");
    const now = new Date("2026-06-15T01:00:00Z");
    expect((await listBudgetProgress(t.db, { now })).budgets.map((b) => b.note)).toEqual([
      "No balance snapshot this month yet: nothing measured.",
      "No balance snapshot this month yet: nothing measured.",
      "No balance snapshot this month yet: nothing measured.",
    ]);

    await createSnapshot(t.db, { usageCents: 6000, generatedAt: new Date("2026-06-15T00:00:00Z") });
    await evaluateBudgets(t.db, { period: "2026-06-01", now });
    const { budgets } = await listBudgetProgress(t.db, { now });
    expect(budgets.map((b) => [b.name, b.scopeLabel, b.scope, b.actualCents, b.projectedCents, b.fired])).toEqual([
      ["Account", "Whole account", "account", 6000, 12857, [50, 80, 100]],
      ["Acme", "Tenant Acme", "tenant:acme", 0, 0, []],
      ["Web", "Project web", "project:web", 4500, 9643, [50]],
    ]);
    expect(budgets[0]!.note).toBe("Estimate from the 00:00 snapshot of 15 Jun (UTC), 14 days into the month.");
    expect(budgets[2]!.note).toMatch(/Its share: 75\.0 % of the account, as on May 2026's invoice\.$/);
    expect(budgets[0]!.currency).toBe("USD");

    const scopes = await listScopeOptions(t.db);
    expect(scopes.map((g) => g.group)).toEqual(["Account", "DO projects", "Tenants", "Product kinds"]);
    expect(scopes[1]!.options).toEqual([
      { value: "project:data", label: "data" },
      { value: "project:web", label: "web" },
    ]);
  });
});
