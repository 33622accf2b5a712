import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createBudget } from "@/lib/budgets/manage-budgets";
import { currentPeriod, addMonths } from "@/lib/billing/month";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { createItemPairer } from "./pair-invoice-items";
import { replaceInvoiceLines } from "./replace-invoice-lines";

// What an ingest's hooks (the month's anomalies, margin events, budgets) cost on top of writing the lines, counted in
// statements: at 100,000 lines each read of a month's COGS is a scan of its lines (npm run bench -- costs-ingest).
describe.runIf(testServerUrl())("an invoice ingest's hooks", () => {
  let t: TestDb;
  let client: postgres.Sql;
  let db: Db;
  let statements: string[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    client = postgres(t.url!, { max: 2, onnotice: () => {} });
    db = drizzle(client, { schema, logger: { logQuery: (q) => void statements.push(q) } }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await t?.drop();
  });

  it("read the invoice month's COGS once for the margin events and the budgets, planned without JIT", async () => {
    // Last month: the invoice's month is also the reference the current month's budgets are shared out by.
    const month = addMonths(currentPeriod(), -1).slice(0, 7);
    await createBudget(t.db, { name: "account", scope: { type: "account", id: null }, amount: 1_000_000, thresholds: [100] }, "test");
    await createBudget(t.db, { name: "volumes", scope: { type: "kind", id: "volume" }, amount: 1_000_000, thresholds: [100] }, "test");
    const invoice = await createInvoice(t.db, { period: `${month}-01`, amountCents: 1_000 });
    const csv = [
      "product,group_description,description,hours,start,end,USD,project_name,category",
      `Volumes,,data-acme (100 GiB),720,${month}-01 00:00:00 +0000,${month}-28 23:59:59 +0000,$10.00,acme,iaas`,
      "",
    ].join("\n");
    statements = [];
    await replaceInvoiceLines(db, { invoiceId: invoice.id, csv, pairer: createItemPairer() });
    // loadCogs's line aggregate: once for the invoice's month, once for the current month (which has no lines).
    expect(statements.filter((q) => q.includes("with per_resource as"))).toHaveLength(2);
    // The aggregates' cost estimates pass JIT's thresholds at scale, where compiling took longer than running them.
    expect(statements.findIndex((q) => /set local jit = off/.test(q))).toBeGreaterThanOrEqual(0);
  });
});
