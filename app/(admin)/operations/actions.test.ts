import { afterAll, describe, expect, it } from "vitest";
import { settleProvisioningRuns } from "@/jobs/provisioning-runs";
import { idleResult } from "@/lib/http/action-result";
import { getRequestOrThrow } from "@/lib/provisioning/get-request";
import { adminUser as admin, formData as form, thrownDigest as digestOf, setupAdminActionRuntime, tenantUser } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { seedProvisioningRequest } from "@/test/provisioning-factories";
import { approveRequestAction, cancelRequestAction, rejectRequestAction } from "./actions";

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();
// Approving wakes the request's saga in this process (it fails fast: PROVISIONING_ENABLED is not set here).
afterAll(() => settleProvisioningRuns());

describe("the /operations actions", () => {
  it("approve, reject and cancel as the signed-in admin, and refresh the pages that show requests", async () => {
    signInAs(admin);
    const { db } = getDb();
    const toApprove = await seedProvisioningRequest(db, { status: "awaiting_approval", needsApproval: true });
    const toReject = await seedProvisioningRequest(db, { status: "awaiting_approval", needsApproval: true });
    const toCancel = await seedProvisioningRequest(db, { status: "queued" });
    expect(await approveRequestAction(idleResult, form({ id: toApprove.id }))).toMatchObject({ status: "ok" });
    expect((await getRequestOrThrow(db, toApprove.id)).approval).toMatchObject({ decision: "approved", decided_by: "admin@example.com" });
    expect(await rejectRequestAction(idleResult, form({ id: toReject.id }))).toMatchObject({ status: "ok" });
    expect((await getRequestOrThrow(db, toReject.id)).status).toBe("cancelled");
    expect(await cancelRequestAction(idleResult, form({ id: toCancel.id }))).toMatchObject({ status: "ok" });
    expect(await getRequestOrThrow(db, toCancel.id)).toMatchObject({ status: "cancelled", error: "cancelled by admin@example.com" });
    expect(revalidated()).toContain("/operations (layout)");
    expect(revalidated()).toContain("/tenants (layout)");
  });

  it("refuse what the request's status does not allow, a tenant's session, and a malformed id", async () => {
    const { db } = getDb();
    const done = await seedProvisioningRequest(db, { status: "succeeded" });
    signInAs(admin);
    expect(await cancelRequestAction(idleResult, form({ id: done.id }))).toMatchObject({ status: "error", code: "not_cancellable", message: expect.stringMatching(/succeeded.*refreshed/) });
    expect(await approveRequestAction(idleResult, form({ id: done.id }))).toMatchObject({ status: "error", code: "conflict" });
    expect(await cancelRequestAction(idleResult, form({ id: "nope" }))).toMatchObject({ status: "error", message: "Unknown request." });
    signInAs(tenantUser);
    expect(await digestOf(cancelRequestAction(idleResult, form({ id: done.id })))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });
});
