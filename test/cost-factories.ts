import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { cloudCostLines, cloudInvoices, type NewCloudResource } from "@/db/schema";
import type { FakeDo } from "@/test/fake-do";
import { createResource } from "./factories";

/** An invoice header with a unique uuid; override what the test cares about. */
export async function createInvoice(db: DbOrTx, overrides: Partial<typeof cloudInvoices.$inferInsert> = {}) {
  const [row] = await db
    .insert(cloudInvoices)
    .values({ invoiceUuid: randomUUID(), invoiceId: null, period: "2026-04-01", amountCents: 0, ...overrides })
    .returning();
  return row!;
}

/** The fake account's live droplets and volumes as an inventory sync would record them. */
export async function syncFakeInventory(db: DbOrTx, fake: FakeDo, overrides: Partial<NewCloudResource> = {}) {
  for (const d of fake.account.droplets) {
    await createResource(db, { kind: "droplet", providerId: String(d.id), name: d.name, sizeSlug: d.size_slug, ...overrides });
  }
  for (const v of fake.account.volumes) {
    await createResource(db, { kind: "volume", providerId: v.id, name: v.name, sizeSlug: null, ...overrides });
  }
}

let lineNo = 1;

/** One cost line of `invoice` (its period copied), a resource line of 1.00 unless overridden. */
export async function createCostLine(
  db: DbOrTx,
  invoice: { id: string; period: string },
  overrides: Partial<typeof cloudCostLines.$inferInsert> = {},
) {
  const [row] = await db
    .insert(cloudCostLines)
    .values({ invoiceId: invoice.id, period: invoice.period, lineNo: ++lineNo, product: "Droplets", description: `line ${lineNo}`, amountCents: 100, lineType: "resource", ...overrides })
    .returning();
  return row!;
}
