import { describe, expect, it } from "vitest";
import { idleResult } from "@/lib/http/action-result";
import { listBudgets } from "@/lib/budgets/manage-budgets";
import { adminUser, formData as form, setupAdminActionRuntime, tenantUser, thrownDigest } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { createBudgetAction, deleteBudgetAction, updateBudgetAction } from "./actions";

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();

describe("budget actions", () => {
  it("adds a budget with the default thresholds, and revalidates the budgets page and the costs overview", async () => {
    signInAs(adminUser);
    const result = await createBudgetAction(idleResult, form({ name: "Droplets", scope: "kind:droplet", amount: "$1,500.50", thresholds: "" }));
    expect(result).toEqual({ status: "ok", message: "Budget “Droplets” added." });
    const [b] = await listBudgets(getDb().db);
    expect(b).toMatchObject({ name: "Droplets", scopeType: "kind", scopeId: "droplet", amountCents: 150050, currency: "USD", thresholds: [50, 80, 100], createdBy: "admin@example.com" });
    expect(revalidated()).toEqual(["/costs/budgets", "/costs"]);
  });

  it("sends each invalid field back with what was typed, and stores nothing", async () => {
    signInAs(adminUser);
    const before = (await listBudgets(getDb().db)).length;
    const result = await createBudgetAction(idleResult, form({ name: " ", scope: "kind:teapot", amount: "-5", thresholds: "50, 0, x" }));
    expect(result).toMatchObject({
      status: "error",
      code: "invalid_request",
      fieldErrors: {
        name: "Name the budget.",
        scope: '"teapot" is not a product kind.',
        amount: "Enter the monthly budget in US dollars, e.g. 1500 or 1,500.00.",
        thresholds: "Thresholds are whole percents from 1 to 1000, e.g. 50, 80, 100.",
      },
      values: { amount: "-5", thresholds: "50, 0, x" },
    });
    expect(await createBudgetAction(idleResult, form({ name: "p", scope: "project:", amount: "10" }))).toMatchObject({ fieldErrors: { scope: "Choose the DO project the budget covers." } });
    expect(await listBudgets(getDb().db)).toHaveLength(before);
  });

  it("edits a budget's amount, scope and thresholds (sorted, distinct), then deletes it", async () => {
    signInAs(adminUser);
    await createBudgetAction(idleResult, form({ name: "Acme", scope: "tenant:acme", amount: "100" }));
    const created = (await listBudgets(getDb().db)).find((b) => b.name === "Acme")!;
    const saved = await updateBudgetAction(idleResult, form({ id: created.id, name: "Acme web", scope: "project:web", amount: "250", thresholds: "100 75, 75 90%" }));
    expect(saved).toMatchObject({ status: "ok", message: "Budget “Acme web” saved." });
    expect((await listBudgets(getDb().db)).find((b) => b.id === created.id)).toMatchObject({ scopeType: "project", scopeId: "web", amountCents: 25000, thresholds: [75, 90, 100] });

    expect(await deleteBudgetAction(idleResult, form({ id: created.id }))).toMatchObject({ status: "ok", message: "Budget “Acme web” deleted." });
    expect((await listBudgets(getDb().db)).some((b) => b.id === created.id)).toBe(false);
    expect(await deleteBudgetAction(idleResult, form({ id: created.id }))).toMatchObject({ status: "error", code: "not_found", message: "That budget no longer exists." });
  });

  it("refuses a tenant's session", async () => {
    signInAs(tenantUser);
    expect(await thrownDigest(createBudgetAction(idleResult, form({ name: "x", scope: "account", amount: "1" })))).toMatch(/403/);
  });
});
