import { beforeAll, describe, expect, it } from "vitest";
import { cloudResourceEvents, subscriptionStatusChanges, usageRecords } from "@/db/schema";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createFxRate, createInvoiceWithLines, createSnapshot, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { adminToken } from "@/test/jwt";
import { GET } from "./route";

// Hand-computed figures. USD→AUD 1.5 from 1 April (none for March). Plan: AUD 50.00/month, 744 droplet hours included,
// 2¢ an hour beyond. acme holds it all month and used 800 hours: 50.00 + 56 × 0.02 = 51.12. globex from 16 April:
// 15/30 × 50.00 = 25.00. April COGS (USD): acme 10.00 droplet + 2.00 volume → AUD 18.00; globex 3.00 → 4.50; a droplet
// tagged for a tenant arcadia-app never sent ("stranger", 1.00 → 1.50) is nobody's revenue: an unbilled row. Shared:
// an untagged droplet (4.00 → 6.00), an unmatched line 0.50 → 0.75, a credit −0.20 → −0.30: 6.45. Tax (0.99) is
// excluded. Month: revenue 76.12, COGS 30.45, margin 45.67, 60.00 %.
// March: acme's 50.00 is in AUD already, so it shows; its USD 5.00 of COGS has no rate, so COGS and margin do not.
// May has no invoice: as of its latest snapshot (20 May 00:00, 19 of 31 days, 20.00 USD → 30.00 AUD) each
// subscription has accrued 50.00 × 19/31 = 30.645 → 30.65. June has neither invoice nor snapshot: no COGS figure.

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
  // April had an estimate before its invoice came: 15.00 USD on the 25th (24 of 30 days).
  await createSnapshot(db, { usageCents: 1500, generatedAt: new Date("2026-04-25T00:00:00Z") });
  // No May invoice yet: the latest snapshot DO generated in May is the estimate (20.00 USD → 30.00 AUD).
  await createSnapshot(db, { usageCents: 1500, generatedAt: new Date("2026-05-10T00:00:00Z") });
  await createSnapshot(db, { usageCents: 2000, generatedAt: new Date("2026-05-20T00:00:00Z") });

  // July and August: a droplet retagged from acme to globex on 5 August counts for acme in July, globex in August.
  const moved = await createResource(db, { tags: ["tenant:globex"] });
  await db.insert(cloudResourceEvents).values({
    resourceId: moved.id,
    type: "updated",
    at: new Date("2026-08-05T10:00:00Z"),
    payload: { changes: { tags: { old: ["env:prod", "tenant:acme"], new: ["tenant:globex"] } } },
  });
  await createInvoiceWithLines(db, "2026-07-01", [{ cents: 40, resourceId: moved.id }]);
  await createInvoiceWithLines(db, "2026-08-01", [{ cents: 60, resourceId: moved.id }]);
  // initech's subscription was a trial until arcadia-app said it was active, on 16 July.
  await createTenant(db, { id: "initech" });
  const trial = await createSubscription(db, { tenantId: "initech", planVersionId: plan.firstVersionId, startedAt: new Date("2026-03-01T00:00:00Z") });
  await db.insert(subscriptionStatusChanges).values([
    { subscriptionId: trial.id, status: "trialing", effectiveAt: new Date("2026-03-01T00:00:00Z") },
    { subscriptionId: trial.id, status: "active", effectiveAt: new Date("2026-07-16T12:00:00Z") },
  ]);
});

const sum = (items: any[], field: string) => items.reduce((a, i) => a + Math.round(Number(i[field]) * 100), 0);

describe("GET /api/v1/billing/margin", () => {
  it("by month: exact figures and the leakage total; a month without a rate says so and keeps its AUD revenue", async () => {
    const r = await margin("from=2026-03&to=2026-05&group_by=month");
    expect(r.status).toBe(200);
    expect(r.body.next_cursor).toBeNull();
    const [march, april] = r.body.data;
    expect(march).toMatchObject({ month: "2026-03", revenue: "50.00", cogs: null, margin: null, margin_pct: null, currency: "AUD", fx_missing: true, missing_fx_pairs: ["USD/AUD"], fx_rates: [] });
    expect(april).toMatchObject({
      month: "2026-04",
      revenue: "76.12",
      cogs: "30.45",
      margin: "45.67",
      margin_pct: 60,
      currency: "AUD",
      estimate: false,
      is_estimate: false,
      fx_missing: false,
      shared_cogs: "6.45",
      unbilled_cogs: "1.50",
      unbilled_tenants: 1,
      estimate_basis: null,
      projection: null,
    });
    expect(april.cogs_by_kind).toEqual({ credit: "-0.30", droplet: "27.00", other: "0.75", volume: "3.00" });
    expect(april.fx_rates).toEqual([{ pair: "USD/AUD", rate: "1.50000000", effective_from: "2026-04-01", source: "manual" }]);
  });

  it("a month without an invoice compares revenue accrued to date with COGS to date, and projects both to the month's end", async () => {
    const [may] = (await margin("from=2026-05&to=2026-05")).body.data;
    // To date: 30.65 + 30.65 = 61.30 against 30.00: margin 31.30, 51.06 %. Month end: 100.00 against
    // 30.00 × 31/19 = 48.947 → 48.95: margin 51.05, 51.05 %.
    expect(may).toMatchObject({
      month: "2026-05",
      revenue: "61.30",
      cogs: "30.00",
      margin: "31.30",
      margin_pct: 51.06,
      estimate: true,
      cogs_by_kind: { estimate: "30.00" },
      cogs_missing_reason: null,
      unbilled_cogs: null,
      projection: { revenue: "100.00", cogs: "48.95", margin: "51.05", margin_pct: 51.05 },
      estimate_basis: {
        source: "snapshot",
        as_of: "2026-05-20T00:00:00.000Z",
        days_into_month: 19,
        days_in_month: 31,
        label: "estimate from the 00:00 snapshot of 20 May (UTC), 19 days into the month",
      },
    });
  });

  it("never shows a margin for a month with no COGS figure at all, and says why", async () => {
    const [june] = (await margin("from=2026-06&to=2026-06")).body.data;
    expect(june).toMatchObject({ revenue: "100.00", cogs: null, margin: null, margin_pct: null, cogs_missing_reason: "no_invoice_or_snapshot", estimate: false, fx_missing: false });
    const tenants = (await margin("from=2026-06&to=2026-06&group_by=tenant")).body.data;
    for (const t of tenants) expect(t).toMatchObject({ cogs: null, margin: null, cogs_missing_reason: "no_invoice_or_snapshot" });
  });

  it("before the invoice, tenants' COGS is unknown rather than zero; the shared row holds DO's month-to-date figure", async () => {
    const r = (await margin("from=2026-05&to=2026-05&group_by=tenant")).body.data;
    expect(r.map((i: any) => [i.tenant_id, i.revenue, i.cogs, i.margin, i.cogs_missing_reason, i.estimate])).toEqual([
      ["acme", "30.65", null, null, "not_attributable_before_invoice", true],
      ["globex", "30.65", null, null, "not_attributable_before_invoice", true],
      [null, "0.00", "30.00", "-30.00", null, true],
    ]);
    // Allocated on request: 30.00 pro rata to the revenue to date, 15.00 each.
    const allocated = (await margin("from=2026-05&to=2026-05&group_by=tenant&allocate_shared=true")).body.data;
    expect(allocated.map((i: any) => [i.tenant_id, i.cogs, i.margin])).toEqual([
      ["acme", "15.00", "15.65"],
      ["globex", "15.00", "15.65"],
    ]);
  });

  it("an invoiced month keeps what its last estimate said: projected 22.50 × 30/24 = 28.125 → 28.13 against 30.45", async () => {
    const [april] = (await margin("from=2026-04&to=2026-04")).body.data;
    // 28.13 − 30.45 = −2.32, −2.32 / 30.45 = −7.62 %.
    expect(april.reconciliation).toEqual({
      estimated_cogs: "28.13",
      invoice_cogs: "30.45",
      difference: "-2.32",
      difference_pct: -7.62,
      estimate_basis: {
        source: "snapshot",
        as_of: "2026-04-25T00:00:00.000Z",
        days_into_month: 24,
        days_in_month: 30,
        label: "estimate from the 00:00 snapshot of 25 Apr (UTC), 24 days into the month",
      },
    });
    const [march] = (await margin("from=2026-03&to=2026-03")).body.data;
    expect(march.reconciliation).toBeNull();
  });

  it("tags as they were in the month: a droplet retagged on 5 August is acme's in July and globex's in August", async () => {
    const tenants = async (month: string) =>
      Object.fromEntries((await margin(`from=${month}&to=${month}&group_by=tenant`)).body.data.map((i: any) => [i.tenant_id ?? "shared", i.cogs]));
    expect(await tenants("2026-07")).toMatchObject({ acme: "0.60", globex: "0.00" });
    expect(await tenants("2026-08")).toMatchObject({ acme: "0.00", globex: "0.90" });
  });

  it("subscription status as it was in the month: initech's trial earned nothing; from 16 July it is billed 16/31 × 50.00 = 25.81", async () => {
    const rows = async (month: string) => (await margin(`from=${month}&to=${month}&group_by=tenant`)).body.data.map((i: any) => [i.tenant_id, i.revenue]);
    expect(await rows("2026-06")).not.toContainEqual(["initech", expect.anything()]);
    expect(await rows("2026-07")).toContainEqual(["initech", "25.81"]);
  });

  it("by tenant: attributed COGS per tenant, the rest in a shared row; the parts add up to the month", async () => {
    const [month] = (await margin("from=2026-04&to=2026-04")).body.data;
    const r = await margin("from=2026-04&to=2026-04&group_by=tenant");
    expect(r.body.data.map((i: any) => [i.tenant_id, i.plan_code, i.revenue, i.cogs, i.margin, i.billed])).toEqual([
      ["acme", planCode, "51.12", "18.00", "33.12", true],
      ["globex", planCode, "25.00", "4.50", "20.50", true],
      ["stranger", null, "0.00", "1.50", "-1.50", false],
      [null, null, "0.00", "6.45", "-6.45", true],
    ]);
    // The unbilled tenant: never sent by arcadia-app, one resource, its COGS all leakage, since its resource appeared.
    expect(r.body.data[2]).toMatchObject({ tenant_name: null, unbilled_reason: "unknown_tenant", unbilled_cogs: "1.50", resources: 1 });
    expect(Date.parse(r.body.data[2].unbilled_since)).toBeGreaterThan(Date.now() - 600_000);
    expect(r.body.data[0]).toMatchObject({ unbilled_reason: null, unbilled_since: null, unbilled_cogs: "0.00", resources: 1 });
    expect(r.body.data[0].usage).toContainEqual({ resource_kind: "droplet_hours", used: 800, included: 744 });
    expect(sum(r.body.data, "revenue")).toBe(sum([month], "revenue"));
    expect(sum(r.body.data, "cogs")).toBe(sum([month], "cogs"));
    expect(sum(r.body.data, "margin")).toBe(sum([month], "margin"));
  });

  it("allocating shared cost pro rata to revenue leaves no shared row and still adds up", async () => {
    const r = await margin("from=2026-04&to=2026-04&group_by=tenant&allocate_shared=true");
    // 6.45 × 51.12/76.12 = 4.332 and × 25.00/76.12 = 2.118: 4.33 + 2.11, the spare cent to the larger remainder (globex).
    // stranger earns nothing, so it is allocated nothing.
    expect(r.body.data.map((i: any) => [i.tenant_id, i.cogs, i.shared_cogs])).toEqual([
      ["acme", "22.33", "4.33"],
      ["globex", "6.62", "2.12"],
      ["stranger", "1.50", "0.00"],
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
      ["stranger", "0.00", null, null, null, "AUD"],
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
