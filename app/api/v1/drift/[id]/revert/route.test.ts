import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cloudDrift } from "@/db/schema";
import { settleProvisioningRuns } from "@/jobs/provisioning-runs";
import { detectAll } from "@/lib/drift/detect-all";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import type { Spec } from "@/lib/drift/schemas";
import { env, } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { getRequestOrThrow } from "@/lib/provisioning/get-request";
import { refreshDroplet } from "@/lib/provisioning/refresh-inventory";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import type { AddDropletInput, } from "@/test/fake-do";
import { adminToken, tenantToken } from "@/test/jwt";
import { POST as accept } from "../accept/route";
import { POST } from "./route";
import { setupProvisioningFakeDo } from "@/test/provisioning-fake-do";

const getDb = setupAppTestDb();
const fakeDo = setupProvisioningFakeDo({ seed: 22, droplets: 1, actionDurationMs: 30 }, { beforeClose: settleProvisioningRuns });

type Json = Record<string, any>;
const revert = async (id: string, token = adminToken()) => {
  const res = await POST(apiRequest(`/api/v1/drift/${id}/revert`, { method: "POST", token }), routeParams({ id }));
  return { status: res.status, body: (await res.json()) as Json };
};

async function drifted(live: AddDropletInput, spec: Spec) {
  const db = getDb().db;
  const droplet = fakeDo().addDroplet({ name: `api-${randomUUID().slice(0, 8)}`, region: "syd1", status: "active", tags: ["tenant:acme"], ...live });
  const resourceId = (await refreshDroplet(db, provisioningDepsFromEnv(db, env()).doClient(), String(droplet.id)))!;
  await recordProvisioned(db, resourceId, spec, "arcadia-app:user-1");
  await detectAll(db);
  const [drift] = await db.select().from(cloudDrift).where(eq(cloudDrift.resourceId, resourceId));
  return { droplet, drift: drift! };
}

describe("POST /api/v1/drift/{id}/revert", () => {
  it("answers 202 with the revert_drift request, whose saga resizes the droplet and closes the drift reverted", async () => {
    const { droplet, drift } = await drifted({ sizeSlug: "s-1vcpu-1gb" }, { size_slug: "s-1vcpu-2gb" });
    const { status, body } = await revert(drift.id);
    expect(status).toBe(202);
    expect(body.data).toMatchObject({ action: "revert_drift", status: "queued", tenant_id: "acme", steps: [], params: { drift_id: drift.id, size: "s-1vcpu-2gb" } });
    await settleProvisioningRuns();
    expect((await getRequestOrThrow(getDb().db, body.data.id)).status).toBe("succeeded");
    expect(fakeDo().account.droplets.find((d) => d.id === droplet.id)?.size_slug).toBe("s-1vcpu-2gb");
    const [closed] = await getDb().db.select().from(cloudDrift).where(eq(cloudDrift.id, drift.id));
    expect(closed).toMatchObject({ status: "reverted", resolvedBy: "arcadia-app:user-1", revertRequestId: body.data.id });
  });

  it("answers 422 not_revertible naming the field DO cannot change in place", async () => {
    const { drift } = await drifted({ region: "syd1" }, { region: "sgp1" });
    const { status, body } = await revert(drift.id);
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: "not_revertible", details: { fields: [{ field: "region", reason: expect.any(String) }] } });
  });

  it("answers 409 for a drift already closed, 404 for none, and refuses tenant tokens (403)", async () => {
    const { drift } = await drifted({ tags: ["tenant:acme", "env:prod"] }, { tags: ["tenant:acme"] });
    expect((await revert(drift.id, tenantToken("acme"))).status).toBe(403);
    expect((await revert(drift.id, "not-a-token")).status).toBe(401);
    const res = await accept(apiRequest(`/api/v1/drift/${drift.id}/accept`, { method: "POST", token: adminToken() }), routeParams({ id: drift.id }));
    expect(res.status).toBe(200);
    const again = await revert(drift.id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", details: { status: "accepted" } });
    expect((await revert(randomUUID())).status).toBe(404);
  });
});
