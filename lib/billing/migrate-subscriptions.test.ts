import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { subscriptionMigrations, subscriptions } from "@/db/schema";
import { countVersionSubscriptions } from "@/lib/catalog/count-version-subscriptions";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createDraftVersion } from "@/lib/catalog/versions";
import { setupAppTestDb } from "@/test/app-db";
import { createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { getMarginReport, toMarginItems } from "./get-margin-report";
import { countSubscriptionsByVersion, listPlanMigrations, migrateVersionSubscriptions } from "./migrate-subscriptions";

const getDb = setupAppTestDb();
let plan: Awaited<ReturnType<typeof createCatalogPlan>>;
let v2: string;

beforeAll(async () => {
  const db = getDb().db;
  plan = await createCatalogPlan(db, { basePriceCents: 5000, items: [] });
  const t = await createTenant(db);
  await createSubscription(db, { id: "m-1", tenantId: t.id, planVersionId: plan.firstVersionId });
  await createSubscription(db, { id: "m-2", tenantId: t.id, planVersionId: plan.firstVersionId });
  await createSubscription(db, { id: "m-ended", tenantId: t.id, planVersionId: plan.firstVersionId, status: "canceled", endedAt: new Date("2026-01-01T00:00:00Z") });
  const draft = await createDraftVersion(db, plan.code, { base_price_cents: 6000, currency: "AUD", items: [] });
  await publishVersion(db, draft.id, "test");
  v2 = draft.id;
});

describe("migrateVersionSubscriptions", () => {
  it("the publish confirmation counts the running subscriptions that stay on the old version", async () => {
    expect(await countVersionSubscriptions(getDb().db, plan.firstVersionId)).toBe(2);
    expect(await countVersionSubscriptions(getDb().db, v2)).toBe(0);
  });

  it("refuses to move the active version's subscriptions anywhere", async () => {
    await expect(migrateVersionSubscriptions(getDb().db, { fromVersionId: v2, timing: "now", actor: "t" })).rejects.toThrow(/active version/);
  });

  it("moves the running subscriptions now, recording one migration each; ended ones stay", async () => {
    const now = new Date("2026-04-16T09:30:00Z");
    const r = await migrateVersionSubscriptions(getDb().db, { fromVersionId: plan.firstVersionId, timing: "now", actor: "admin@example.com", now });
    expect(r).toMatchObject({ moved: 2, fromVersion: 1, toVersion: 2, effectiveAt: now.toISOString() });
    const rows = await getDb().db.select().from(subscriptionMigrations);
    expect(rows.map((m) => [m.subscriptionId, m.fromVersionId, m.toVersionId, m.migratedBy]).sort()).toEqual([
      ["m-1", plan.firstVersionId, v2, "admin@example.com"],
      ["m-2", plan.firstVersionId, v2, "admin@example.com"],
    ]);
    expect((await getDb().db.select().from(subscriptions).where(eq(subscriptions.id, "m-ended")))[0]!.planVersionId).toBe(plan.firstVersionId);
    expect(Object.fromEntries(await countSubscriptionsByVersion(getDb().db, plan.code))).toEqual({ [v2]: 2 });
  });

  it("revenue for the month of the move splits at its day: 15 days of 50.00 and 15 of 60.00 per subscription", async () => {
    const report = await getMarginReport(getDb().db, { from: "2026-04-01", to: "2026-04-01", allocateShared: false, currency: "AUD", tagPrefix: "tenant:" });
    expect(toMarginItems(report, "month")[0]).toMatchObject({ revenue: "110.00" });
  });

  it("scheduled for next month, the move takes effect on the first day of the next month", async () => {
    const db = getDb().db;
    const t = await createTenant(db);
    const draft = await createDraftVersion(db, plan.code, { base_price_cents: 7000, currency: "AUD", items: [] });
    await publishVersion(db, draft.id, "test");
    await createSubscription(db, { id: "m-3", tenantId: t.id, planVersionId: v2 });
    const r = await migrateVersionSubscriptions(db, { fromVersionId: v2, timing: "next_month", actor: null, now: new Date("2026-04-20T10:00:00Z") });
    expect(r).toMatchObject({ moved: 3, effectiveAt: "2026-05-01T00:00:00.000Z", toVersion: 3 });
    // One line per move, newest first.
    expect((await listPlanMigrations(db, plan.code)).map((m) => [m.fromVersion, m.toVersion, m.count, m.effectiveAt])).toEqual([
      [2, 3, 3, "2026-05-01T00:00:00.000Z"],
      [1, 2, 2, "2026-04-16T09:30:00.000Z"],
    ]);
  });
});
