import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDoClient } from "@/lib/digitalocean/client";
import { toInvoiceItem } from "./create-billing";
import { type FakeDo, startFakeDo } from "./index";
import { invoiceCsvHeader } from "./render-invoice-csv";

const NOW = new Date("2026-05-15T12:00:00Z");
let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 11, now: NOW });
});
afterAll(() => fake.close());

type CsvRow = Record<"product" | "group_description" | "description" | "hours" | "start" | "end" | "USD", string>;

function parseCsv(csv: string): CsvRow[] {
  const parsed = Papa.parse<CsvRow>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** "$1,234.56" / "-$10.00" → integer cents, without floats. */
function dollarsToCents(usd: string): number {
  const match = /^(-?)\$([\d,]+)\.(\d{2})$/.exec(usd);
  if (!match) throw new Error(`not a CSV amount: ${usd}`);
  const cents = Number((match[2] ?? "").replace(/,/g, "")) * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

const amountToCents = (amount: string) => Math.round(Number(amount) * 100);

describe("fake DO billing", () => {
  it("serves CSV lines that add up to the invoice amount, for every month and the preview", () => {
    const { invoices, preview } = fake.billing.listInvoices();
    expect(invoices).toHaveLength(30);
    expect(invoices[0]?.period.key).toBe("2026-04");
    expect(invoices.at(-1)?.period.key).toBe("2023-11");
    expect(preview.period.key).toBe("2026-05");

    for (const invoice of [...invoices, preview]) {
      const rows = parseCsv(fake.billing.getCsv(invoice));
      const total = rows.reduce((sum, row) => sum + dollarsToCents(row.USD), 0);
      expect(total, invoice.period.key).toBe(invoice.amountCents);
    }
  });

  it("agrees across the CSV, the invoice items, the summary and the invoices list, over HTTP", async () => {
    const client = createDoClient({ token: "t", baseUrl: fake.url });
    const [latest] = (await client.listInvoices().next()).value ?? [];
    if (!latest) throw new Error("no invoices");
    const cents = amountToCents(latest.amount);

    const csvRows = parseCsv(await client.getInvoiceCsv(latest.invoice_uuid));
    expect(csvRows.reduce((sum, row) => sum + dollarsToCents(row.USD), 0)).toBe(cents);

    let itemsTotal = 0;
    let itemCount = 0;
    for await (const page of client.listInvoiceItems(latest.invoice_uuid)) {
      for (const item of page) itemsTotal += amountToCents(item.amount);
      itemCount += page.length;
    }
    expect(itemsTotal).toBe(cents);
    expect(itemCount).toBe(csvRows.length);

    const summary = await client.getInvoiceSummary(latest.invoice_uuid);
    const parts = [summary.product_charges, summary.overages, summary.taxes, summary.credits_and_adjustments];
    expect(parts.reduce((sum, part) => sum + amountToCents(part.amount), 0)).toBe(cents);
    expect(summary.billing_period).toBe(latest.invoice_period);
  });

  it("writes the CSV in DO's format", () => {
    const [invoice] = fake.billing.listInvoices().invoices;
    if (!invoice) throw new Error("no invoices");
    const csv = fake.billing.getCsv(invoice);
    expect(csv.split("\n")[0]).toBe(invoiceCsvHeader);
    expect(csv.endsWith("\n")).toBe(true);

    const rows = parseCsv(csv);
    for (const row of rows) {
      expect(row.start).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
      expect(row.end).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
      expect(row.USD).toMatch(/^-?\$\d{1,3}(,\d{3})*\.\d{2}$/);
      expect(row.hours).toMatch(/^(\d+)?$/);
    }
    expect(rows.find((r) => r.product === "Taxes")).toMatchObject({ description: "Australian GST", hours: "" });
    // The analytics box ran through January only (four months before NOW): its line is over $1,000, quoted.
    const january = fake.billing.listInvoices().invoices.find((i) => i.period.key === "2026-01");
    if (!january) throw new Error("no January invoice");
    const januaryCsv = fake.billing.getCsv(january);
    const analytics = parseCsv(januaryCsv).find((r) => r.description === "arcadia-analytics-01 (m-16vcpu-128gb)");
    expect(analytics?.USD).toBe("$1,008.00");
    expect(januaryCsv).toContain('"$1,008.00"');
    expect(rows.some((r) => r.description.startsWith("arcadia-analytics-01"))).toBe(false);
    const fullMonth = rows.find((r) => r.product === "Spaces Subscription");
    expect(fullMonth).toMatchObject({ start: "2026-04-01 00:00:00 +0000", end: "2026-04-30 23:59:59 +0000" });
  });

  it("bills resources the account lists, plus deleted droplets in the months they lived", () => {
    const { account } = fake;
    const live = new Set(account.droplets.map((d) => `${d.name} (${d.size_slug})`));
    const deleted = new Set(
      account.deleted.flatMap((d) => (d.kind === "droplets" ? [`${d.resource.name} (${d.resource.size_slug})`] : [])),
    );
    const [latest] = fake.billing.listInvoices().invoices;
    if (!latest) throw new Error("no invoices");
    const lines = fake.billing.getLines(latest);

    const resourceLines = lines.filter((l) => l.resourceId || l.resourceUuid);
    expect(resourceLines.length / lines.length).toBeGreaterThan(0.7);
    const dropletLines = lines.filter((l) => l.product === "Droplets");
    expect(dropletLines.every((l) => live.has(l.description) || deleted.has(l.description))).toBe(true);
    expect(dropletLines.filter((l) => live.has(l.description)).length).toBeGreaterThan(dropletLines.length * 0.8);

    const liveIds = new Set(account.droplets.map((d) => String(d.id)));
    const historic = fake.billing
      .listInvoices()
      .invoices.flatMap((invoice) => fake.billing.getLines(invoice))
      .filter((l) => l.product === "Droplets" && !liveIds.has(l.resourceId ?? ""));
    expect(new Set(historic.map((l) => l.description)).size).toBeGreaterThanOrEqual(3);
    expect(historic.some((l) => l.description.startsWith("old-staging ("))).toBe(true);
  });

  it("lists an Invoice and a Payment per issued month in billing history", () => {
    const history = fake.billing.listBillingHistory();
    const invoices = fake.billing.listInvoices().invoices;
    const invoiceEntries = history.filter((h) => h.type === "Invoice");
    expect(invoiceEntries.map((h) => h.invoice_uuid)).toEqual(invoices.map((i) => i.uuid).reverse());
    expect(invoiceEntries.at(-1)).toMatchObject({ description: "Invoice for April 2026", date: "2026-05-01T08:44:38Z" });
    expect(history.filter((h) => h.type === "Payment").every((h) => h.amount?.startsWith("-"))).toBe(true);
  });

  it("keeps invoices consistent after the account changes", () => {
    const before = fake.billing.listInvoices().preview.amountCents;
    fake.addDroplet({ name: "tenant-acme-vm-50", createdAt: "2026-05-02T00:00:00Z", sizeSlug: "s-4vcpu-8gb" });
    const { preview } = fake.billing.listInvoices();
    expect(preview.amountCents).toBeGreaterThan(before);
    const items = fake.billing.getLines(preview).map(toInvoiceItem);
    expect(items.reduce((sum, item) => sum + amountToCents(item.amount ?? "0"), 0)).toBe(preview.amountCents);
    expect(items.find((i) => i.description === "tenant-acme-vm-50 (s-4vcpu-8gb)")).toMatchObject({ duration: "324" });
  });
});
