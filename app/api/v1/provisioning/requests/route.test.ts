import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { settleProvisioningRuns } from "@/jobs/provisioning-runs";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import { requestTag } from "@/lib/provisioning/config";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { adminToken, tenantToken } from "@/test/jwt";
import { subscribeTenant } from "@/test/provisioning-factories";
import { GET } from "./[id]/route";
import { POST as approve } from "./[id]/approve/route";
import { POST as reject } from "./[id]/reject/route";
import { POST } from "./route";
import { setupProvisioningFakeDo } from "@/test/provisioning-fake-do";

const getDb = setupAppTestDb();
const fakeDo = setupProvisioningFakeDo({ seed: 14, droplets: 2, actionDurationMs: 30 }, { beforeClose: settleProvisioningRuns });

type Json = Record<string, any>;
async function post(body: unknown, opts: { key?: string | null; token?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key !== null) headers["idempotency-key"] = opts.key ?? randomUUID();
  const res = await POST(apiRequest("/api/v1/provisioning/requests", { method: "POST", token: opts.token ?? adminToken(), body: JSON.stringify(body), headers }));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}
async function read(id: string, token = adminToken()) {
  const res = await GET(apiRequest(`/api/v1/provisioning/requests/${id}`, { token }), routeParams({ id }));
  return { status: res.status, body: (await res.json()) as Json };
}
async function decide(handler: typeof approve, id: string, token = adminToken()) {
  const res = await handler(apiRequest(`/api/v1/provisioning/requests/${id}/x`, { method: "POST", token }), routeParams({ id }));
  return { status: res.status, body: (await res.json()) as Json };
}
const createBody = (tenantId: string, size = "s-1vcpu-1gb") => ({
  tenant_id: tenantId,
  action: "create_droplet",
  params: { name: `tenant-${tenantId}-api`, region: "syd1", size, image: "ubuntu-24-04-x64" },
});

describe("POST /api/v1/provisioning/requests", () => {
  it("answers 202 with the request, runs its saga, and GET shows it succeeded with its steps and resource_id", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const key = randomUUID();
    const created = await post(createBody(tenantId), { key });
    expect(created.status).toBe(202);
    expect(created.body.data).toMatchObject({ status: "queued", action: "create_droplet", tenant_id: tenantId, resource_id: null, steps: [], requested_by: "arcadia-app:user-1" });
    await settleProvisioningRuns();

    const done = await read(created.body.data.id);
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: "succeeded", resource_id: expect.any(String), provider_id: expect.any(String) });
    expect(done.body.data.steps.map((s: Json) => s.name)).toContain("wait-create");
    expect(fakeDo().account.droplets.filter((d) => d.tags.includes(requestTag(created.body.data.id)))).toHaveLength(1);

    const replay = await post(createBody(tenantId), { key });
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.data).toMatchObject({ id: created.body.data.id, status: "succeeded" });
    await settleProvisioningRuns();
    expect(fakeDo().account.droplets.filter((d) => d.tags.includes(requestTag(created.body.data.id)))).toHaveLength(1);

    const conflict = await post(createBody(tenantId, "s-1vcpu-2gb"), { key });
    expect(conflict).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
  });

  it("wants an Idempotency-Key, a platform_admin token and a valid body: 400, 403, 400", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const missing = await post(createBody(tenantId), { key: null });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "invalid_request", message: expect.stringMatching(/headers.*idempotency-key/i) } } });
    expect((await post(createBody(tenantId), { token: tenantToken(tenantId) })).status).toBe(403);
    const bad = await post({ ...createBody(tenantId), action: "reboot_droplet" });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
    const noName = await post({ tenant_id: tenantId, action: "create_droplet", params: { region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } });
    expect(noName.body.error.details).toContainEqual(expect.objectContaining({ path: "params.name" }));
  });

  it("refuses what the plan does not allow with 409 entitlement_exceeded and the allowance in details", async () => {
    const { tenantId } = await subscribeTenant(getDb().db, { allowedSizes: ["s-1vcpu-1gb"] });
    const refused = await post(createBody(tenantId, "s-1vcpu-2gb"));
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: "entitlement_exceeded", details: { allowance: "size", size: "s-1vcpu-2gb", allowed_sizes: ["s-1vcpu-1gb"] } } },
    });
    expect((await post(createBody("no-such-tenant"))).body.error).toMatchObject({ code: "entitlement_exceeded", details: { allowance: "subscription" } });
  });
});

describe("GET /api/v1/provisioning/requests/{id}, approve and reject", () => {
  it("lets a tenant read its own requests and no one else's", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const created = await post(createBody(tenantId));
    await settleProvisioningRuns();
    expect((await read(created.body.data.id, tenantToken(tenantId))).body.data.tenant_id).toBe(tenantId);
    expect((await read(created.body.data.id, tenantToken("someone-else"))).status).toBe(404);
    expect((await read(randomUUID())).status).toBe(404);
    expect((await read("not-a-uuid")).status).toBe(400);
  });

  it("holds an expensive request for approval; approve runs it, reject cancels it; only admins decide", async () => {
    const { tenantId } = await subscribeTenant(getDb().db);
    const big = await post(createBody(tenantId, "m-16vcpu-128gb"));
    expect(big.body.data).toMatchObject({ status: "awaiting_approval", approval: { required: true, monthly_cogs: "1008.00" } });
    await settleProvisioningRuns();
    expect((await read(big.body.data.id)).body.data.status).toBe("awaiting_approval");
    expect((await decide(approve, big.body.data.id, tenantToken(tenantId))).status).toBe(403);

    const approved = await decide(approve, big.body.data.id);
    expect(approved).toMatchObject({ status: 200, body: { data: { status: "queued", approval: { decision: "approved", decided_by: "arcadia-app:user-1" } } } });
    await settleProvisioningRuns();
    expect((await read(big.body.data.id)).body.data.status).toBe("succeeded");
    expect((await decide(reject, big.body.data.id)).status).toBe(409);

    const other = await post(createBody(tenantId, "m-16vcpu-128gb"));
    const rejected = await decide(reject, other.body.data.id);
    expect(rejected.body.data).toMatchObject({ status: "cancelled", approval: { decision: "rejected" } });
    await settleProvisioningRuns();
    expect(fakeDo().account.droplets.filter((d) => d.tags.includes(requestTag(other.body.data.id)))).toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  it("documents the Idempotency-Key header, the 202 and both 409s", () => {
    const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as Json;
    const op = doc.paths["/api/v1/provisioning/requests"].post;
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["202", "400", "404", "409"]));
    expect(Object.keys(op.responses["409"].content["application/json"].examples)).toEqual(["conflict", "entitlement_exceeded"]);
    expect(doc.paths["/api/v1/provisioning/requests/{id}"].get["x-roles"]).toEqual(["platform_admin", "tenant"]);
  });
});
