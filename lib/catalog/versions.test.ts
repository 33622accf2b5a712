import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planVersions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createCatalogPlan, sampleItems } from "@/test/catalog-factories";
import { createAddon, listActiveAddons, listAllAddons, setAddonActive } from "./addons";
import { listCatalogPlans } from "./list-catalog-plans";
import { pgErrorOf } from "./db-errors";
import { publishVersion } from "./publish-version";
import { createPlan, getPlanDetail, listPlanSummaries, updatePlan } from "./plans";
import { createDraftVersion, getVersionDetail, updateDraftVersion } from "./versions";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error & { code?: string; details?: unknown },
  );

describe("plans and drafts", () => {
  it("a new draft copies the active version's price and items", async () => {
    const plan = await createCatalogPlan(t.db, { basePriceCents: 4200 });
    const draft = await createDraftVersion(t.db, plan.code, undefined, "ops@example.com");
    expect(draft).toMatchObject({ version: 2, status: "draft", base_price_cents: 4200, currency: "AUD", created_by: "ops@example.com", published_at: null });
    expect(draft.items).toEqual(sampleItems);
  });

  it("a draft can start from given values and be edited until published", async () => {
    const plan = await createCatalogPlan(t.db);
    const draft = await createDraftVersion(t.db, plan.code, { base_price_cents: 6100, currency: "AUD", items: [] });
    expect(draft.items).toEqual([]);
    const edited = await updateDraftVersion(t.db, draft.id, { base_price_cents: 6200, currency: "nzd", items: [sampleItems[1]!] });
    expect(edited).toMatchObject({ base_price_cents: 6200, currency: "NZD", items: [sampleItems[1]] });
    expect(await getVersionDetail(t.db, plan.code, 2)).toEqual(edited);
    expect(await getVersionDetail(t.db, plan.code, 9)).toBeNull();
  });

  it("keeps a version's allowed droplet sizes: edited on a draft, copied to the next draft, fixed once published", async () => {
    const plan = await createCatalogPlan(t.db, { publish: false });
    const edited = await updateDraftVersion(t.db, plan.firstVersionId, { base_price_cents: 2000, currency: "AUD", items: [], allowed_sizes: ["s-1vcpu-2gb", "s-1vcpu-1gb", "s-1vcpu-1gb"] });
    expect(edited.allowed_sizes).toEqual(["s-1vcpu-1gb", "s-1vcpu-2gb"]);
    await publishVersion(t.db, plan.firstVersionId, "test");
    expect((await listCatalogPlans(t.db)).find((p) => p.code === plan.code)?.active_version.allowed_sizes).toEqual(["s-1vcpu-1gb", "s-1vcpu-2gb"]);
    const next = await createDraftVersion(t.db, plan.code);
    expect(next.allowed_sizes).toEqual(["s-1vcpu-1gb", "s-1vcpu-2gb"]);
    const e = await rejection(updateDraftVersion(t.db, plan.firstVersionId, { base_price_cents: 2000, currency: "AUD", items: [], allowed_sizes: [] }));
    expect(e.message).toMatch(/cannot be edited|published/);
    const raw = await rejection(t.db.update(planVersions).set({ allowedSizes: [] }).where(eq(planVersions.id, plan.firstVersionId)));
    expect(pgErrorOf(raw)?.constraint).toBe("plan_versions_immutable");
  });

  it("refuses invalid versions with a 400-style error", async () => {
    const plan = await createCatalogPlan(t.db);
    const draft = await createDraftVersion(t.db, plan.code);
    const item = { ...sampleItems[0]!, hard_cap_qty: 1 };
    const e = await rejection(updateDraftVersion(t.db, draft.id, { base_price_cents: 1, currency: "AUD", items: [item] }));
    expect(e).toMatchObject({ code: "invalid_request" });
    expect(e.message).toMatch(/cap cannot be below the included quantity/);
    const twice = await rejection(updateDraftVersion(t.db, draft.id, { base_price_cents: 1, currency: "AUD", items: [sampleItems[0]!, sampleItems[0]!] }));
    expect(twice.message).toMatch(/listed twice/);
  });

  it("a plan that was never published has no copyable version and is not on sale", async () => {
    const plan = await createCatalogPlan(t.db, { publish: false });
    const e = await rejection(createDraftVersion(t.db, plan.code));
    expect(e.message).toMatch(/already has a draft/);
    expect((await listCatalogPlans(t.db)).some((p) => p.code === plan.code)).toBe(false);
    const summary = (await listPlanSummaries(t.db)).find((s) => s.code === plan.code);
    expect(summary).toMatchObject({ active: null, draft: { version: 1 }, version_count: 1 });
  });

  it("plan codes are unique and never change; names do", async () => {
    const plan = await createCatalogPlan(t.db);
    const e = await rejection(createPlan(t.db, { code: plan.code, name: "Again", description: "" }, { base_price_cents: 1, currency: "AUD", items: [] }));
    expect(e).toMatchObject({ code: "conflict", details: [{ path: "code", code: "custom", message: "This code is taken" }] });
    await updatePlan(t.db, plan.code, { name: "Renamed", description: "Now with words" });
    expect(await getPlanDetail(t.db, plan.code)).toMatchObject({ code: plan.code, name: "Renamed", description: "Now with words" });
    expect(await rejection(updatePlan(t.db, "no-such-plan", { name: "x", description: "" }))).toMatchObject({ code: "not_found" });
    expect(await rejection(getPlanDetail(t.db, "no-such-plan"))).toMatchObject({ code: "not_found" });
  });
});

describe("add-ons", () => {
  it("are created once per code and can be taken off sale", async () => {
    const a = await createAddon(t.db, { code: "extra-zones", name: "10 more DNS zones", resource_kind: "dns_zones", qty: 10, price_cents: 500, currency: "aud" });
    expect(a).toMatchObject({ code: "extra-zones", currency: "AUD", is_active: true });
    expect(await rejection(createAddon(t.db, { ...a, currency: "AUD" }))).toMatchObject({ code: "conflict" });
    expect((await listActiveAddons(t.db)).map((x) => x.code)).toContain("extra-zones");
    await setAddonActive(t.db, "extra-zones", false);
    expect((await listActiveAddons(t.db)).map((x) => x.code)).not.toContain("extra-zones");
    expect((await listAllAddons(t.db)).find((x) => x.code === "extra-zones")?.is_active).toBe(false);
    expect(await rejection(setAddonActive(t.db, "nope", true))).toMatchObject({ code: "not_found" });
  });
});
