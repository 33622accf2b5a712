import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addons, planItems, planVersions, plans, resourcePrices } from "@/db/schema/catalog";
import { createTestDb, type TestDb } from "@/test/db";
import { activeVersion } from "./active-version";
import { listActiveAddons } from "./addons";
import { listCatalogPlans } from "./list-catalog-plans";
import { currentResourcePrice } from "./resource-prices";
import { seedStarterCatalog } from "./seed-starter-catalog";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function snapshot() {
  const db = t.db;
  return {
    plans: await db.select().from(plans).orderBy(asc(plans.code)),
    versions: await db.select().from(planVersions).orderBy(asc(planVersions.id)),
    items: await db.select().from(planItems).orderBy(asc(planItems.id)),
    addons: await db.select().from(addons).orderBy(asc(addons.code)),
    prices: await db.select().from(resourcePrices).orderBy(asc(resourcePrices.id)),
  };
}

describe("seedStarterCatalog", () => {
  it("creates three AUD plans with one active version each, three add-ons, and changes nothing when run again", async () => {
    expect(await seedStarterCatalog(t.db)).toBe("catalog: 3 plans, 3 add-ons, 10 resource prices created");
    const first = await snapshot();
    expect(await seedStarterCatalog(t.db)).toBe("catalog: 0 plans, 0 add-ons, 0 resource prices created");
    expect(await seedStarterCatalog(t.db)).toBe("catalog: 0 plans, 0 add-ons, 0 resource prices created");
    const second = await snapshot();
    expect(second).toEqual(first);

    expect(first.plans.map((p) => p.code)).toEqual(["pro", "starter", "studio"]);
    expect(first.versions).toHaveLength(3);
    expect(first.versions.every((v) => v.status === "active" && v.version === 1 && v.currency === "AUD")).toBe(true);
    expect(first.addons).toHaveLength(3);
    expect(new Set(first.items.map((i) => `${i.versionId}:${i.resourceKind}`)).size).toBe(first.items.length);
  });

  it("prices Starter A$49, Studio A$229 and Pro A$499 a month, with LLM tokens only on Studio and Pro", async () => {
    const catalog = await listCatalogPlans(t.db);
    expect(catalog.map((p) => [p.code, p.active_version.base_price_cents, p.active_version.currency, p.active_version.billing_interval])).toEqual([
      ["starter", 4900, "AUD", "month"],
      ["studio", 22900, "AUD", "month"],
      ["pro", 49900, "AUD", "month"],
    ]);
    const basics = ["droplet_hours", "spaces_gb_month", "snapshot_gb_month", "bandwidth_gb", "dns_zones"];
    for (const p of catalog) {
      const kinds = p.active_version.items.map((i) => i.resource_kind);
      expect(kinds).toEqual(expect.arrayContaining(basics));
      expect(kinds.includes("llm_tokens")).toBe(p.code !== "starter");
      for (const i of p.active_version.items) expect(i.included_qty).toBeGreaterThan(0);
    }
    expect((await activeVersion(t.db, "studio"))?.base_price_cents).toBe(22900);
    const kinds = (await listActiveAddons(t.db)).map((a) => a.resource_kind).sort();
    expect(kinds).toEqual(["llm_tokens", "snapshot_gb_month", "spaces_gb_month"]);
    expect(await currentResourcePrice(t.db, "volume_gb_month")).toMatchObject({ price_cents: 16, currency: "AUD", effective_to: null });
  });
});
