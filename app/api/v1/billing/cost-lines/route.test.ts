import { readFileSync } from "node:fs";
import { describe, expect, it, beforeAll } from "vitest";
import { replaceInvoiceLines } from "@/lib/costs/replace-invoice-lines";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createInvoice } from "@/test/cost-factories";
import { createResource } from "@/test/factories";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();
const sample = readFileSync("/work/shared/do-api/samples/invoice-2026-04.csv", "utf8");
let invoiceUuid: string;
let webId: string;

async function call(path: string, token: string | undefined = adminToken()) {
  const res = await GET(apiRequest(path, { token }));
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  const db = getDb().db;
  webId = (await createResource(db, { kind: "droplet", name: "arcadia-web-01" })).id;
  const april = await createInvoice(db, { period: "2026-04-01", amountCents: 8692 });
  invoiceUuid = april.invoiceUuid;
  await replaceInvoiceLines(db, { invoiceId: april.id, csv: sample });
  const march = await createInvoice(db, { period: "2026-03-01", amountCents: 1200 });
  await replaceInvoiceLines(db, { invoiceId: march.id, csv: sample.split("\n").slice(0, 2).join("\n") });
});

describe("GET /api/v1/billing/cost-lines", () => {
  it("lists a period's lines in file order with the contract's fields", async () => {
    const r = await call("/api/v1/billing/cost-lines?period=2026-04-01&limit=500");
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(33);
    expect(r.body.next_cursor).toBeNull();
    expect(r.body.data[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      invoice_uuid: invoiceUuid,
      period: "2026-04-01",
      line_no: 1,
      product: "Droplets",
      group_description: null,
      description: "arcadia-web-01 (s-1vcpu-2gb)",
      hours: "720",
      start: "2026-04-01T00:00:00.000Z",
      end: "2026-04-30T23:59:59.000Z",
      amount: "12.00",
      currency: "USD",
      project_name: "arcadia",
      category: "iaas",
      line_type: "resource",
      kind: "droplet",
      name: "arcadia-web-01",
      resource_id: webId,
      match_method: "name",
    });
    const gst = r.body.data.at(-1);
    expect(gst).toMatchObject({ line_type: "tax", kind: null, resource_id: null, amount: "1.02", match_method: "none" });
    const total = r.body.data.reduce((sum: number, l: any) => sum + Math.round(Number(l.amount) * 100), 0);
    expect(total).toBe(8692);
  });

  it("accepts YYYY-MM, and filters by kind, line type and match state", async () => {
    const droplets = await call("/api/v1/billing/cost-lines?period=2026-04&kind=droplet");
    expect(droplets.body.data.map((l: any) => l.kind)).toEqual(Array(10).fill("droplet"));
    const tax = await call("/api/v1/billing/cost-lines?period=2026-04-01&line_type=tax");
    expect(tax.body.data.map((l: any) => l.description)).toEqual(["Australian GST"]);
    const matched = await call("/api/v1/billing/cost-lines?period=2026-04-01&matched=true");
    expect(matched.body.data.map((l: any) => l.line_no)).toEqual([1, 7]);
    const byResource = await call(`/api/v1/billing/cost-lines?resource_id=${webId}`);
    expect(byResource.body.data).toHaveLength(3);
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: any } = await call(`/api/v1/billing/cost-lines?period=2026-04-01&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...r.body.data.map((l: any) => l.line_no));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  });

  it("without a period, lists every period's lines", async () => {
    const r = await call("/api/v1/billing/cost-lines?limit=500");
    expect(r.body.data).toHaveLength(34);
  });

  it("refuses a bad period, limit or cursor with 400, and a tenant with 403", async () => {
    for (const q of ["period=2026-13-01", "period=April", "limit=0", "limit=501", "kind=spaceship", "cursor=nonsense"]) {
      const r = await call(`/api/v1/billing/cost-lines?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
    }
    expect((await call("/api/v1/billing/cost-lines", tenantToken())).status).toBe(403);
  });
});
