import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { createDoClient, type DoClient } from "@/lib/digitalocean/client";
import { syncFakeInventory } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { discoverInvoices } from "./discover-invoices";
import { ingestInvoice } from "./ingest-invoice";

const NOW = new Date("2026-05-15T12:00:00Z");
let t: TestDb;
let fake: FakeDo;
let client: DoClient;
let april: { uuid: string; amountCents: number };

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 21, droplets: 12, volumes: 4, invoicesMonths: 3, now: NOW });
  client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
  await syncFakeInventory(t.db, fake);
  await discoverInvoices(t.db, client);
  const latest = fake.billing.listInvoices().invoices[0]!;
  april = { uuid: latest.uuid, amountCents: latest.amountCents };
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

async function linesOf(uuid: string) {
  return t.db
    .select({ lineNo: cloudCostLines.lineNo, amountCents: cloudCostLines.amountCents, id: cloudCostLines.id })
    .from(cloudCostLines)
    .innerJoin(cloudInvoices, eq(cloudInvoices.id, cloudCostLines.invoiceId))
    .where(eq(cloudInvoices.invoiceUuid, uuid))
    .orderBy(cloudCostLines.lineNo);
}

async function headerOf(uuid: string) {
  const [row] = await t.db.select().from(cloudInvoices).where(eq(cloudInvoices.invoiceUuid, uuid));
  return row!;
}

describe("ingestInvoice against the fake DO", () => {
  it("stores every CSV line once, reconciles with DO's amount, and records the ingest", async () => {
    const result = await ingestInvoice(t.db, client, april.uuid);
    const expected = fake.billing.getLines({ uuid: april.uuid, period: fake.billing.listInvoices().invoices[0]!.period });
    expect(result.lineCount).toBe(expected.length);
    expect(result.linesTotalCents).toBe(april.amountCents);
    expect(result.differenceCents).toBe(0);

    const lines = await linesOf(april.uuid);
    expect(lines.map((l) => l.lineNo)).toEqual(expected.map((_, i) => i + 2));
    expect(lines.map((l) => l.amountCents)).toEqual(expected.map((l) => l.amountCents));
    expect(await headerOf(april.uuid)).toMatchObject({
      status: "ingested",
      error: null,
      lineCount: expected.length,
      linesTotalCents: april.amountCents,
      csvSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      ingestedAt: expect.any(Date),
    });
  });

  it("matches the live droplets and volumes by DO's own id", async () => {
    const rows = await t.db
      .select({ kind: cloudCostLines.kind, method: cloudCostLines.matchMethod, n: sql<number>`count(*)::int` })
      .from(cloudCostLines)
      .innerJoin(cloudInvoices, eq(cloudInvoices.id, cloudCostLines.invoiceId))
      .where(eq(cloudInvoices.invoiceUuid, april.uuid))
      .groupBy(cloudCostLines.kind, cloudCostLines.matchMethod);
    const byId = rows.filter((r) => r.method === "id");
    expect(byId.map((r) => r.kind).sort()).toEqual(["droplet", "volume"]);
    // Deleted droplets and volumes were never seen by a sync, so DO's ids for them match nothing, and nothing by name.
    expect(rows.some((r) => r.method === "name")).toBe(false);
    const header = await headerOf(april.uuid);
    expect(header.matchedByIdCount).toBe(byId.reduce((sum, r) => sum + r.n, 0));
    expect(header.resourceLineCount).toBeGreaterThan(header.matchedByIdCount);
  });

  it("leaves exactly one copy of every line when run twice in a row", async () => {
    const before = await linesOf(april.uuid);
    await ingestInvoice(t.db, client, april.uuid);
    const after = await linesOf(april.uuid);
    expect(after.map((l) => l.lineNo)).toEqual(before.map((l) => l.lineNo));
    // Replaced, not kept: the new rows are new rows.
    expect(Math.min(...after.map((l) => l.id))).toBeGreaterThan(Math.max(...before.map((l) => l.id)));
  });

  it("leaves exactly one copy of every line when two ingests of one invoice run at once", async () => {
    const before = await linesOf(april.uuid);
    // Slow CSV answers so both runs have fetched before either writes.
    fake.faults.set(`/v2/customers/my/invoices/${april.uuid}/csv`, { type: "slow", delayMs: 150, times: 2 });
    const results = await Promise.all([ingestInvoice(t.db, client, april.uuid), ingestInvoice(t.db, client, april.uuid)]);
    expect(results.map((r) => r.lineCount)).toEqual([before.length, before.length]);
    const after = await linesOf(april.uuid);
    expect(after.map((l) => l.lineNo)).toEqual(before.map((l) => l.lineNo));
    expect((await headerOf(april.uuid)).status).toBe("ingested");
  });

  it("marks a CSV that cannot be parsed failed, naming the line, and keeps the previous lines", async () => {
    const before = await linesOf(april.uuid);
    const csv = await client.getInvoiceCsv(april.uuid);
    const broken = csv.replace(/\$[\d,]+\.\d\d/g, (amount, offset: number) => (offset > csv.indexOf("\n", csv.indexOf("\n") + 1) ? "$12.x" : amount));
    const brokenClient = { ...client, getInvoiceCsv: async () => broken };
    await expect(ingestInvoice(t.db, brokenClient, april.uuid)).rejects.toThrow(
      'The invoice CSV could not be parsed: line 3: column "USD": cannot parse amount "$12.x"',
    );
    const header = await headerOf(april.uuid);
    expect(header).toMatchObject({
      status: "failed",
      error: 'The invoice CSV could not be parsed: line 3: column "USD": cannot parse amount "$12.x"',
      lineCount: before.length,
      linesTotalCents: april.amountCents,
    });
    expect(await linesOf(april.uuid)).toEqual(before);

    // The next good run clears the failure.
    await ingestInvoice(t.db, client, april.uuid);
    expect(await headerOf(april.uuid)).toMatchObject({ status: "ingested", error: null });
  });

  it("marks the invoice failed when DO cannot serve the CSV", async () => {
    fake.faults.set(`/v2/customers/my/invoices/${april.uuid}/csv`, { type: "error", status: 404, times: 1 });
    await expect(ingestInvoice(t.db, client, april.uuid)).rejects.toThrow();
    const header = await headerOf(april.uuid);
    expect(header.status).toBe("failed");
    expect(header.error).toMatch(/404|not found/i);
    expect((await linesOf(april.uuid)).length).toBe(header.lineCount);
  });

  it("ingests an invoice discovery has not seen yet, taking its header from DO's invoices list", async () => {
    const march = fake.billing.listInvoices().invoices[1]!;
    await t.db.delete(cloudInvoices).where(eq(cloudInvoices.invoiceUuid, march.uuid));
    const result = await ingestInvoice(t.db, client, march.uuid);
    expect(result).toMatchObject({ period: "2026-03-01", amountCents: march.amountCents, differenceCents: 0 });
    await expect(ingestInvoice(t.db, client, "no-such-invoice")).rejects.toThrow("DigitalOcean lists no invoice no-such-invoice");
  });
});
