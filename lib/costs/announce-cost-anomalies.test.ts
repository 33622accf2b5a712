import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { addMonths } from "@/lib/billing/month";
import { createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { announceCostAnomalies } from "./announce-cost-anomalies";
import { createItemPairer } from "./pair-invoice-items";
import { replaceInvoiceLines } from "./replace-invoice-lines";

// cost.anomaly is announced by the invoice ingest that makes a month anomalous, once per group and month.

const header = "product,group_description,description,hours,start,end,USD,project_name,category";
const csvOf = (month: string, amount: string, project: string) =>
  [header, `Volumes,,data-${project} (100 GiB),720,${month}-01 00:00:00 +0000,${month}-28 23:59:59 +0000,$${amount},${project},iaas`, ""].join("\n");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

const anomalies = async () =>
  (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "cost.anomaly"))).map((e) => e.data).sort((a, b) => String(a.dimension).localeCompare(String(b.dimension)));

async function ingest(month: string, amount: string, project: string) {
  const invoice = await createInvoice(t.db, { period: `${month}-01`, amountCents: Math.round(Number(amount) * 100) });
  // The clock a month after the invoice's: each month is announced as it arrives.
  const now = new Date(`${addMonths(`${month}-01`, 1)}T08:00:00Z`);
  await replaceInvoiceLines(t.db, { invoiceId: invoice.id, csv: csvOf(month, amount, project), pairer: createItemPairer(), now });
  return invoice;
}

describe("cost.anomaly", () => {
  it("is announced by the ingest that makes a month anomalous, for its kind and project, and never again for that month", async () => {
    for (const month of ["2026-01", "2026-02", "2026-03"]) await ingest(month, "10.00", "acme");
    expect(await anomalies()).toEqual([]);

    const april = await ingest("2026-04", "600.00", "acme");
    const expected = { month: "2026-04", currency: "USD", amount_cents: 60_000, baseline_cents: 1_000, increase_cents: 59_000, increase_pct: 5900 };
    expect(await anomalies()).toEqual([
      { dimension: "kind", group: "volume", group_label: "Volumes", ...expected },
      { dimension: "project", group: "acme", group_label: "acme", ...expected },
    ]);

    // Re-ingesting the month (a corrected CSV) announces nothing new, though the figures moved.
    await replaceInvoiceLines(t.db, { invoiceId: april.id, csv: csvOf("2026-04", "700.00", "acme"), pairer: createItemPairer(), now: new Date("2026-05-02T08:00:00Z") });
    const again = await anomalies();
    expect(again).toHaveLength(2);
    expect(again.map((e) => e.amount_cents)).toEqual([60_000, 60_000]);
  });

  it("is written in the transaction of the change: rolled back, nothing is announced, and the next run announces it", async () => {
    for (const month of ["2025-01", "2025-02", "2025-03"]) await ingest(month, "10.00", "globex");
    await ingest("2025-04", "10.00", "globex");
    const before = (await anomalies()).length;
    const cfg = { tagPrefix: "tenant:", thresholds: { minPct: 50, minCents: 10_000 } };
    // The month's lines as a spike, inside a transaction that fails after announcing.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(`update cloud_cost_lines set amount_cents = 90000 where period = '2025-04-01'`);
        expect(await announceCostAnomalies(tx, "2025-04-01", cfg)).toHaveLength(2);
        throw new Error("the ingest failed");
      }),
    ).rejects.toThrow("the ingest failed");
    expect(await anomalies()).toHaveLength(before);

    await t.db.execute(`update cloud_cost_lines set amount_cents = 90000 where period = '2025-04-01'`);
    expect(await announceCostAnomalies(t.db, "2025-04-01", cfg)).toHaveLength(2);
    expect(await announceCostAnomalies(t.db, "2025-04-01", cfg)).toEqual([]);
    expect(await anomalies()).toHaveLength(before + 2);
  });
});
