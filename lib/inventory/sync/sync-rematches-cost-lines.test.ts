import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cloudCostLines } from "@/db/schema";
import { createItemPairer } from "@/lib/costs/pair-invoice-items";
import { replaceInvoiceLines } from "@/lib/costs/replace-invoice-lines";
import { createDoClient } from "@/lib/digitalocean/client";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { syncInventory } from "./sync-inventory";

let t: TestDb;
let fake: FakeDo;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 3, droplets: 5 });
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

it("an invoice ingested before the first sync has its lines matched by that sync", async () => {
  const d = fake.account.droplets[0]!;
  const window = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";
  const csv = `product,group_description,description,hours,start,end,USD,project_name,category\nDroplets,,${d.name} (${d.size_slug}),720,${window},$6.00,default,iaas\n`;
  const invoice = await createInvoice(t.db, { amountCents: 600 });
  await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv, pairer: createItemPairer() });

  const result = await syncInventory(t.db, createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, maxRetries: 1 }), { kinds: ["droplet"], refreshProjects: false, trigger: "cli" });

  const [line] = await t.db.select().from(cloudCostLines).where(eq(cloudCostLines.invoiceId, invoice.id));
  expect(line).toMatchObject({ matchMethod: "name" });
  expect(line?.resourceId).not.toBeNull();
  expect(result.summary).toMatch(/1 cost line matched/);
});
