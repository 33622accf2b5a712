import { beforeAll, describe, expect, it } from "vitest";
import { usageRecords } from "@/db/schema";
import { migrateVersionSubscriptions } from "@/lib/billing/migrate-subscriptions";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createDraftVersion } from "@/lib/catalog/versions";
import { setupAppTestDb } from "@/test/app-db";
import { createInvoiceWithLines, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { getTenantOverview } from "./get-tenant-overview";
import { listTenants } from "./list-tenants";

// Half-way through May 2026 (15 of 31 days gone): usage measured as it goes is projected to the month's end.
const now = new Date("2026-05-16T00:00:00Z");
const opts = { currency: "USD", tagPrefix: "tenant:", now };
const getDb = setupAppTestDb();
const ids = { acme: "acme-t", ghost: "ghost-t", idle: "idle-t" };
let droplet: string;
let volume: string;
let planCode: string;

beforeAll(async () => {
  const { db } = getDb();
  const plan = await createCatalogPlan(db, {
    name: "Pro",
    currency: "USD",
    basePriceCents: 10_000,
    items: [
      { resource_kind: "droplet_hours", included_qty: 744, overage_unit: "hour", overage_price_cents: 2, hard_cap_qty: null },
      { resource_kind: "llm_tokens", included_qty: 1_000_000, overage_unit: "1M tokens", overage_price_cents: 100, hard_cap_qty: null },
    ],
  });
  planCode = plan.code;
  await createTenant(db, { id: ids.acme, name: "Acme Pty Ltd" });
  await createTenant(db, { id: ids.idle, name: "Idle Co" });
  await createSubscription(db, { id: "acme-sub", tenantId: ids.acme, planVersionId: plan.firstVersionId, startedAt: new Date("2026-01-01T00:00:00Z") });
  const v2 = await createDraftVersion(db, plan.code, { base_price_cents: 12_000, currency: "USD", items: [] });
  await publishVersion(db, v2.id, "test");
  await migrateVersionSubscriptions(db, { fromVersionId: plan.firstVersionId, timing: "now", actor: "ops@example.com", now: new Date("2026-06-01T00:00:00Z") });

  droplet = (await createResource(db, { name: "acme-web", tags: [`tenant:${ids.acme}`] })).id;
  volume = (await createResource(db, { kind: "volume", name: "acme-data", tags: ["env:prod", `tenant:${ids.acme}`] })).id;
  await createResource(db, { name: "ghost-box", tags: [`tenant:${ids.ghost}`] });
  await createResource(db, { name: "gone", tags: [`tenant:${ids.ghost}`], deletedAt: new Date("2026-03-01T00:00:00Z") });
  await createInvoiceWithLines(db, "2026-04-01", [
    { cents: 1200, resourceId: droplet, kind: "droplet" },
    { cents: 300, resourceId: volume, kind: "volume" },
  ]);
  await db.insert(usageRecords).values([
    { clientKey: "t-acme-dh", tenantId: ids.acme, resourceKind: "droplet_hours", period: "2026-05-01", quantity: "1000", source: "meter" },
    { clientKey: "t-acme-llm", tenantId: ids.acme, resourceKind: "llm_tokens", period: "2026-05-01", quantity: "1500000", source: "api" },
  ]);
});

describe("listTenants", () => {
  it("lists arcadia-app's tenants and the ones only a resource tag names, with their plan and live resources", async () => {
    const { items, total } = await listTenants(getDb().db, { tagPrefix: "tenant:", limit: 50, offset: 0, now });
    expect(total).toBe(3);
    expect(items.map((t) => t.id)).toEqual([ids.acme, ids.ghost, ids.idle]);
    expect(items[0]).toMatchObject({ name: "Acme Pty Ltd", isKnown: true, planCode, subscriptionStatus: "active", resources: 2 });
    // Deleted resources do not count; a tag-only tenant has no name, no plan.
    expect(items[1]).toMatchObject({ name: null, isKnown: false, planCode: null, subscriptionStatus: null, resources: 1 });
    expect(items[2]).toMatchObject({ name: "Idle Co", resources: 0, planCode: null });
  });

  it("searches by name or id, case-insensitively, and pages", async () => {
    const db = getDb().db;
    expect((await listTenants(db, { tagPrefix: "tenant:", q: "acme pty", limit: 50, offset: 0, now })).items.map((t) => t.id)).toEqual([ids.acme]);
    expect((await listTenants(db, { tagPrefix: "tenant:", q: "GHOST", limit: 50, offset: 0, now })).items.map((t) => t.id)).toEqual([ids.ghost]);
    expect((await listTenants(db, { tagPrefix: "tenant:", q: "100%_", limit: 50, offset: 0, now })).total).toBe(0);
    const second = await listTenants(db, { tagPrefix: "tenant:", limit: 1, offset: 1, now });
    expect(second).toMatchObject({ total: 3, items: [{ id: ids.ghost }] });
  });
});

describe("getTenantOverview", () => {
  it("shows the subscription and plan version in force, and its history newest first", async () => {
    const o = await getTenantOverview(getDb().db, ids.acme, { ...opts, now: new Date("2026-06-02T00:00:00Z") });
    expect(o?.current).toMatchObject({ id: "acme-sub", planCode, planName: "Pro", version: 2, status: "active" });
    expect(o?.history.map((h) => h.type)).toEqual(["migrated", "subscribed"]);
    expect(o?.history[0]).toMatchObject({ at: "2026-06-01T00:00:00.000Z", by: "ops@example.com", fromVersion: 1, toVersion: 2 });
  });

  it("measures this month's usage against each allowance, projecting what is measured as it goes", async () => {
    const o = (await getTenantOverview(getDb().db, ids.acme, opts))!;
    expect(o.usagePeriod).toBe("2026-05-01");
    const dh = o.usage.find((u) => u.resourceKind === "droplet_hours")!;
    // Droplet hours come from lifetimes the meter already counts to the month's end: no projection on top.
    expect(dh).toMatchObject({ used: 1000, included: 744, overageQty: 256, overageCents: 512, projectedUsed: 1000, projectedOverageCents: 512, isProjected: false, currency: "USD" });
    const llm = o.usage.find((u) => u.resourceKind === "llm_tokens")!;
    // 1.5M tokens in 15 of 31 days: 3.1M by the month's end, 2.1M over the allowance at 100 cents a million.
    expect(llm).toMatchObject({ used: 1_500_000, included: 1_000_000, overageCents: 50, isProjected: true });
    expect(llm.projectedUsed).toBeCloseTo(3_100_000, 0);
    expect(llm.projectedOverageCents).toBe(210);
  });

  it("gives COGS and margin by month from the margin report, and lists its resources with each one's billing", async () => {
    const o = (await getTenantOverview(getDb().db, ids.acme, opts))!;
    const april = o.months.find((m) => m.period === "2026-04-01")!;
    expect(april).toMatchObject({ cogs: 1500, revenue: 10_000, margin: 8500, isBilled: true });
    expect(april.cogsByKind).toEqual({ droplet: 1200, volume: 300 });
    expect(o.months).toHaveLength(12);
    expect(o.months.at(-1)?.period).toBe("2026-05-01");
    expect(o.resources.items.map((r) => r.name).sort()).toEqual(["acme-data", "acme-web"]);
    expect(o.resources.unbilled[droplet]).toBeUndefined();
    // The plan covers droplet hours, not block storage: the volume runs for nobody's money.
    expect(o.resources.unbilled[volume]).toBe("not_in_plan");
    expect(o.billing).toEqual({ isBilled: true, reason: null });
  });

  it("flags every resource of a tenant nobody bills, and says why", async () => {
    const o = (await getTenantOverview(getDb().db, ids.ghost, opts))!;
    expect(o).toMatchObject({ id: ids.ghost, name: null, isKnown: false, current: null, billing: { isBilled: false, reason: "unknown_tenant" } });
    expect(Object.values(o.resources.unbilled)).toEqual(["unknown_tenant"]);
    const idle = (await getTenantOverview(getDb().db, ids.idle, opts))!;
    expect(idle.billing).toEqual({ isBilled: false, reason: "no_subscription" });
  });

  it("answers null for a tenant nobody sent and no resource names", async () => {
    expect(await getTenantOverview(getDb().db, "nobody-at-all", opts)).toBeNull();
  });
});
