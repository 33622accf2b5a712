import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { createItemPairer } from "./pair-invoice-items";
import { replaceInvoiceLines } from "./replace-invoice-lines";

// Loading a year of history (the first discovery, a new DO account) records every invoice, but what old months
// "make true" is history, not news: only recent months announce anomalies, unbilled tenants and margins.

const header = "product,group_description,description,hours,start,end,USD,project_name,category";
const csvOf = (month: string, amount: string) =>
  [header, `Droplets,,tenant-nobody-vm (s-1vcpu-1gb),720,${month}-01 00:00:00 +0000,${month}-28 23:59:59 +0000,$${amount},acme,iaas`, ""].join("\n");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // A droplet tagged for a tenant nobody bills: every month it runs is unbilled usage.
  await createResource(t.db, { kind: "droplet", name: "tenant-nobody-vm", tags: ["tenant:nobody"], providerCreatedAt: new Date("2026-01-01T00:00:00Z") });
});
afterAll(() => t?.drop());

const typesAnnounced = async () => (await t.db.select().from(notificationOutbox)).map((e) => `${e.type} ${String((e.data as { month?: string }).month ?? "")}`.trim()).sort();

async function ingest(month: string, amount: string, now: Date) {
  const invoice = await createInvoice(t.db, { period: `${month}-01`, amountCents: Math.round(Number(amount) * 100) });
  await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv: csvOf(month, amount), pairer: createItemPairer(), now });
}

describe("announcing what an ingest makes true", () => {
  it("stays quiet about months long past, and speaks for the last two", async () => {
    const now = new Date("2026-12-02T08:00:00Z");
    for (const month of ["2026-05", "2026-06", "2026-07"]) await ingest(month, "10.00", now);
    // August is far above its trailing months, but it is four months ago: recorded, not announced.
    await ingest("2026-08", "900.00", now);
    expect((await typesAnnounced()).filter((e) => !e.startsWith("invoice."))).toEqual([]);

    await ingest("2026-09", "10.00", now);
    await ingest("2026-10", "900.00", now);
    const announced = (await typesAnnounced()).filter((e) => !e.startsWith("invoice."));
    expect(announced).toContain("cost.anomaly 2026-10");
    expect(announced).toContain("usage.unbilled 2026-10");
    expect(announced.some((e) => /2026-0[5-9]/.test(e))).toBe(false);
    // Every invoice is still announced as ingested, old or new.
    expect((await typesAnnounced()).filter((e) => e.startsWith("invoice.ingested"))).toHaveLength(6);
  });
});
