import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addons, subscriptionStatusChanges, subscriptions } from "@/db/schema";
import { createDraftVersion } from "@/lib/catalog/versions";
import { publishVersion } from "@/lib/catalog/publish-version";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { createCatalogPlan } from "@/test/catalog-factories";
import { adminToken } from "@/test/jwt";
import { PUT as putTenant } from "../../tenants/[id]/route";
import { PUT } from "./route";

const getDb = setupAppTestDb();
let plan: Awaited<ReturnType<typeof createCatalogPlan>>;

const put = async (handler: typeof PUT, id: string, body: unknown) => {
  const res = await handler(apiRequest(`/api/v1/x/${id}`, { method: "PUT", token: adminToken(), body: JSON.stringify(body) }), routeParams({ id }));
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  const db = getDb().db;
  plan = await createCatalogPlan(db, { basePriceCents: 5000 });
  await db.insert(addons).values({ code: "extra-zones", name: "Extra zones", resourceKind: "dns_zones", qty: 5, priceCents: 500, currency: "AUD" });
  expect((await put(putTenant, "acme", { name: "Acme" })).status).toBe(201);
});

describe("PUT /api/v1/tenants/{id}", () => {
  it("creates (201), renames (200), and replays without changing anything (200)", async () => {
    const created = await put(putTenant, "globex", { name: "Globex" });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ id: "globex", name: "Globex" });
    const replay = await put(putTenant, "globex", { name: "Globex" });
    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual(created.body.data);
    const renamed = await put(putTenant, "globex", { name: "Globex Corp" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.name).toBe("Globex Corp");
  });

  it("refuses a body without a name, naming the field", async () => {
    const r = await put(putTenant, "initech", {});
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("name");
  });
});

describe("PUT /api/v1/subscriptions/{id}", () => {
  const body = { tenant_id: "acme", status: "active", started_at: "2026-03-02T04:12:00Z" };

  it("binds the plan's active version on creation (201) and answers the contract's fields; a replay changes nothing (200)", async () => {
    const r = await put(PUT, "sub-1", { ...body, plan_code: plan.code });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ id: "sub-1", tenant_id: "acme", plan_code: plan.code, plan_version_id: plan.firstVersionId, plan_version: 1, status: "active", ended_at: null, addons: [] });
    const replay = await put(PUT, "sub-1", { ...body, plan_code: plan.code });
    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual(r.body.data);
  });

  it("keeps the bound version when a newer one is published, and refuses a version change with a pointer to migration", async () => {
    const draft = await createDraftVersion(getDb().db, plan.code, { base_price_cents: 6000, currency: "AUD", items: [] });
    await publishVersion(getDb().db, draft.id, "test");
    const same = await put(PUT, "sub-1", { ...body, plan_code: plan.code });
    expect(same.status).toBe(200);
    expect(same.body.data.plan_version_id).toBe(plan.firstVersionId);
    const other = await put(PUT, "sub-1", { ...body, plan_version_id: draft.id });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/only through a migration/);
    const [row] = await getDb().db.select().from(subscriptions).where(eq(subscriptions.id, "sub-1"));
    expect(row!.planVersionId).toBe(plan.firstVersionId);
    // A new subscription made now gets the new active version.
    expect((await put(PUT, "sub-2", { ...body, plan_code: plan.code })).body.data.plan_version).toBe(2);
  });

  it("binds an exact version by id, and cancels with ended_at", async () => {
    const r = await put(PUT, "sub-3", { ...body, plan_version_id: plan.firstVersionId });
    expect(r.body.data.plan_version).toBe(1);
    expect(r.status).toBe(201);
    const canceled = await put(PUT, "sub-3", { ...body, status: "canceled", ended_at: "2026-04-16T00:00:00Z" });
    expect(canceled.status).toBe(200);
    expect(canceled.body.data).toMatchObject({ status: "canceled", ended_at: "2026-04-16T00:00:00.000Z", plan_version: 1 });
  });

  it("replaces add-ons when sent", async () => {
    const r = await put(PUT, "sub-1", { ...body, addons: [{ code: "extra-zones", quantity: 2, started_at: "2026-04-01T00:00:00Z" }] });
    expect(r.body.data.addons).toEqual([{ code: "extra-zones", quantity: 2, started_at: "2026-04-01T00:00:00.000Z", ended_at: null }]);
    expect((await put(PUT, "sub-1", { ...body, addons: [] })).body.data.addons).toEqual([]);
    expect((await put(PUT, "sub-1", { ...body, addons: [{ code: "nope", started_at: "2026-04-01T00:00:00Z" }] })).status).toBe(400);
  });

  it("refuses what cannot be right: unknown tenant, no plan on creation, canceled without an end, both plan fields", async () => {
    expect((await put(PUT, "sub-9", { ...body, tenant_id: "nobody", plan_code: plan.code })).body.error.message).toMatch(/PUT \/api\/v1\/tenants\/nobody first/);
    expect((await put(PUT, "sub-9", body)).status).toBe(400);
    expect((await put(PUT, "sub-9", { ...body, plan_code: plan.code, status: "canceled" })).body.error.details[0].path).toBe("ended_at");
    expect((await put(PUT, "sub-9", { ...body, plan_code: plan.code, plan_version_id: plan.firstVersionId })).status).toBe(400);
    expect((await put(PUT, "sub-9", { ...body, plan_code: "no-such-plan" })).status).toBe(400);
  });

  it("records each status it has had: the first from its start, a change from when it was reported; a replay adds none", async () => {
    const db = getDb().db;
    const history = async () =>
      (await db.select().from(subscriptionStatusChanges).where(eq(subscriptionStatusChanges.subscriptionId, "sub-trial"))).map((c) => [c.status, c.effectiveAt.toISOString()]);
    await put(PUT, "sub-trial", { ...body, plan_code: plan.code, status: "trialing" });
    expect(await history()).toEqual([["trialing", "2026-03-02T04:12:00.000Z"]]);
    const before = Date.now();
    await put(PUT, "sub-trial", { ...body, status: "active" });
    await put(PUT, "sub-trial", { ...body, status: "active" });
    const changes = await history();
    expect(changes.map(([status]) => status)).toEqual(["trialing", "active"]);
    expect(Date.parse(changes[1]![1]!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses moving a subscription to another tenant", async () => {
    await put(putTenant, "umbrella", { name: "Umbrella" });
    expect((await put(PUT, "sub-1", { ...body, tenant_id: "umbrella" })).status).toBe(409);
  });
});
