import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { planVersions } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { createFxRate, createInvoiceWithLines, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { getMarginReport } from "./get-margin-report";
import { loadPlanMarginCards } from "./plan-margin-cards";

// A first install: the catalog's only version was published today (1 December), while arcadia-app's subscriptions on
// it go back to February. November's plans view must still show the plan its subscribers paid for, and say the version
// was published after that month, rather than claim no plan was on sale (or that today's was).

const getDb = setupAppTestDb();
const now = new Date("2026-12-15T12:00:00Z");
let code: string;

beforeAll(async () => {
  const db = getDb().db;
  const plan = await createCatalogPlan(db, { basePriceCents: 2000, items: [], publish: false });
  code = plan.code;
  await db.update(planVersions).set({ status: "active", publishedAt: new Date("2026-12-01T09:00:00Z") }).where(eq(planVersions.id, plan.firstVersionId));
  await createFxRate(db, { rate: "1.5", effectiveFrom: "2026-01-01" });
  await createTenant(db, { id: "early" });
  await createSubscription(db, { tenantId: "early", planVersionId: plan.firstVersionId, startedAt: new Date("2026-02-01T00:00:00Z") });
  const resource = await createResource(db, { tags: ["tenant:early"] });
  await createInvoiceWithLines(db, "2026-11-01", [{ cents: 400, resourceId: resource.id }]);
});

describe("loadPlanMarginCards for a month before the plan's first version was published", () => {
  it("shows the version its subscribers were billed on, marked as published after the month", async () => {
    const report = await getMarginReport(getDb().db, { from: "2026-11-01", to: "2026-11-01", allocateShared: false, currency: "AUD", tagPrefix: "tenant:", now });
    const cards = await loadPlanMarginCards(getDb().db, report, 60, now);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ code, version: 1, isPast: true, publishedAfterMonth: true, subscribers: 1, revenue: 2000, cogs: 600 });
  });
});
