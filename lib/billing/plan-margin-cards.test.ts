import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { planVersions } from "@/db/schema";
import { createDraftVersion } from "@/lib/catalog/versions";
import { setupAppTestDb } from "@/test/app-db";
import { createFxRate, createInvoiceWithLines, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { getMarginReport } from "./get-margin-report";
import { loadPlanMarginCards } from "./plan-margin-cards";

// Hand-computed. Starter: version 1 at AUD 20.00 on sale from 1 January 2026 until 1 December, when version 2 (AUD
// 25.00) replaced it. Four tenants on it all November; USD→AUD 1.5. Their tagged COGS (USD) 2.00, 4.00, 6.00, 10.00 →
// AUD 3.00, 6.00, 9.00, 15.00: 33.00, 8.25 each on average. An untagged 100.00 USD of shared infrastructure → 150.00.

const getDb = setupAppTestDb();
const now = new Date("2026-12-15T12:00:00Z");
let code: string;

const report = (month: string, allocateShared = false) =>
  getMarginReport(getDb().db, { from: month, to: month, allocateShared, currency: "AUD", tagPrefix: "tenant:", now });

beforeAll(async () => {
  const db = getDb().db;
  const plan = await createCatalogPlan(db, { basePriceCents: 2000, items: [], publish: false });
  code = plan.code;
  await db.update(planVersions).set({ status: "active", publishedAt: new Date("2026-01-01T00:00:00Z") }).where(eq(planVersions.id, plan.firstVersionId));
  const v2 = await createDraftVersion(db, code, { base_price_cents: 2500, currency: "AUD", items: [] });
  await db.update(planVersions).set({ status: "retired", retiredAt: new Date("2026-12-01T00:00:00Z") }).where(eq(planVersions.id, plan.firstVersionId));
  await db.update(planVersions).set({ status: "active", publishedAt: new Date("2026-12-01T00:00:00Z") }).where(eq(planVersions.id, v2.id));
  await createFxRate(db, { rate: "1.5", effectiveFrom: "2026-01-01" });
  const lines = [];
  for (const [id, cents] of [["pa", 200], ["pb", 400], ["pc", 600], ["pd", 1000]] as const) {
    await createTenant(db, { id });
    await createSubscription(db, { tenantId: id, planVersionId: plan.firstVersionId, startedAt: new Date("2026-02-01T00:00:00Z") });
    lines.push({ cents, resourceId: (await createResource(db, { tags: [`tenant:${id}`] })).id });
  }
  lines.push({ cents: 10_000, resourceId: (await createResource(db, { tags: ["arcadia"] })).id });
  await createInvoiceWithLines(db, "2026-11-01", lines);
});

describe("loadPlanMarginCards", () => {
  it("a past month names the version on sale then, not today's", async () => {
    const [card] = await loadPlanMarginCards(getDb().db, await report("2026-11-01"), 60, now);
    expect(card).toMatchObject({ code, version: 1, basePriceCents: 2000, isPast: true, subscribers: 4, revenue: 8000, cogs: 3300 });
    const [december] = await loadPlanMarginCards(getDb().db, await report("2026-12-01"), 60, now);
    expect(december).toMatchObject({ version: 2, basePriceCents: 2500, isPast: false });
  });

  it("prices from the COGS of the plan's own subscribers, shared cost left out unless allocated: sane for a 20.00 plan", async () => {
    const [card] = await loadPlanMarginCards(getDb().db, await report("2026-11-01"), 60, now);
    // Average 8.25: break-even 8.25, 60 %: 8.25 / 0.4 = 20.625 → 20.63. Median (nearest rank: the 2nd of 4) 6.00 →
    // 15.00; p90 (the 4th) 15.00 → 37.50.
    expect(card!.pricing).toMatchObject({
      subscribers: 4,
      average: { cogsPerSubscriber: 825, breakEvenPriceCents: 825, targetPriceCents: 2063 },
      median: { cogsPerSubscriber: 600, breakEvenPriceCents: 600, targetPriceCents: 1500 },
      p90: { cogsPerSubscriber: 1500, breakEvenPriceCents: 1500, targetPriceCents: 3750 },
    });
    expect(card!.noPriceReason).toBeNull();
  });

  it("allocates shared cost when the admin asks: 150.00 pro rata to equal revenue is 37.50 each, 45.75 on average", async () => {
    const [card] = await loadPlanMarginCards(getDb().db, await report("2026-11-01", true), 60, now);
    // 45.75 / 0.4 = 114.375 → 114.38.
    expect(card!.pricing?.average).toMatchObject({ cogsPerSubscriber: 4575, targetPriceCents: 11438 });
  });

  it("never offers a price from a month without an invoice", async () => {
    const [december] = await loadPlanMarginCards(getDb().db, await report("2026-12-01"), 60, now);
    expect(december).toMatchObject({ pricing: null, noPriceReason: "no_invoice", cogs: null, margin: null });
  });
});
