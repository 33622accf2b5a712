import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationDeliveries, notificationEndpoints } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createTestEndpoint, localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { describeDeliverNow, resendDeliveryNow, sendTestNotification } from "./deliver-now";
import { drainOutbox } from "./drain-outbox";
import { listWebhookDeliveries } from "./list-deliveries";

describe("Send test and Resend", () => {
  let t: TestDb;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await createTestDb();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.drop();
  });

  it("sends a signed notification.test to that endpoint alone, at once, whatever it subscribes to, and logs the attempt", async () => {
    const endpoint = await createTestEndpoint(t.db, `${receiver.url}/tested`, ["drift.detected"]);
    const bystander = await createTestEndpoint(t.db, `${receiver.url}/bystander`, ["drift.detected"]);
    const result = await sendTestNotification(t.db, endpoint.id, "admin@example.com", localDelivery);
    expect(result.outcome).toMatchObject({ isSuccess: true, statusCode: 204 });
    expect(describeDeliverNow(result).message).toMatch(/^Delivered: answered 204 in \d+ ms\.$/);
    expect(receiver.received.map((r) => r.path)).toEqual(["/tested"]);
    const body = new Webhook(endpoint.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers) as Record<string, any>;
    expect(body).toMatchObject({ type: "notification.test", data: { endpoint_id: endpoint.id, requested_by: "admin@example.com" } });

    // The drain finds nothing to fan out: the event went to the one endpoint it was for.
    expect(await drainOutbox(t.db, localDelivery)).toMatchObject({ dispatched: 0, attempted: 0 });
    expect(receiver.received).toHaveLength(1);
    const [logged] = (await listWebhookDeliveries(t.db, endpoint.id, { limit: 10 })).data;
    expect(logged).toMatchObject({ event_type: "notification.test", status: "succeeded", attempts: 1, attempt_log: [{ outcome: "succeeded", status_code: 204 }] });
    expect((await listWebhookDeliveries(t.db, bystander.id, { limit: 10 })).data).toEqual([]);
  });

  it("says why a test was not delivered, and leaves it to the retry schedule", async () => {
    const endpoint = await createTestEndpoint(t.db, `${receiver.url}/broken`, ["drift.detected"]);
    receiver.setAnswer(() => ({ status: 503, body: "down for maintenance" }));
    const result = await sendTestNotification(t.db, endpoint.id, "admin", localDelivery);
    receiver.setAnswer(() => ({ status: 204 }));
    expect(describeDeliverNow(result)).toEqual({ isSuccess: false, message: expect.stringMatching(/^Not delivered: .*503.*retried on the schedule/) });
    const [delivery] = await t.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, result.deliveryId));
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("refuses a disabled or unknown endpoint", async () => {
    const endpoint = await createTestEndpoint(t.db, `${receiver.url}/off`, ["drift.detected"]);
    await t.db.update(notificationEndpoints).set({ status: "disabled", disabledAt: new Date() }).where(eq(notificationEndpoints.id, endpoint.id));
    await expect(sendTestNotification(t.db, endpoint.id, "admin", localDelivery)).rejects.toMatchObject({ code: "conflict" });
    await expect(sendTestNotification(t.db, "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c", "admin", localDelivery)).rejects.toMatchObject({ code: "not_found" });
  });

  it("resends a delivery from the log at once, with the same webhook-id", async () => {
    const endpoint = await createTestEndpoint(t.db, `${receiver.url}/again`, ["job.abandoned"]);
    const eventId = await recordAbandonedJob(t.db);
    await drainOutbox(t.db, localDelivery);
    const [first] = (await listWebhookDeliveries(t.db, endpoint.id, { limit: 10 })).data;
    receiver.received.length = 0;
    const result = await resendDeliveryNow(t.db, first!.id, localDelivery);
    expect(result.outcome).toMatchObject({ isSuccess: true });
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([eventId]);
    const [again] = (await listWebhookDeliveries(t.db, endpoint.id, { limit: 10 })).data;
    expect(again).toMatchObject({ id: first!.id, status: "succeeded", attempts: 1 });
    expect(again!.attempt_log).toHaveLength(2);
  });
});
