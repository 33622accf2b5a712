import { readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudCostLines } from "@/db/schema";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { matchCostLines } from "./match-cost-lines";
import { createItemPairer } from "./pair-invoice-items";
import { replaceInvoiceLines } from "./replace-invoice-lines";

const sample = readFileSync("/work/shared/do-api/samples/invoice-2026-04.csv", "utf8");
const WINDOW = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";
const csv = `${sample}Droplets,,legacy (2019) box (s-1vcpu-1gb),720,${WINDOW},$6.00,default,iaas\n`;

let t: TestDb;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  const add = async (key: string, values: Parameters<typeof createResource>[1]) => {
    ids[key] = (await createResource(t.db, values)).id;
  };
  await add("web", { kind: "droplet", name: "arcadia-web-01" });
  await add("worker", { kind: "droplet", name: "Arcadia-Worker-01" });
  await add("oldStaging", { kind: "droplet", name: "old-staging", deletedAt: new Date("2026-04-05T01:00:00Z") });
  // tenant-acme-vm-2 was deleted on the 14th and a new one of the same name created on the 20th: April's line
  // (1st–14th) paid for the old one.
  await add("acme2Old", { kind: "droplet", name: "tenant-acme-vm-2", providerCreatedAt: new Date("2025-01-01Z"), deletedAt: new Date("2026-04-14T00:30:00Z") });
  await add("acme2New", { kind: "droplet", name: "tenant-acme-vm-2", providerCreatedAt: new Date("2026-04-20T00:00:00Z") });
  await add("acme1", { kind: "droplet", name: "tenant-acme-vm-1" });
  await add("legacy", { kind: "droplet", name: "legacy (2019) box" });
  await add("data", { kind: "volume", name: "arcadia-data" });
  await add("pg", { kind: "database", name: "arcadia-pg" });
  await add("ip", { kind: "reserved_ip", name: "170.64.1.10" });
  await add("lb", { kind: "load_balancer", name: "renamed-lb", providerId: "lb-uuid-1" });
  // Same name, other kind: never a match for a droplet line.
  await add("webVolume", { kind: "volume", name: "arcadia-web-01" });
  await add("bucket", { kind: "spaces_bucket", name: "tenant-acme--media", providerId: "tenant-acme--media" });
});
afterAll(() => t.drop());

async function ingestSample() {
  const invoice = await createInvoice(t.db, { amountCents: 8692 });
  const pairer = createItemPairer();
  pairer.add([
    // The load balancer was renamed since: only DO's id can find it.
    { product: "Load Balancers", description: "arcadia-lb (lb-small)", amount: "12.00", start_time: "2026-04-01T00:00:00Z", end_time: "2026-05-01T00:00:00Z", resource_uuid: "lb-uuid-1" },
    // DO names a droplet id our inventory has never seen: the same-named resource we hold is, by DO's word, another.
    { product: "Droplets", description: "tenant-acme-vm-1 (s-1vcpu-1gb)", amount: "6.00", start_time: "2026-04-01T00:00:00Z", end_time: "2026-05-01T00:00:00Z", resource_id: "999999" },
  ]);
  await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv, pairer });
  const lines = await t.db
    .select()
    .from(cloudCostLines)
    .where(eq(cloudCostLines.invoiceId, invoice.id))
    .orderBy(asc(cloudCostLines.lineNo));
  const at = (lineNo: number) => {
    const line = lines.find((l) => l.lineNo === lineNo);
    if (!line) throw new Error(`no line ${lineNo}`);
    return { resourceId: line.resourceId, matchMethod: line.matchMethod, lineType: line.lineType };
  };
  return { invoice, lines, at };
}

describe("matchCostLines", () => {
  it("matches by name from `name (size)`, case-insensitively, including tombstoned resources", async () => {
    const { at } = await ingestSample();
    expect(at(2)).toEqual({ resourceId: ids.web, matchMethod: "name", lineType: "resource" });
    expect(at(3)).toMatchObject({ resourceId: ids.worker, matchMethod: "name" });
    expect(at(6)).toMatchObject({ resourceId: ids.oldStaging, matchMethod: "name" });
    // A backup pays for the droplet it backs up.
    expect(at(8)).toMatchObject({ resourceId: ids.web, matchMethod: "name" });
    expect(at(9)).toMatchObject({ resourceId: ids.data, matchMethod: "name" });
    expect(at(35)).toMatchObject({ resourceId: ids.legacy, matchMethod: "name" });
  });

  it("of two same-named resources, takes the one alive during the line's window", async () => {
    const { at } = await ingestSample();
    expect(at(5)).toMatchObject({ resourceId: ids.acme2Old, matchMethod: "name" });
  });

  it("matches grouped lines by their group and reserved IPs by address", async () => {
    const { at } = await ingestSample();
    expect(at(19)).toMatchObject({ resourceId: ids.pg, matchMethod: "name" });
    expect(at(20)).toMatchObject({ resourceId: ids.pg, matchMethod: "name" });
    expect(at(21)).toMatchObject({ resourceId: ids.ip, matchMethod: "name" });
  });

  it("prefers DO's own id, and never second-guesses it by name", async () => {
    const { at } = await ingestSample();
    expect(at(18)).toMatchObject({ resourceId: ids.lb, matchMethod: "id" });
    expect(at(4)).toEqual({ resourceId: null, matchMethod: "none", lineType: "resource" });
  });

  it("classifies GST as tax and leaves it and resource-less lines unmatched without calling them resources", async () => {
    const { at, lines } = await ingestSample();
    expect(at(34)).toEqual({ resourceId: null, matchMethod: "none", lineType: "tax" });
    expect(at(15)).toEqual({ resourceId: null, matchMethod: "none", lineType: "other" });
    expect(lines.filter((l) => l.lineType === "tax")).toHaveLength(1);
  });

  it("matches a Spaces line that names a bucket to that bucket; DO's per-account Spaces lines stay unmatched", async () => {
    const header = sample.split("\n")[0];
    const spaces = `${header}\nSpaces Subscription,,tenant-acme--media (nyc3),720,${WINDOW},$5.00,default,iaas\nSpaces Subscription,,Spaces (250 GiB),720,${WINDOW},$5.00,default,iaas\n`;
    const invoice = await createInvoice(t.db, { amountCents: 1000 });
    await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv: spaces, pairer: createItemPairer() });
    const lines = await t.db.select().from(cloudCostLines).where(eq(cloudCostLines.invoiceId, invoice.id)).orderBy(asc(cloudCostLines.lineNo));
    expect(lines.map((l) => [l.kind, l.lineType, l.resourceId, l.matchMethod])).toEqual([
      ["spaces_bucket", "resource", ids.bucket, "name"],
      [null, "other", null, "none"],
    ]);
  });

  it("records the match counts on the invoice, and re-matching is idempotent", async () => {
    const { invoice, lines } = await ingestSample();
    const matched = lines.filter((l) => l.lineType === "resource" && l.resourceId !== null);
    const [header] = await t.db.query.cloudInvoices.findMany({ where: (i, { eq }) => eq(i.id, invoice.id) });
    expect(header).toMatchObject({
      lineCount: 34,
      linesTotalCents: 8692 + 600,
      resourceLineCount: lines.filter((l) => l.lineType === "resource").length,
      matchedByIdCount: 1,
      matchedByNameCount: matched.length - 1,
    });
    await matchCostLines(t.db, invoice.id);
    const again = await t.db.select().from(cloudCostLines).where(eq(cloudCostLines.invoiceId, invoice.id)).orderBy(asc(cloudCostLines.lineNo));
    expect(again.map((l) => [l.resourceId, l.matchMethod])).toEqual(lines.map((l) => [l.resourceId, l.matchMethod]));
  });
});
