import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudInvoices, notificationOutbox, planVersions } from "@/db/schema";
import { createInvoiceWithLines, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { announceMarginEvents } from "./announce-margin-events";
import { getMarginTarget, setMarginTarget } from "./margin-target";
import { saveMarginTarget } from "./save-margin-target";

// Hand-computed, USD throughout. Plan at 20.00 a month; tenant "paid" holds it all month and its tagged droplet cost
// 15.00: margin 25 %. "free" is known to arcadia-app but has no subscription (its droplet cost 7.00); "ghost" was
// never sent (3.00). Shared infrastructure (50.00) is not allocated, as on /margin.

let t: TestDb;
let plan: { code: string; name: string };
const cfg = { tagPrefix: "tenant:", currency: "USD", now: new Date("2026-12-15T12:00:00Z") };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  const created = await createCatalogPlan(t.db, { basePriceCents: 2000, currency: "USD", items: [], publish: false });
  await t.db.update(planVersions).set({ status: "active", publishedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(planVersions.id, created.firstVersionId));
  plan = created;
  await createTenant(t.db, { id: "paid", name: "Paid Pty Ltd" });
  await createTenant(t.db, { id: "free", name: "Free Loader" });
  await createSubscription(t.db, { tenantId: "paid", planVersionId: created.firstVersionId, startedAt: new Date("2026-01-01T00:00:00Z") });
  for (const tenant of ["paid", "free", "ghost"]) ids[tenant] = (await createResource(t.db, { name: `web-${tenant}`, tags: [`tenant:${tenant}`] })).id;
  const shared = await createResource(t.db, { name: "shared-lb", tags: ["arcadia"] });
  for (const period of ["2026-10-01", "2026-11-01"]) {
    await createInvoiceWithLines(t.db, period, [
      { cents: 1500, resourceId: ids.paid },
      { cents: 700, resourceId: ids.free },
      { cents: 300, resourceId: ids.ghost },
      { cents: 5000, resourceId: shared.id },
    ]);
  }
});
afterAll(() => t?.drop());

const eventsOf = async (type: string, month: string) =>
  (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, type)))
    .map((e) => e.data)
    .filter((d) => d.month === month)
    .sort((a, b) => `${a.scope ?? ""}${a.tenant_id ?? a.id}`.localeCompare(`${b.scope ?? ""}${b.tenant_id ?? b.id}`));

describe("usage.unbilled and margin.below_target", () => {
  it("announces each unbilled tenant of an invoiced month with its tagged resources and COGS, once", async () => {
    expect(await announceMarginEvents(t.db, "2026-11-01", cfg)).toHaveLength(2);
    const ref = (tenant: string) => ({ id: ids[tenant], name: `web-${tenant}`, kind: "droplet", region: "syd1" });
    expect(await eventsOf("usage.unbilled", "2026-11")).toEqual([
      { tenant_id: "free", tenant_name: "Free Loader", month: "2026-11", reason: "no_subscription", resources: [ref("free")], resource_count: 1, monthly_cost_cents: 700, currency: "USD" },
      { tenant_id: "ghost", tenant_name: null, month: "2026-11", reason: "unknown_tenant", resources: [ref("ghost")], resource_count: 1, monthly_cost_cents: 300, currency: "USD" },
    ]);
    // No target set: no margin is judged.
    expect(await eventsOf("margin.below_target", "2026-11")).toEqual([]);
    expect(await announceMarginEvents(t.db, "2026-11-01", cfg)).toEqual([]);
  });

  it("with a target set, announces each plan and billed tenant under it, once per month", async () => {
    await setMarginTarget(t.db, 30, "admin");
    expect(await announceMarginEvents(t.db, "2026-11-01", cfg)).toHaveLength(2);
    const figures = { month: "2026-11", currency: "USD", revenue_cents: 2000, cogs_cents: 1500, margin: 0.25, target: 0.3 };
    expect(await eventsOf("margin.below_target", "2026-11")).toEqual([
      { scope: "plan", id: plan.code, name: plan.name, ...figures },
      { scope: "tenant", id: "paid", name: "Paid Pty Ltd", ...figures },
    ]);
    expect(await announceMarginEvents(t.db, "2026-11-01", cfg)).toEqual([]);

    // A target the margin meets announces nothing.
    await setMarginTarget(t.db, 25, "admin");
    const written = await announceMarginEvents(t.db, "2026-10-01", cfg);
    const rows = await t.db.select().from(notificationOutbox).where(inArray(notificationOutbox.id, written));
    expect(rows.map((r) => r.type)).toEqual(["usage.unbilled", "usage.unbilled"]);
  });

  it("is written in the caller's transaction: rolled back, nothing is announced, and the next run announces it", async () => {
    await setMarginTarget(t.db, 30, "admin");
    await createInvoiceWithLines(t.db, "2026-09-01", [{ cents: 1500, resourceId: ids.paid }, { cents: 700, resourceId: ids.free }]);
    await expect(
      t.db.transaction(async (tx) => {
        expect(await announceMarginEvents(tx, "2026-09-01", cfg)).toHaveLength(3);
        throw new Error("the ingest failed");
      }),
    ).rejects.toThrow("the ingest failed");
    expect(await eventsOf("usage.unbilled", "2026-09")).toEqual([]);
    expect(await eventsOf("margin.below_target", "2026-09")).toEqual([]);
    expect(await announceMarginEvents(t.db, "2026-09-01", cfg)).toHaveLength(3);
  });

  it("judges a metered tenant the month's report has no row for (no invoice yet): unbilled, its COGS not yet known", async () => {
    await createResource(t.db, { name: "web-newco", tags: ["tenant:newco"] });
    await announceMarginEvents(t.db, "2026-12-01", cfg, ["newco", "paid"]);
    expect(await eventsOf("usage.unbilled", "2026-12")).toEqual([
      expect.objectContaining({ tenant_id: "newco", reason: "unknown_tenant", resource_count: 1, monthly_cost_cents: null, currency: null }),
    ]);
  });

  it("saving a target judges the latest invoiced month against it at once, in the same transaction", async () => {
    await setMarginTarget(t.db, null, "admin");
    await createInvoiceWithLines(t.db, "2026-08-01", [{ cents: 1500, resourceId: ids.paid }]);
    await t.db.update(cloudInvoices).set({ lineCount: 1 });
    const august = { ...cfg, now: new Date("2026-08-31T12:00:00Z") };
    await saveMarginTarget(t.db, 30, "admin", august);
    expect(await getMarginTarget(t.db)).toBe(30);
    expect((await eventsOf("margin.below_target", "2026-08")).map((e) => `${e.scope}:${e.id}`)).toEqual([`plan:${plan.code}`, "tenant:paid"]);
    // A target that cannot be saved announces nothing.
    await expect(saveMarginTarget(t.db, 200, "admin", august)).rejects.toThrow();
    expect(await getMarginTarget(t.db)).toBe(30);
  });
});
