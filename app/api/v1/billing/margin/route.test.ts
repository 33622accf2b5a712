import { beforeAll, describe, expect, it } from "vitest";
import { usageRecords } from "@/db/schema";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createFxRate, createInvoiceWithLines, createSnapshot, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { adminToken } from "@/test/jwt";
import { GET } from "./route";

// Hand-computed figures. USD→AUD 1.5 from 1 April (none for March). Plan: AUD 50.00/month, 744 droplet hours included,
// 2¢ an hour beyond. acme holds it all month and used 800 hours: 50.00 + 56 × 0.02 = 51.12. globex from 16 April:
// 15/30 × 50.00 = 25.00. April COGS (USD): acme 10.00 droplet + 2.00 volume → AUD 18.00; globex 3.00 → 4.50; shared:
// a droplet tagged for a tenant we do not know (1.00) and an untagged one (4.00) → 7.50, an unmatched line 0.50 → 0.75,
// a credit −0.20 → −0.30: 7.95. Tax (0.99) is excluded. Month: revenue 76.12, COGS 30.45, margin 45.67, 60.00 %.
// March: acme's 50.00 is in AUD already, so it shows; its USD 5.00 of COGS has no rate, so COGS and margin do not.

const getDb = setupAppTestDb();
let planCode: string;

async function margin(query: string) {
  const res = await GET(apiRequest(`/api/v1/billing/margin?${query}`, { token: adminToken() }));
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  const db = getDb().db;
  const plan = await createCatalogPlan(db, { basePriceCents: 5000 });
  planCode = plan.code;
  await createTenant(db, { id: "acme" });
  await createTenant(db, { id: "globex" });
  await createSubscription(db, { tenantId: "acme", planVersionId: plan.firstVersionId });
  await createSubscription(db, { tenantId: "globex", planVersionId: plan.firstVersionId, startedAt: new Date("2026-04-16T08:00:00Z") });
  await db.insert(usageRecords).values({ clientKey: "u1", tenantId: "acme", resourceKind: "droplet_hours", period: "2026-04-01", quantity: "800", source: "meter" });
  const acme = await createResource(db, { tags: ["env:prod", "tenant:acme"] });
  const globex = await createResource(db, { tags: ["tenant:globex"] });
  const stranger = await createResource(db, { tags: ["tenant:stranger"] });
  const internal = await createResource(db, { tags: ["arcadia"] });
  await createFxRate(db, { rate: "1.5", effectiveFrom: "2026-04-01" });
  await createInvoiceWithLines(db, "2026-03-01", [{ cents: 500, resourceId: acme.id }]);
  await createInvoiceWithLines(db, "2026-04-01", [
    { cents: 1000, resourceId: acme.id },
    { cents: 200, resourceId: acme.id, kind: "volume" },
    { cents: 300, resourceId: globex.id },
    { cents: 100, resourceId: stranger.id },
    { cents: 400, resourceId: internal.id },
    { cents: 50, lineType: "other" },
    { cents: 99, lineType: "tax" },
    { cents: -20, lineType: "credit" },
  ]);
  // No May invoice yet: the latest snapshot DO generated in May is the estimate (20.00 USD → 30.00 AUD).
  await createSnapshot(db, { usageCents: 1500, generatedAt: new Date("2026-05-10T00:00:00Z") });
  await createSnapshot(db, { usageCents: 2000, generatedAt: new Date("2026-05-20T00:00:00Z") });
});

const sum = (items: any[], field: string) => items.reduce((a, i) => a + Math.round(Number(i[field]) * 100), 0);

describe("GET /api/v1/billing/margin", () => {
  it("by month: exact figures, the estimate month marked, a month without a rate says so and keeps its AUD revenue", async () => {
    const r = await margin("from=2026-03&to=2026-05&group_by=month");
    expect(r.status).toBe(200);
    expect(r.body.next_cursor).toBeNull();
    const [march, april, may] = r.body.data;
    expect(march).toMatchObject({ month: "2026-03", revenue: "50.00", cogs: null, margin: null, margin_pct: null, currency: "AUD", fx_missing: true, missing_fx_pairs: ["USD/AUD"], fx_rates: [] });
    expect(april).toMatchObject({ month: "2026-04", revenue: "76.12", cogs: "30.45", margin: "45.67", margin_pct: 60, currency: "AUD", is_estimate: false, fx_missing: false, shared_cogs: "7.95" });
    expect(april.cogs_by_kind).toEqual({ credit: "-0.30", droplet: "27.00", other: "0.75", volume: "3.00" });
    expect(april.fx_rates).toEqual([{ pair: "USD/AUD", rate: "1.50000000", effective_from: "2026-04-01", source: "manual" }]);
    // May: acme 50.00 + globex 50.00 against the 30.00 estimate.
    expect(may).toMatchObject({ month: "2026-05", revenue: "100.00", cogs: "30.00", margin: "70.00", margin_pct: 70, is_estimate: true, cogs_by_kind: { estimate: "30.00" } });
  });

  it("by tenant: attributed COGS per tenant, the rest in a shared row; the parts add up to the month", async () => {
    const [month] = (await margin("from=2026-04&to=2026-04")).body.data;
    const r = await margin("from=2026-04&to=2026-04&group_by=tenant");
    expect(r.body.data.map((i: any) => [i.tenant_id, i.plan_code, i.revenue, i.cogs, i.margin])).toEqual([
      ["acme", planCode, "51.12", "18.00", "33.12"],
      ["globex", planCode, "25.00", "4.50", "20.50"],
      [null, null, "0.00", "7.95", "-7.95"],
    ]);
    expect(r.body.data[0].usage).toContainEqual({ resource_kind: "droplet_hours", used: 800, included: 744 });
    expect(sum(r.body.data, "revenue")).toBe(sum([month], "revenue"));
    expect(sum(r.body.data, "cogs")).toBe(sum([month], "cogs"));
    expect(sum(r.body.data, "margin")).toBe(sum([month], "margin"));
  });

  it("allocating shared cost pro rata to revenue leaves no shared row and still adds up", async () => {
    const r = await margin("from=2026-04&to=2026-04&group_by=tenant&allocate_shared=true");
    // 7.95 × 51.12/76.12 = 5.339 and × 25.00/76.12 = 2.611: 5.33 + 2.61, the spare cent to the larger remainder.
    expect(r.body.data.map((i: any) => [i.tenant_id, i.cogs, i.shared_cogs])).toEqual([
      ["acme", "23.34", "5.34"],
      ["globex", "7.11", "2.61"],
    ]);
    expect(sum(r.body.data, "cogs")).toBe(3045);
  });

  it("by plan: subscribers, revenue and the tenants' COGS; shared cost apart", async () => {
    const r = await margin("from=2026-04&to=2026-04&group_by=plan");
    expect(r.body.data.map((i: any) => [i.plan_code, i.subscribers, i.revenue, i.cogs])).toEqual([
      [planCode, 2, "76.12", "22.50"],
      [null, 0, "0.00", "7.95"],
    ]);
    expect(sum(r.body.data, "cogs")).toBe(3045);
  });

  it("a range holding a month without a rate answers null COGS and margin for every tenant, naming the pair; AUD revenue stays", async () => {
    const r = await margin("from=2026-03&to=2026-04&group_by=tenant");
    // acme: 50.00 in March + 51.12 in April; globex 25.00 (April only).
    expect(r.body.data.map((i: any) => [i.tenant_id, i.revenue, i.cogs, i.margin, i.margin_pct, i.currency])).toEqual([
      ["acme", "101.12", null, null, null, "AUD"],
      ["globex", "25.00", null, null, null, "AUD"],
      [null, "0.00", null, null, null, "AUD"],
    ]);
    for (const item of r.body.data) expect(item).toMatchObject({ fx_missing: true, missing_fx_pairs: ["USD/AUD"], shared_cogs: null, cogs_by_kind: null });
  });

  it("refuses a backwards or over-long range", async () => {
    expect((await margin("from=2026-05&to=2026-04")).status).toBe(400);
    expect((await margin("from=2020-01&to=2026-04")).status).toBe(400);
    expect((await margin("group_by=year")).status).toBe(400);
  });
});
