import { beforeAll, describe, expect, it } from "vitest";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { setAddonActive } from "@/lib/catalog/addons";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createResourcePrice } from "@/lib/catalog/resource-prices";
import { createDraftVersion, updateDraftVersion } from "@/lib/catalog/versions";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { createCatalogPlan } from "@/test/catalog-factories";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET as getAddons } from "./addons/route";
import { GET as getPlans } from "./plans/route";
import { GET as getResourcePrices } from "./resource-prices/route";

const getDb = setupAppTestDb();

beforeAll(async () => {
  await seedStarterCatalog(getDb().db);
});

type Handler = (req: any, ctx: any) => Promise<Response>;
async function call(handler: Handler, path: string, token?: string) {
  const res = await handler(apiRequest(path, { token }), routeParams({}));
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /api/v1/catalog/plans", () => {
  it("401 without a token", async () => {
    const r = await call(getPlans, "/api/v1/catalog/plans");
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("unauthorized");
  });

  it("serves a tenant the plans on sale with their active version and items, in the contract's shape", async () => {
    const r = await call(getPlans, "/api/v1/catalog/plans", tenantToken("acme"));
    expect(r.status).toBe(200);
    expect(r.body.next_cursor).toBeNull();
    expect(r.body.data.map((p: any) => p.code)).toEqual(["starter", "studio", "pro"]);
    const studio = r.body.data[1];
    expect(Object.keys(studio).sort()).toEqual(["active_version", "code", "description", "name"]);
    expect(studio).toMatchObject({ code: "studio", name: "Studio", active_version: { version: 1, base_price_cents: 22900, currency: "AUD" } });
    expect(Object.keys(studio.active_version).sort()).toEqual(["allowed_sizes", "base_price_cents", "billing_interval", "currency", "id", "items", "published_at", "version"]);
    expect(studio.active_version.allowed_sizes).toEqual([]);
    for (const item of studio.active_version.items) {
      expect(Object.keys(item).sort()).toEqual(["hard_cap_qty", "included_qty", "overage_price_cents", "overage_unit", "resource_kind"]);
      expect(Number.isInteger(item.included_qty) && Number.isInteger(item.overage_price_cents)).toBe(true);
    }
    expect(studio.active_version.items.find((i: any) => i.resource_kind === "llm_tokens")).toMatchObject({ included_qty: 2_000_000, hard_cap_qty: 20_000_000 });
    expect(studio.active_version.items.find((i: any) => i.resource_kind === "droplet_hours").hard_cap_qty).toBeNull();
  });

  it("shows a newly published price and hides plans that are not on sale", async () => {
    const db = getDb().db;
    const draft = await createDraftVersion(db, "pro");
    await updateDraftVersion(db, draft.id, { base_price_cents: 13900, currency: "AUD", items: draft.items });
    const before = await call(getPlans, "/api/v1/catalog/plans", adminToken());
    expect(before.body.data.find((p: any) => p.code === "pro").active_version.base_price_cents).toBe(49900);
    await publishVersion(db, draft.id, "test");
    const unpublished = await createCatalogPlan(db, { publish: false });
    const after = await call(getPlans, "/api/v1/catalog/plans", adminToken());
    expect(after.status).toBe(200);
    expect(after.body.data.find((p: any) => p.code === "pro").active_version).toMatchObject({ version: 2, base_price_cents: 13900, id: draft.id });
    expect(after.body.data.some((p: any) => p.code === unpublished.code)).toBe(false);
  });
});

describe("GET /api/v1/catalog/addons", () => {
  it("401 without a token; a tenant gets the add-ons on sale in the contract's shape", async () => {
    expect((await call(getAddons, "/api/v1/catalog/addons")).status).toBe(401);
    const r = await call(getAddons, "/api/v1/catalog/addons", tenantToken("acme"));
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(3);
    for (const a of r.body.data) expect(Object.keys(a).sort()).toEqual(["code", "currency", "name", "price_cents", "qty", "resource_kind"]);
    expect(r.body.data.find((a: any) => a.code === "llm-tokens-5m")).toEqual({
      code: "llm-tokens-5m",
      name: "5 million LLM tokens",
      resource_kind: "llm_tokens",
      qty: 5_000_000,
      price_cents: 1200,
      currency: "AUD",
    });
    await setAddonActive(getDb().db, "spaces-250", false);
    const after = await call(getAddons, "/api/v1/catalog/addons", tenantToken("acme"));
    expect(after.body.data.map((a: any) => a.code).sort()).toEqual(["llm-tokens-5m", "snapshots-100"]);
  });
});

describe("GET /api/v1/catalog/resource-prices", () => {
  it("401 without a token; serves the prices in force at ?at=, boundaries half-open", async () => {
    expect((await call(getResourcePrices, "/api/v1/catalog/resource-prices")).status).toBe(401);
    await createResourcePrice(getDb().db, { resource_kind: "volume_gb_month", unit: "GB-month", price_cents: 18, currency: "AUD", effective_from: new Date("2026-07-01T00:00:00Z") });
    const volume = async (at: string) => {
      const r = await call(getResourcePrices, `/api/v1/catalog/resource-prices?at=${encodeURIComponent(at)}`, tenantToken("acme"));
      expect(r.status).toBe(200);
      return r.body.data.find((p: any) => p.resource_kind === "volume_gb_month");
    };
    expect(await volume("2026-06-30T23:59:59.999Z")).toEqual({
      resource_kind: "volume_gb_month",
      unit: "GB-month",
      price_cents: 16,
      currency: "AUD",
      effective_from: "2026-01-01T00:00:00.000Z",
      effective_to: "2026-07-01T00:00:00.000Z",
    });
    expect((await volume("2026-07-01T00:00:00Z")).price_cents).toBe(18);
    expect((await volume("2026-07-01T10:00:00+10:00")).price_cents).toBe(18);
    expect(await volume("2025-12-31T23:59:59Z")).toBeUndefined();
    const now = await call(getResourcePrices, "/api/v1/catalog/resource-prices", adminToken());
    expect(now.body.data).toHaveLength(10);
  });

  it("400 naming the parameter for a malformed ?at=", async () => {
    const r = await call(getResourcePrices, "/api/v1/catalog/resource-prices?at=yesterday", tenantToken("acme"));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    expect(r.body.error.details.map((d: any) => d.path)).toEqual(["at"]);
  });
});
