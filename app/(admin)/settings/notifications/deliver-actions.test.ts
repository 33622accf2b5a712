import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMarginTarget } from "@/lib/billing/margin-target";
import { idleResult } from "@/lib/http/action-result";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import { listRecentDeliveries } from "@/lib/notifications/list-endpoints";
import { resetEnvCache } from "@/lib/platform/env";
import { adminUser, formData as form, setupAdminActionRuntime, tenantUser, thrownDigest } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { createTestEndpoint, localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { resendDeliveryAction, sendTestNotificationAction, setMarginTargetAction } from "./actions";

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();
let receiver: WebhookReceiver;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  resetEnvCache();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  resetEnvCache();
  await receiver?.close();
});

describe("Send test, Resend and the target margin on the settings page", () => {
  it("Send test delivers to the endpoint now and answers what the receiver said", async () => {
    signInAs(adminUser);
    const endpoint = await createTestEndpoint(getDb().db, `${receiver.url}/test-button`, ["drift.detected"]);
    const result = await sendTestNotificationAction(idleResult, form({ endpoint_id: endpoint.id }));
    expect(result).toMatchObject({ status: "ok", message: expect.stringMatching(/^Delivered: answered 204/), data: { isSuccess: true } });
    expect(receiver.received.map((r) => r.path)).toContain("/test-button");
    const [delivery] = await listRecentDeliveries(getDb().db);
    expect(delivery).toMatchObject({ type: "notification.test", status: "succeeded", attempts: 1 });
    expect(revalidated()).toEqual(["/settings/notifications"]);
  });

  it("Resend sends a logged delivery again now; a failure is the receiver's answer, not an error of ours", async () => {
    signInAs(adminUser);
    await createTestEndpoint(getDb().db, `${receiver.url}/resend-button`, ["job.abandoned"]);
    await recordAbandonedJob(getDb().db);
    await drainOutbox(getDb().db, localDelivery);
    const [delivery] = await listRecentDeliveries(getDb().db);
    receiver.setAnswer(() => ({ status: 500 }));
    const failed = await resendDeliveryAction(idleResult, form({ delivery_id: delivery!.id }));
    receiver.setAnswer(() => ({ status: 204 }));
    expect(failed).toMatchObject({ status: "ok", message: expect.stringMatching(/^Not delivered: .*500/), data: { isSuccess: false } });
    const ok = await resendDeliveryAction(idleResult, form({ delivery_id: delivery!.id }));
    expect(ok).toMatchObject({ status: "ok", data: { isSuccess: true } });
    expect(await resendDeliveryAction(idleResult, form({ delivery_id: "nope" }))).toMatchObject({ status: "error", message: "That delivery could not be identified; reload the page." });
  });

  it("the target margin is validated on its field and saved for everyone", async () => {
    signInAs(adminUser);
    expect(await setMarginTargetAction(idleResult, form({ target: "120" }))).toMatchObject({ status: "error", fieldErrors: { target: "A target margin must be under 100 %." } });
    expect(await getMarginTarget(getDb().db)).toBeNull();
    expect(await setMarginTargetAction(idleResult, form({ target: "35.5" }))).toMatchObject({ status: "ok", message: "Target gross margin: 35.5 %." });
    expect(await getMarginTarget(getDb().db)).toBe(35.5);
    expect(await setMarginTargetAction(idleResult, form({ target: "" }))).toMatchObject({ status: "ok", message: expect.stringMatching(/^No target margin/) });
    expect(await getMarginTarget(getDb().db)).toBeNull();
  });

  it("a tenant's session can do none of it", async () => {
    signInAs(tenantUser);
    expect(await thrownDigest(setMarginTargetAction(idleResult, form({ target: "10" })))).toMatch(/403/);
    expect(await getMarginTarget(getDb().db)).toBeNull();
  });
});
