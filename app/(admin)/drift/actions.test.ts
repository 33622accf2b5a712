import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cloudDrift } from "@/db/schema";
import { settleProvisioningRuns } from "@/jobs/provisioning-runs";
import { detectAll } from "@/lib/drift/detect-all";
import { listRevertInfo } from "@/lib/drift/list-revert-info";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import type { Spec } from "@/lib/drift/schemas";
import { idleResult } from "@/lib/http/action-result";
import { env, } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { refreshDroplet } from "@/lib/provisioning/refresh-inventory";
import { adminUser as admin, thrownDigest as digestOf, setupAdminActionRuntime, tenantUser } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { revertDriftAction } from "./actions";
import { setupProvisioningFakeDo } from "@/test/provisioning-fake-do";

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();
const fakeDo = setupProvisioningFakeDo({ seed: 24, droplets: 1, actionDurationMs: 30 }, { beforeClose: settleProvisioningRuns });

async function drifted(spec: Spec) {
  const { db } = getDb();
  const droplet = fakeDo().addDroplet({ name: `ui-${randomUUID().slice(0, 8)}`, region: "syd1", status: "active", sizeSlug: "s-1vcpu-1gb", tags: ["tenant:acme"] });
  const resourceId = (await refreshDroplet(db, provisioningDepsFromEnv(db, env()).doClient(), String(droplet.id)))!;
  await recordProvisioned(db, resourceId, spec, "arcadia-app:user-1");
  await detectAll(db);
  return (await db.select().from(cloudDrift).where(eq(cloudDrift.resourceId, resourceId)))[0]!;
}

describe("revertDriftAction", () => {
  it("asks DO to revert as the signed-in admin; the inbox then shows the request, and the drift closes reverted", async () => {
    const drift = await drifted({ size_slug: "s-1vcpu-2gb" });
    expect((await listRevertInfo(getDb().db, [drift.id]))[drift.id]).toEqual({
      plan: { isRevertible: true, description: expect.stringMatching(/^Resize droplet ui-.* from s-1vcpu-1gb to s-1vcpu-2gb: DO powers it off/) },
      request: null,
    });
    signInAs(admin);
    const result = await revertDriftAction(idleResult, drift.id);
    expect(result).toMatchObject({ status: "ok", data: { id: drift.id, requestId: expect.any(String), isDryRun: false } });
    expect(revalidated()).toContain("/ (layout)");
    const info = (await listRevertInfo(getDb().db, [drift.id]))[drift.id];
    expect(info?.request?.id).toBe(result.status === "ok" ? result.data.requestId : null);
    await settleProvisioningRuns();
    const [closed] = await getDb().db.select().from(cloudDrift).where(eq(cloudDrift.id, drift.id));
    expect(closed).toMatchObject({ status: "reverted", resolvedBy: "admin@example.com" });
  });

  it("says why DO cannot revert, refuses a tenant's session and a malformed id", async () => {
    const drift = await drifted({ region: "nyc3" });
    expect((await listRevertInfo(getDb().db, [drift.id], () => provisioningDepsFromEnv(getDb().db, env()).doClient().listSizes()))[drift.id]?.plan).toMatchObject({ isRevertible: false, reason: expect.stringContaining("region") });
    signInAs(admin);
    expect(await revertDriftAction(idleResult, drift.id)).toMatchObject({ status: "error", code: "not_revertible", message: expect.stringMatching(/^Nothing was asked of DigitalOcean\. DO cannot change region/) });
    expect(await revertDriftAction(idleResult, "nope")).toMatchObject({ status: "error", message: "Choose a drift to revert." });
    signInAs(tenantUser);
    expect(await digestOf(revertDriftAction(idleResult, drift.id))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });
});
