import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { replaceInvoiceLines } from "@/lib/costs/replace-invoice-lines";
import { createItemPairer } from "@/lib/costs/pair-invoice-items";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { meterUsage } from "./meter-usage";

// What changes the margin's inputs announces what they make true: metering (tagged usage nobody bills) and an
// invoice ingest (the month's COGS per tenant).

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

const unbilled = async (tenant: string) =>
  (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "usage.unbilled"))).map((e) => e.data).filter((d) => d.tenant_id === tenant);

describe("margin event triggers", () => {
  it("metering a month announces a tagged tenant nobody bills, once however often it runs", async () => {
    await createResource(t.db, { name: "metered-web", tags: ["tenant:metered"], providerCreatedAt: new Date("2026-06-01T00:00:00Z") });
    const now = new Date("2026-08-02T00:00:00Z");
    await meterUsage(t.db, "2026-07-01", "tenant:", { now });
    await meterUsage(t.db, "2026-07-01", "tenant:", { now });
    expect(await unbilled("metered")).toEqual([expect.objectContaining({ month: "2026-07", reason: "unknown_tenant", resource_count: 1, monthly_cost_cents: null })]);
  });

  it("an invoice ingest announces an unbilled tenant whose tagged resource the invoice charges", async () => {
    await createResource(t.db, { name: "invoiced-web", tags: ["tenant:invoiced"], providerCreatedAt: new Date("2026-01-01T00:00:00Z") });
    const invoice = await createInvoice(t.db, { period: "2026-05-01", amountCents: 600 });
    const csv = [
      "product,group_description,description,hours,start,end,USD,project_name,category",
      "Droplets,,invoiced-web (s-1vcpu-1gb),720,2026-05-01 00:00:00 +0000,2026-05-31 23:59:59 +0000,$6.00,default,iaas",
      "",
    ].join("\n");
    const now = new Date("2026-06-01T08:00:00Z");
    await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv, pairer: createItemPairer(), now });
    await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv, pairer: createItemPairer(), now });
    expect(await unbilled("invoiced")).toEqual([expect.objectContaining({ month: "2026-05", reason: "unknown_tenant", resource_count: 1 })]);
  });
});
