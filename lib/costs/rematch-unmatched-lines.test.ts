import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { createItemPairer } from "./pair-invoice-items";
import { rematchUnmatchedLines } from "./match-cost-lines";
import { replaceInvoiceLines } from "./replace-invoice-lines";

const WINDOW = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";
const header = "product,group_description,description,hours,start,end,USD,project_name,category";
const csv = [
  header,
  `Droplets,,early-web (s-1vcpu-1gb),720,${WINDOW},$6.00,default,iaas`,
  `Volumes,,early-data (100 GiB),720,${WINDOW},$10.00,default,iaas`,
  `Droplets,,never-seen (s-1vcpu-1gb),720,${WINDOW},$6.00,default,iaas`,
  "",
].join("\n");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const linesOf = (invoiceId: string) =>
  t.db.select().from(cloudCostLines).where(eq(cloudCostLines.invoiceId, invoiceId)).orderBy(asc(cloudCostLines.lineNo));

describe("rematchUnmatchedLines", () => {
  it("points lines ingested before the inventory knew their resources at them, and recounts the invoice's matches", async () => {
    const invoice = await createInvoice(t.db, { amountCents: 2200 });
    await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv, pairer: createItemPairer() });
    expect((await linesOf(invoice.id)).map((l) => l.matchMethod)).toEqual(["none", "none", "none"]);

    // The first sync comes after the ingest.
    const web = await createResource(t.db, { kind: "droplet", name: "early-web" });
    const data = await createResource(t.db, { kind: "volume", name: "early-data" });
    expect(await rematchUnmatchedLines(t.db)).toEqual({ matched: 2, invoices: 1 });

    expect((await linesOf(invoice.id)).map((l) => [l.resourceId, l.matchMethod])).toEqual([
      [web.id, "name"],
      [data.id, "name"],
      [null, "none"],
    ]);
    const [after] = await t.db.select().from(cloudInvoices).where(eq(cloudInvoices.id, invoice.id));
    expect(after).toMatchObject({ resourceLineCount: 3, matchedByIdCount: 0, matchedByNameCount: 2 });
    // Nothing left to match: a second pass changes nothing.
    expect(await rematchUnmatchedLines(t.db)).toEqual({ matched: 0, invoices: 0 });
  });

  it("never moves a line that is already matched", async () => {
    const invoice = await createInvoice(t.db, { amountCents: 600 });
    const first = await createResource(t.db, { kind: "droplet", name: "keeper" });
    await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv: `${header}\nDroplets,,keeper (s-1vcpu-1gb),720,${WINDOW},$6.00,default,iaas\n`, pairer: createItemPairer() });
    await createResource(t.db, { kind: "droplet", name: "KEEPER" });
    await rematchUnmatchedLines(t.db);
    expect((await linesOf(invoice.id)).map((l) => l.resourceId)).toEqual([first.id]);
  });
});
