import { beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "@/test/billing-factories";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createResource } from "@/test/factories";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();

async function call(path: string, token: string | undefined = adminToken()) {
  const res = await GET(apiRequest(path, { token }));
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Five months: Acme's droplet at 100.00, 100.00, 120.00, 110.00 then 400.00 in May (project arcadia), an untagged
 * volume at 20.00 a month (project default), and a 13.00 tax in May.
 */
beforeAll(async () => {
  const db = getDb().db;
  await createTenant(db, { id: "acme", name: "Acme Pty Ltd" });
  const web = await createResource(db, { kind: "droplet", name: "web-a", tags: ["tenant:acme"] });
  const vol = await createResource(db, { kind: "volume", name: "vol-b" });
  const droplet = [10_000, 10_000, 12_000, 11_000, 40_000];
  for (let m = 0; m < 5; m++) {
    const invoice = await createInvoice(db, { period: `2026-0${m + 1}-01` });
    await createCostLine(db, invoice, { kind: "droplet", projectName: "arcadia", resourceId: web.id, amountCents: droplet[m]! });
    await createCostLine(db, invoice, { product: "Volumes", kind: "volume", projectName: "default", resourceId: vol.id, amountCents: 2_000 });
    if (m === 4) await createCostLine(db, invoice, { product: "Taxes", lineType: "tax", amountCents: 1_300 });
  }
});

describe("GET /api/v1/billing/costs", () => {
  it("groups by kind per month, with money as strings, share, change and the anomaly flag", async () => {
    const r = await call("/api/v1/billing/costs?from=2026-04&to=2026-05&group_by=kind");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: [
        { group: "droplet", group_label: "Droplets", month: "2026-04", amount: "110.00", currency: "USD", share_pct: 84.62, previous_amount: "120.00", change_pct: -8.33, baseline: "100.00", anomaly: false },
        { group: "volume", group_label: "Volumes", month: "2026-04", amount: "20.00", currency: "USD", share_pct: 15.38, previous_amount: "20.00", change_pct: 0, baseline: "20.00", anomaly: false },
        // 400.00 against the median 110.00 of Feb–Apr: +263.64 %, US$290 more.
        { group: "droplet", group_label: "Droplets", month: "2026-05", amount: "400.00", currency: "USD", share_pct: 92.38, previous_amount: "110.00", change_pct: 263.64, baseline: "110.00", anomaly: true },
        { group: "volume", group_label: "Volumes", month: "2026-05", amount: "20.00", currency: "USD", share_pct: 4.62, previous_amount: "20.00", change_pct: 0, baseline: "20.00", anomaly: false },
        { group: "tax", group_label: "Tax", month: "2026-05", amount: "13.00", currency: "USD", share_pct: 3, previous_amount: "0.00", change_pct: null, baseline: "0.00", anomaly: false },
      ],
    });
  });

  it("groups by two dimensions, naming tenants, and adds group2 only then", async () => {
    const r = await call("/api/v1/billing/costs?from=2026-05&to=2026-05&group_by=tenant&group_by2=project");
    expect(r.status).toBe(200);
    expect(r.body.data.map((i: any) => [i.group, i.group_label, i.group2, i.group2_label, i.amount, i.anomaly])).toEqual([
      ["acme", "Acme Pty Ltd", "arcadia", "arcadia", "400.00", true],
      [null, "Shared (no tenant)", "default", "default", "20.00", false],
      [null, "Shared (no tenant)", null, "No project", "13.00", false],
    ]);
    const one = await call("/api/v1/billing/costs?from=2026-05&to=2026-05&group_by=project");
    expect(Object.keys(one.body.data[0])).not.toContain("group2");
  });

  it("without a range, covers the twelve months up to the latest with cost lines (from the first), by kind", async () => {
    const r = await call("/api/v1/billing/costs");
    expect(r.status).toBe(200);
    const months = [...new Set(r.body.data.map((i: any) => i.month))];
    expect(months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(new Set(r.body.data.map((i: any) => i.group))).toEqual(new Set(["droplet", "volume", "tax"]));
    // Only `from`: up to the latest month; only `to`: the twelve months up to it.
    expect((await call("/api/v1/billing/costs?from=2026-05")).body.data).toHaveLength(3);
    expect((await call("/api/v1/billing/costs?to=2026-01")).body.data).toHaveLength(2);
  });

  it("answers an empty list for months without lines", async () => {
    expect((await call("/api/v1/billing/costs?from=2025-01&to=2025-03")).body).toEqual({ data: [] });
  });

  it("refuses a bad dimension, month or range with 400 naming the parameter", async () => {
    for (const [q, path] of [
      ["group_by=spaceship", "group_by"],
      ["group_by=kind&group_by2=colour", "group_by2"],
      ["group_by=project&group_by2=project", "group_by2"],
      ["from=2026-13", "from"],
      ["from=April", "from"],
      ["to=2026-02-30", "to"],
      ["from=2026-05&to=2026-04", "from"],
      ["from=2023-01&to=2026-01", "from"],
    ]) {
      const r = await call(`/api/v1/billing/costs?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe("invalid_request");
      expect(r.body.error.details.map((d: any) => String(d.path)), q).toContain(path);
    }
  });

  it("is for platform admins: a tenant's token is refused with 403, no token with 401", async () => {
    const tenant = await call("/api/v1/billing/costs?group_by=tenant", tenantToken());
    expect(tenant.status).toBe(403);
    expect(tenant.body.error.code).toBe("forbidden");
    expect((await GET(apiRequest("/api/v1/billing/costs"))).status).toBe(401);
  });
});
