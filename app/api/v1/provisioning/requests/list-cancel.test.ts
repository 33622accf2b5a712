import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import { resetEnvCache } from "@/lib/platform/env";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { adminToken, signJwt, tenantToken } from "@/test/jwt";
import { seedProvisioningRequest } from "@/test/provisioning-factories";
import { POST as cancel } from "./[id]/cancel/route";
import { GET as list } from "./route";

const getDb = setupAppTestDb();
beforeAll(() => resetEnvCache());
afterAll(() => resetEnvCache());

type Json = Record<string, any>;
async function get(query: string, token = adminToken()) {
  const res = await list(apiRequest(`/api/v1/provisioning/requests${query}`, { token }));
  return { status: res.status, body: (await res.json()) as Json };
}
async function cancelOne(id: string, token = adminToken()) {
  const res = await cancel(apiRequest(`/api/v1/provisioning/requests/${id}/cancel`, { method: "POST", token }), routeParams({ id }));
  return { status: res.status, body: (await res.json()) as Json };
}

describe("GET /api/v1/provisioning/requests", () => {
  it("lists every tenant's requests to an admin, newest first, with the contract's fields, filtered and paged", async () => {
    const { db } = getDb();
    const a = `ten-a-${randomUUID().slice(0, 6)}`;
    const b = `ten-b-${randomUUID().slice(0, 6)}`;
    const first = await seedProvisioningRequest(db, { tenantId: a, status: "succeeded" });
    const second = await seedProvisioningRequest(db, { tenantId: b, status: "awaiting_approval", needsApproval: true });
    const all = await get("?limit=500");
    expect(all.status).toBe(200);
    const ids = all.body.data.map((r: Json) => r.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(all.body.data.find((r: Json) => r.id === first.id)).toMatchObject({ id: first.id, status: "succeeded", action: "create_droplet", tenant_id: a, resource_id: null, steps: [] });
    expect((await get(`?tenant_id=${b}&status=awaiting_approval&action=create_droplet`)).body.data.map((r: Json) => r.id)).toEqual([second.id]);
    expect((await get(`?tenant_id=${b}&status=running`)).body.data).toEqual([]);
    const paged = await get(`?tenant_id=${a}&limit=1`);
    expect(paged.body).toMatchObject({ data: [{ id: first.id }], next_cursor: null });
    expect((await get("?status=exploded")).status).toBe(400);
    expect((await get("?action=reboot_droplet")).status).toBe(400);
  });

  it("shows a tenant only its own requests and refuses a filter naming another tenant with 403", async () => {
    const { db } = getDb();
    const mine = `mine-${randomUUID().slice(0, 6)}`;
    const theirs = `theirs-${randomUUID().slice(0, 6)}`;
    const own = await seedProvisioningRequest(db, { tenantId: mine });
    await seedProvisioningRequest(db, { tenantId: theirs });
    const seen = await get("", tenantToken(mine));
    expect(seen.status).toBe(200);
    expect(seen.body.data.map((r: Json) => r.id)).toEqual([own.id]);
    expect((await get(`?tenant_id=${mine}`, tenantToken(mine))).body.data.map((r: Json) => r.id)).toEqual([own.id]);
    expect(await get(`?tenant_id=${theirs}`, tenantToken(mine))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    // A tenant token without its tenant is refused before it can list anything.
    const noTenant = signJwt({ sub: "user-3", role: "tenant", exp: Math.floor(Date.now() / 1000) + 600 });
    expect((await get("", noTenant)).status).toBe(401);
    expect((await get("", "not-a-token")).status).toBe(401);
  });
});

describe("POST /api/v1/provisioning/requests/{id}/cancel", () => {
  it("cancels a queued or awaiting request, refuses a running or finished one with 409 not_cancellable, and is for admins only", async () => {
    const { db } = getDb();
    const queued = await seedProvisioningRequest(db, { status: "queued" });
    const waiting = await seedProvisioningRequest(db, { status: "awaiting_approval", needsApproval: true });
    expect((await cancelOne(queued.id, tenantToken("acme"))).status).toBe(403);
    expect(await cancelOne(queued.id)).toMatchObject({ status: 200, body: { data: { id: queued.id, status: "cancelled", error: "cancelled by arcadia-app:user-1" } } });
    expect((await cancelOne(waiting.id)).body.data.status).toBe("cancelled");
    for (const status of ["running", "succeeded"] as const) {
      const row = await seedProvisioningRequest(db, { status });
      expect(await cancelOne(row.id)).toMatchObject({ status: 409, body: { error: { code: "not_cancellable", details: { status } } } });
    }
    expect(await cancelOne(queued.id)).toMatchObject({ status: 409, body: { error: { code: "not_cancellable", details: { status: "cancelled" } } } });
    expect((await cancelOne(randomUUID())).status).toBe(404);
    expect((await cancelOne("nope")).status).toBe(400);
  });

  it("is documented: the list's filters and the cancel's 409", () => {
    const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as Json;
    const listOp = doc.paths["/api/v1/provisioning/requests"].get;
    expect(listOp.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(["tenant_id", "action", "status", "limit", "cursor"]));
    const cancelOp = doc.paths["/api/v1/provisioning/requests/{id}/cancel"].post;
    expect(cancelOp["x-roles"]).toEqual(["platform_admin"]);
    expect(cancelOp.responses["409"]).toEqual({ $ref: "#/components/responses/NotCancellable" });
    expect(doc.components.responses.NotCancellable.content["application/json"].example.error).toMatchObject({ code: "not_cancellable", details: { status: "running" } });
  });
});
