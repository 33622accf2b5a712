import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { budgetThresholdFirings, notificationOutbox } from "@/db/schema";
import { createTenant, createSnapshot } from "@/test/billing-factories";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import type { BudgetInput } from "./budget-input";
import { evaluateBudgets } from "./evaluate-budgets";
import { createBudget } from "./manage-budgets";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.db.execute(sql`truncate budgets, budget_threshold_firings, notification_outbox, cloud_balance_snapshots, cloud_invoices, cloud_resources, tenants cascade`);
});

const budget = (scope: BudgetInput["scope"], dollars: number, thresholds: number[], name = "b") =>
  createBudget(t.db, { name, scope, amount: dollars * 100, thresholds }, "admin@example.com");

async function budgetEvents() {
  const rows = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "budget.threshold"));
  return rows.map((r) => r.data as Record<string, unknown>);
}

const fired = (events: Record<string, unknown>[]) =>
  events.map((e) => `${e.name}:${e.threshold_percent}:${e.basis}`).sort();

describe("a budget of the whole account against DO's month-to-date usage", () => {
  it("fires each crossed threshold once, by actual or by projection, and again the next month", async () => {
    const b = await budget({ type: "account", id: null }, 100, [50, 80, 100], "account");
    // June 15, 00:00: 14 of 30 days gone; $50.00 so far projects to $107.14.
    await createSnapshot(t.db, { usageCents: 5000, generatedAt: new Date("2026-06-15T00:00:00Z") });
    const june = { period: "2026-06-01", now: new Date("2026-06-15T00:30:00Z") };
    expect((await evaluateBudgets(t.db, june)).map((f) => [f.thresholdPercent, f.basis])).toEqual([
      [50, "actual"],
      [80, "projected"],
      [100, "projected"],
    ]);
    const [first] = await budgetEvents();
    expect(first).toEqual({
      budget_id: b.id,
      name: "account",
      scope: { type: "account", id: null, name: null },
      month: "2026-06",
      currency: "USD",
      budget_cents: 10000,
      threshold_percent: 50,
      basis: "actual",
      actual_cents: 5000,
      projected_cents: 10714,
    });

    // Re-evaluating the month, even with more spend, fires nothing more.
    await createSnapshot(t.db, { usageCents: 9000, generatedAt: new Date("2026-06-20T00:00:00Z") });
    expect(await evaluateBudgets(t.db, { period: "2026-06-01", now: new Date("2026-06-20T01:00:00Z") })).toEqual([]);
    expect(await budgetEvents()).toHaveLength(3);

    // July 16: $40.00 in 15 of 31 days projects to $82.67.
    await createSnapshot(t.db, { usageCents: 4000, generatedAt: new Date("2026-07-16T00:00:00Z") });
    const july = await evaluateBudgets(t.db, { period: "2026-07-01", now: new Date("2026-07-16T01:00:00Z") });
    expect(july.map((f) => [f.thresholdPercent, f.basis])).toEqual([
      [50, "projected"],
      [80, "projected"],
    ]);
    expect((await budgetEvents()).filter((e) => e.month === "2026-07")).toHaveLength(2);
  });

  it("a projection under a threshold fires nothing, and a month without a snapshot measures nothing", async () => {
    await budget({ type: "account", id: null }, 200, [50, 100], "wide");
    expect(await evaluateBudgets(t.db, { period: "2026-06-01", now: new Date("2026-06-15T00:30:00Z") })).toEqual([]);
    await createSnapshot(t.db, { usageCents: 5000, generatedAt: new Date("2026-06-15T00:00:00Z") });
    await evaluateBudgets(t.db, { period: "2026-06-01", now: new Date("2026-06-15T00:30:00Z") });
    // $50.00 is 25 % of $200; its projection, $107.14, crosses 50 % but not 100 %.
    expect(fired(await budgetEvents())).toEqual(["wide:50:projected"]);
  });
});

/** April's invoice: acme's droplet and volume in project web, an untagged droplet in batch, tax and an account credit. */
async function invoiceApril() {
  await createTenant(t.db, { id: "acme", name: "Acme Pty Ltd" });
  const acmeDroplet = await createResource(t.db, { kind: "droplet", tags: ["tenant:acme"] });
  const acmeVolume = await createResource(t.db, { kind: "volume", tags: ["tenant:acme"] });
  const batch = await createResource(t.db, { kind: "droplet" });
  const invoice = await createInvoice(t.db, { period: "2026-04-01", status: "ingested", amountCents: 9500 });
  await createCostLine(t.db, invoice, { amountCents: 4000, kind: "droplet", resourceId: acmeDroplet.id, matchMethod: "id", projectName: "web" });
  await createCostLine(t.db, invoice, { amountCents: 2000, kind: "volume", resourceId: acmeVolume.id, matchMethod: "id", projectName: "web" });
  await createCostLine(t.db, invoice, { amountCents: 3000, kind: "droplet", resourceId: batch.id, matchMethod: "id", projectName: "batch" });
  await createCostLine(t.db, invoice, { amountCents: 1000, lineType: "tax", kind: null, product: "Tax" });
  await createCostLine(t.db, invoice, { amountCents: -500, lineType: "credit", kind: null, product: "Credits" });
}

describe("early in the month", () => {
  it("a projection from less than a day of the month fires nothing; month-to-date COGS still does", async () => {
    await budget({ type: "account", id: null }, 10, [5, 100], "early");
    // June 1, 05:00: $1.00 so far would project to $144.00.
    await createSnapshot(t.db, { usageCents: 100, generatedAt: new Date("2026-06-01T05:00:00Z") });
    await evaluateBudgets(t.db, { period: "2026-06-01", now: new Date("2026-06-01T05:30:00Z") });
    expect(fired(await budgetEvents())).toEqual(["early:5:actual"]);
    await createSnapshot(t.db, { usageCents: 200, generatedAt: new Date("2026-06-02T00:00:00Z") });
    await evaluateBudgets(t.db, { period: "2026-06-01", now: new Date("2026-06-02T00:30:00Z") });
    expect(fired(await budgetEvents())).toEqual(["early:100:projected", "early:5:actual"]);
  });
});

describe("scopes", () => {
  it("an invoiced month measures each scope by its own lines, taxes excluded and credits included", async () => {
    await invoiceApril();
    await budget({ type: "project", id: "web" }, 100, [50], "web");
    await budget({ type: "project", id: "batch" }, 100, [50], "batch");
    await budget({ type: "tenant", id: "acme" }, 100, [50], "acme");
    await budget({ type: "tenant", id: "globex" }, 1, [50], "globex");
    await budget({ type: "kind", id: "droplet" }, 100, [50], "droplets");
    await budget({ type: "kind", id: "volume" }, 100, [50], "volumes");
    // 8,500 of lines without tax: 80 % of $100 crossed, 90 % (crossed only if the tax counted) not.
    await budget({ type: "account", id: null }, 100, [80, 90], "account");
    await evaluateBudgets(t.db, { period: "2026-04-01", now: new Date("2026-05-15T00:00:00Z") });
    const events = await budgetEvents();
    expect(fired(events)).toEqual(["account:80:actual", "acme:50:actual", "droplets:50:actual", "web:50:actual"]);
    const byName = new Map(events.map((e) => [e.name, e]));
    expect(byName.get("web")).toMatchObject({ actual_cents: 6000, projected_cents: 6000, scope: { type: "project", id: "web", name: "web" } });
    expect(byName.get("acme")).toMatchObject({ actual_cents: 6000, scope: { type: "tenant", id: "acme", name: "Acme Pty Ltd" } });
    expect(byName.get("droplets")).toMatchObject({ actual_cents: 7000, scope: { type: "kind", id: "droplet", name: "Droplets" } });
    expect(byName.get("account")).toMatchObject({ actual_cents: 8500, month: "2026-04" });
  });

  it("before its invoice a scope gets its share of the latest invoice applied to DO's month-to-date usage", async () => {
    await invoiceApril();
    await budget({ type: "tenant", id: "acme" }, 100, [70, 150, 200], "acme");
    // May 15, 00:00: 14 of 31 days. acme had 6,000 of April's 8,500: 70.59 % of $100.00 → $70.59, projecting to $156.31.
    await createSnapshot(t.db, { usageCents: 10000, generatedAt: new Date("2026-05-15T00:00:00Z") });
    await evaluateBudgets(t.db, { period: "2026-05-01", now: new Date("2026-05-15T01:00:00Z") });
    const events = await budgetEvents();
    expect(fired(events)).toEqual(["acme:150:projected", "acme:70:actual"]);
    expect(events[0]).toMatchObject({ actual_cents: 7059, projected_cents: 15631, month: "2026-05" });
  });
});

describe("the outbox", () => {
  it("gets the event in the evaluation's transaction: a rollback loses both, a commit keeps both, linked", async () => {
    await budget({ type: "account", id: null }, 10, [100], "small");
    await createSnapshot(t.db, { usageCents: 2000, generatedAt: new Date("2026-06-15T00:00:00Z") });
    const june = { period: "2026-06-01", now: new Date("2026-06-15T00:30:00Z") };
    await expect(
      t.db.transaction(async (tx) => {
        expect(await evaluateBudgets(tx, june)).toHaveLength(1);
        throw new Error("the job died");
      }),
    ).rejects.toThrow("the job died");
    expect(await budgetEvents()).toEqual([]);
    expect(await t.db.select().from(budgetThresholdFirings)).toEqual([]);

    const [f] = await t.db.transaction((tx) => evaluateBudgets(tx, june));
    const [row] = await t.db.select().from(budgetThresholdFirings);
    const [event] = await t.db.select().from(notificationOutbox);
    expect(row).toMatchObject({ period: "2026-06-01", thresholdPercent: 100, basis: "actual", actualCents: 2000, budgetCents: 1000, eventId: event!.id });
    expect(f!.eventId).toBe(event!.id);
  });
});
