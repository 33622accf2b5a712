import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { replaceInvoiceLines } from "@/lib/costs/replace-invoice-lines";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createInvoice } from "@/test/cost-factories";
import { createResource } from "@/test/factories";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();
const sample = readFileSync("/work/shared/do-api/samples/invoice-2026-04.csv", "utf8");

async function call(path: string, token: string | undefined = adminToken()) {
  const res = await GET(apiRequest(path, { token }));
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /api/v1/billing/invoices", () => {
  it("lists headers newest first with ingest state, reconciliation and match rate", async () => {
    const db = getDb().db;
    await createResource(db, { kind: "droplet", name: "arcadia-web-01" });
    const april = await createInvoice(db, { period: "2026-04-01", amountCents: 8692, invoiceId: "9265327" });
    await replaceInvoiceLines(db, { invoiceId: april.id, csv: sample });
    // DO says 90.00 but the lines come to 86.92: the difference must show.
    const march = await createInvoice(db, { period: "2026-03-01", amountCents: 9000 });
    await replaceInvoiceLines(db, { invoiceId: march.id, csv: sample });
    const february = await createInvoice(db, { period: "2026-02-01", amountCents: 5000 });

    const r = await call("/api/v1/billing/invoices");
    expect(r.status).toBe(200);
    expect(r.body.data.map((i: any) => i.period)).toEqual(["2026-04-01", "2026-03-01", "2026-02-01"]);
    expect(r.body.data[0]).toEqual({
      invoice_uuid: april.invoiceUuid,
      invoice_id: "9265327",
      period: "2026-04-01",
      amount: "86.92",
      currency: "USD",
      issued_at: null,
      status: "ingested",
      error: null,
      line_count: 33,
      lines_total: "86.92",
      difference: "0.00",
      reconciled: true,
      // 2 of the 25 resource lines name arcadia-web-01 (the droplet and its backup).
      match_rate: 0.08,
      resource_line_count: 25,
      matched_by_id: 0,
      matched_by_name: 2,
      ingested_at: expect.any(String),
    });
    expect(r.body.data[1]).toMatchObject({ amount: "90.00", lines_total: "86.92", difference: "-3.08", reconciled: false });
    expect(r.body.data[2]).toMatchObject({
      invoice_uuid: february.invoiceUuid,
      status: "discovered",
      line_count: 0,
      lines_total: "0.00",
      difference: null,
      reconciled: null,
      match_rate: null,
    });
  });

  it("filters by status and pages with a cursor", async () => {
    const discovered = await call("/api/v1/billing/invoices?status=discovered");
    expect(discovered.body.data.map((i: any) => i.period)).toEqual(["2026-02-01"]);
    const first = await call("/api/v1/billing/invoices?limit=2");
    expect(first.body.data).toHaveLength(2);
    const second = await call(`/api/v1/billing/invoices?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.data.map((i: any) => i.period)).toEqual(["2026-02-01"]);
    expect(second.body.next_cursor).toBeNull();
  });

  it("is for platform admins only", async () => {
    expect((await call("/api/v1/billing/invoices", tenantToken())).status).toBe(403);
    expect((await call("/api/v1/billing/invoices", "")).status).toBe(401);
  });
});
