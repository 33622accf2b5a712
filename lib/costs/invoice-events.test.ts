import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudInvoices, notificationOutbox } from "@/db/schema";
import { createDoClient, type DoClient } from "@/lib/digitalocean/client";
import { syncFakeInventory } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { discoverInvoices } from "./discover-invoices";
import { ingestInvoice } from "./ingest-invoice";

// Invoice ingests announce themselves in the notification outbox, in the transaction that records their outcome.

let t: TestDb;
let fake: FakeDo;
let client: DoClient;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 21, droplets: 12, volumes: 4, invoicesMonths: 3, now: new Date("2026-05-15T12:00:00Z") });
  client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
  await syncFakeInventory(t.db, fake);
  await discoverInvoices(t.db, client);
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

const eventsFor = async (uuid: string) =>
  (await t.db.select().from(notificationOutbox).where(sql`${notificationOutbox.data} ->> 'invoice_uuid' = ${uuid}`).orderBy(asc(notificationOutbox.createdAt))).map(
    (e) => ({ type: e.type, data: e.data as Record<string, any> }),
  );

describe("invoice notifications", () => {
  it("an ingest that reconciles is invoice.ingested with its match rate, and nothing else", async () => {
    const [invoice] = fake.billing.listInvoices().invoices;
    const result = await ingestInvoice(t.db, client, invoice!.uuid);
    const events = await eventsFor(invoice!.uuid);
    expect(events.map((e) => e.type)).toEqual(["invoice.ingested"]);
    const matched = result.matchedByIdCount + result.matchedByNameCount;
    expect(events[0]!.data).toEqual({
      invoice_uuid: invoice!.uuid,
      period: result.period.slice(0, 7),
      currency: result.currency,
      amount_cents: result.amountCents,
      lines_total_cents: result.linesTotalCents,
      difference_cents: 0,
      reconciles: true,
      line_count: result.lineCount,
      resource_line_count: result.resourceLineCount,
      matched_count: matched,
      match_rate: matched / result.resourceLineCount,
    });
  });

  it("an ingest whose lines do not add up to DO's amount is invoice.ingested and invoice.unreconciled", async () => {
    const [, invoice] = fake.billing.listInvoices().invoices;
    await t.db.update(cloudInvoices).set({ amountCents: sql`${cloudInvoices.amountCents} + 250` }).where(eq(cloudInvoices.invoiceUuid, invoice!.uuid));
    await ingestInvoice(t.db, client, invoice!.uuid);
    const events = await eventsFor(invoice!.uuid);
    expect(events.map((e) => e.type)).toEqual(["invoice.ingested", "invoice.unreconciled"]);
    expect(events[0]!.data).toMatchObject({ reconciles: false, difference_cents: -250 });
    expect(events[1]!.data).toMatchObject({ invoice_uuid: invoice!.uuid, difference_cents: -250, amount_cents: invoice!.amountCents + 250 });
  });

  it("an ingest that fails is invoice.failed with the reason, and the previous lines' events stay as they were", async () => {
    const [, , invoice] = fake.billing.listInvoices().invoices;
    fake.faults.set(`/v2/customers/my/invoices/${invoice!.uuid}/csv`, { type: "error", status: 404, times: 1 });
    await expect(ingestInvoice(t.db, client, invoice!.uuid)).rejects.toThrow();
    const events = await eventsFor(invoice!.uuid);
    expect(events.map((e) => e.type)).toEqual(["invoice.failed"]);
    expect(events[0]!.data).toMatchObject({ invoice_uuid: invoice!.uuid, error: expect.stringContaining("404") });
  });
});
