import { describe, expect, it } from "vitest";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET, POST } from "./route";

setupAppTestDb();

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}
const create = (body: unknown, token = adminToken()) =>
  POST(apiRequest("/api/v1/billing/budgets", { method: "POST", token, body: JSON.stringify(body), headers: { "content-type": "application/json" } })).then(json);
const list = (token = adminToken()) => GET(apiRequest("/api/v1/billing/budgets", { token })).then(json);

describe("the budgets API", () => {
  it("creates a budget (thresholds default to 50, 80, 100) and lists it with this month's figures", async () => {
    const res = await create({ name: "Droplets", scope: { type: "kind", id: "droplet" }, amount_cents: 150000 });
    expect(res).toMatchObject({
      status: 201,
      body: { data: { name: "Droplets", scope: { type: "kind", id: "droplet", name: "Droplets" }, currency: "USD", amount_cents: 150000, thresholds: [50, 80, 100], actual_cents: null, fired_thresholds: [] } },
    });
    await create({ name: "Account", scope: { type: "account" }, amount_cents: 500000, thresholds: [100, 90, 90] });
    const listed = await list();
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((b: any) => [b.name, b.scope.type, b.thresholds])).toEqual([
      ["Account", "account", [90, 100]],
      ["Droplets", "kind", [50, 80, 100]],
    ]);
    expect(listed.body.next_cursor).toBeNull();
  });

  it("refuses an unknown kind, an account with an id and a non-positive amount with 400, and a tenant's token with 403", async () => {
    const bad = await create({ name: "x", scope: { type: "kind", id: "teapot" }, amount_cents: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect(JSON.stringify(bad.body.error.details)).toMatch(/not a product kind/);
    expect((await create({ name: "x", scope: { type: "account", id: "a" }, amount_cents: 1 })).status).toBe(400);
    expect((await create({ name: "x", scope: { type: "account" }, amount_cents: 1 }, tenantToken("acme"))).status).toBe(403);
    expect((await list(tenantToken("acme"))).status).toBe(403);
  });
});
