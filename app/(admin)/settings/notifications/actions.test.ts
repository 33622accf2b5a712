import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idleResult } from "@/lib/http/action-result";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import { listAllEndpoints, listRecentDeliveries } from "@/lib/notifications/list-endpoints";
import { localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { resetEnvCache } from "@/lib/platform/env";
import { adminUser, formData as form, setupAdminActionRuntime } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { addEmailSubscriptionAction, addSlackEndpointAction, addWebhookEndpointAction } from "./actions";

const getDb = setupAppTestDb();
const { signInAs, revalidated } = setupAdminActionRuntime();

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  resetEnvCache();
});
afterAll(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  resetEnvCache();
});

describe("adding a webhook endpoint from the settings page", () => {
  it("registers it with its events and shows the signing secret once, in the answer", async () => {
    signInAs(adminUser);
    const result = await addWebhookEndpointAction(idleResult, form({ url: "http://127.0.0.1:9/hooks", events: "drift.detected, sync.failed" }));
    expect(result).toMatchObject({ status: "ok", message: expect.stringMatching(/shown only now: whsec_[A-Za-z0-9+/=]+$/) });
    const [endpoint] = await listAllEndpoints(getDb().db);
    expect(endpoint).toMatchObject({ channel: "webhook", url: "http://127.0.0.1:9/hooks", events: ["drift.detected", "sync.failed"], createdBy: "admin@example.com" });
    expect(revalidated()).toEqual(["/settings/notifications"]);
  });

  it("an unknown event type goes back to the field, and nothing is registered", async () => {
    signInAs(adminUser);
    const before = (await listAllEndpoints(getDb().db)).length;
    const result = await addWebhookEndpointAction(idleResult, form({ url: "http://127.0.0.1:9/other", events: "drift.detected nope" }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { events: "Unknown event type: nope." } });
    expect(await listAllEndpoints(getDb().db)).toHaveLength(before);
  });

  it("the delivery log shows an event delivered to an endpoint added here", async () => {
    const receiver = await startWebhookReceiver();
    try {
      signInAs(adminUser);
      await addWebhookEndpointAction(idleResult, form({ url: `${receiver.url}/log`, events: "job.abandoned" }));
      await recordAbandonedJob(getDb().db, "logged-job");
      await drainOutbox(getDb().db, localDelivery);
      const [delivery] = await listRecentDeliveries(getDb().db);
      expect(delivery).toMatchObject({ type: "job.abandoned", endpointUrl: `${receiver.url}/log`, status: "succeeded", attempts: 1 });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("an admin subscribes their address to events by email, as a daily digest when ticked", async () => {
    signInAs(adminUser);
    const result = await addEmailSubscriptionAction(idleResult, form({ email: "admin@example.com", events: "budget.threshold", digest: "on" }));
    expect(result).toMatchObject({ status: "ok", message: "admin@example.com gets these events in a daily digest." });
    await addEmailSubscriptionAction(idleResult, form({ email: "ops@example.com", events: "sync.failed" }));
    const email = (await listAllEndpoints(getDb().db)).filter((e) => e.channel === "email");
    expect(email.map((e) => [e.url, e.events, e.digest])).toEqual([
      ["mailto:ops@example.com", ["sync.failed"], false],
      ["mailto:admin@example.com", ["budget.threshold"], true],
    ]);
  });

  it("adds a Slack incoming webhook, and a URL that is not http(s) goes back to its field", async () => {
    signInAs(adminUser);
    expect(await addSlackEndpointAction(idleResult, form({ url: "http://127.0.0.1:9/services/T/B/x", events: "drift.detected" }))).toMatchObject({ status: "ok" });
    const refused = await addSlackEndpointAction(idleResult, form({ url: "ftp://127.0.0.1/x", events: "drift.detected" }));
    expect(refused).toMatchObject({ status: "error", fieldErrors: { url: expect.any(String) } });
    expect((await listAllEndpoints(getDb().db)).filter((e) => e.channel === "slack").map((e) => e.url)).toEqual(["http://127.0.0.1:9/services/T/B/x"]);
  });
});
