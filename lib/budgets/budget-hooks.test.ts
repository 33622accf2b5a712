import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { ingestInvoice } from "@/lib/costs/ingest-invoice";
import { discoverInvoices } from "@/lib/costs/discover-invoices";
import { snapshotBalance } from "@/lib/costs/snapshot-balance";
import { createDoClient, type DoClient } from "@/lib/digitalocean/client";
import { syncFakeInventory } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { createBudget } from "./manage-budgets";

// The jobs that change COGS evaluate budgets in their own transaction: a balance snapshot, an invoice ingest.

const NOW = new Date("2026-05-15T12:00:00Z");
let t: TestDb;
let fake: FakeDo;
let client: DoClient;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 21, droplets: 12, volumes: 4, invoicesMonths: 2, now: NOW });
  client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
  await syncFakeInventory(t.db, fake);
  await discoverInvoices(t.db, client);
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

const budgetEvents = async () =>
  (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "budget.threshold"))).map((r) => r.data as Record<string, unknown>);

describe("budgets are evaluated by the jobs that measure COGS", () => {
  it("a balance snapshot fires the account's crossed thresholds for its month, once", async () => {
    await createBudget(t.db, { name: "tiny", scope: { type: "account", id: null }, amount: 1, thresholds: [100] }, "test");
    const snapshot = await snapshotBalance(t.db, client);
    expect(snapshot.monthToDateUsageCents).toBeGreaterThan(1);
    expect(await budgetEvents()).toMatchObject([{ name: "tiny", month: "2026-05", basis: "actual", actual_cents: snapshot.monthToDateUsageCents }]);
    await snapshotBalance(t.db, client);
    expect(await budgetEvents()).toHaveLength(1);
  });

  it("an invoice ingest fires the thresholds its month's lines cross", async () => {
    await createBudget(t.db, { name: "droplets", scope: { type: "kind", id: "droplet" }, amount: 1, thresholds: [100] }, "test");
    const latest = fake.billing.listInvoices().invoices[0]!;
    // A month after the fake's clock: the invoice's month is recent, and the current month has no snapshot, so only
    // the invoice's month is measured.
    const result = await ingestInvoice(t.db, client, latest.uuid, { now: new Date("2026-06-15T12:00:00Z") });
    const events = (await budgetEvents()).filter((e) => e.name === "droplets");
    expect(events).toMatchObject([{ month: result.period.slice(0, 7), basis: "actual", scope: { type: "kind", id: "droplet" } }]);
  });
});
