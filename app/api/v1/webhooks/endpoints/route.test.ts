import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import { resetEnvCache } from "@/lib/platform/env";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { adminToken, tenantToken } from "@/test/jwt";
import { localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { POST as resend } from "../deliveries/[id]/resend/route";
import { GET as listDeliveries } from "./[id]/deliveries/route";
import { POST as enable } from "./[id]/enable/route";
import { POST as rotate } from "./[id]/rotate-secret/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

const getDb = setupAppTestDb();

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}
const create = (body: unknown, token = adminToken()) =>
  POST(apiRequest("/api/v1/webhooks/endpoints", { method: "POST", token, body: JSON.stringify(body), headers: { "content-type": "application/json" } })).then(json);
const list = (token = adminToken()) => GET(apiRequest("/api/v1/webhooks/endpoints", { token })).then(json);
const deliveries = (id: string) => listDeliveries(apiRequest(`/api/v1/webhooks/endpoints/${id}/deliveries`, { token: adminToken() }), routeParams({ id })).then(json);
const remove = (id: string) => DELETE(apiRequest(`/api/v1/webhooks/endpoints/${id}`, { method: "DELETE", token: adminToken() }), routeParams({ id })).then(json);

describe("the webhooks API", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    resetEnvCache();
    await receiver?.close();
  });

  it("refuses URLs on private, loopback and link-local addresses with a 400 naming the problem", async () => {
    const urls = {
      "https://127.0.0.1/hook": /127\.0\.0\.1 is loopback/,
      "https://10.20.30.40/hook": /10\.20\.30\.40 is private/,
      "https://169.254.169.254/latest/meta-data/": /link-local/,
      "https://[::1]/hook": /::1 is unspecified, loopback/,
      "https://[fd00::1]/hook": /unique-local/,
      "https://localhost:8443/hook": /localhost is loopback/,
      "http://hooks.example.com/hook": /must use https/,
      "ftp://hooks.example.com/hook": /http\(s\) URL/,
    };
    for (const [url, message] of Object.entries(urls)) {
      const res = await create({ url, events: ["drift.detected"] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.message, url).toMatch(message);
    }
    expect((await create({ url: "https://hooks.example.com/x", events: ["drift.exploded"] })).status).toBe(400);
    expect((await create({ url: "https://hooks.example.com/x", events: [] })).status).toBe(400);
    expect((await list()).body.data).toEqual([]);
  });

  it("registers an endpoint (platform_admin only), shows its whsec_ secret once, and lists it without", async () => {
    expect((await create({ url: "https://hooks.example.com/arcadia", events: ["drift.detected"] }, tenantToken())).status).toBe(403);
    const created = await create({ url: "https://hooks.example.com/arcadia", events: ["drift.detected", "drift.resolved", "drift.detected"] });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      url: "https://hooks.example.com/arcadia",
      events: ["drift.detected", "drift.resolved"],
      status: "enabled",
      created_by: "arcadia-app:user-1",
    });
    expect(created.body.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await list();
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ id: created.body.data.id, url: "https://hooks.example.com/arcadia" });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.data.secret.slice(6));
    expect(listed.body.data[0]).not.toHaveProperty("secret");
    expect((await list(tenantToken())).status).toBe(403);

    expect(await remove(created.body.data.id)).toMatchObject({ status: 200, body: { data: { id: created.body.data.id, deleted: true } } });
    expect((await remove(created.body.data.id)).status).toBe(404);
    expect((await deliveries(created.body.data.id)).status).toBe(404);
  });

  it("with WEBHOOK_ALLOW_PRIVATE=1: delivers to a local receiver, logs the delivery, rotates the secret and resends", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    resetEnvCache();
    const created = await create({ url: `${receiver.url}/in`, events: ["job.abandoned"] });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const eventId = await recordAbandonedJob(getDb().db, "detect-drift");
    await drainOutbox(getDb().db, localDelivery);
    expect(receiver.received).toHaveLength(1);
    expect(new Webhook(created.body.data.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toMatchObject({ type: "job.abandoned" });

    const log = await deliveries(id);
    expect(log.status).toBe(200);
    expect(log.body).toMatchObject({ next_cursor: null, data: [{ event_id: eventId, event_type: "job.abandoned", status: "succeeded", attempts: 1 }] });
    expect(log.body.data[0].attempt_log).toEqual([expect.objectContaining({ outcome: "succeeded", status_code: 204, latency_ms: expect.any(Number) })]);

    const rotated = await rotate(apiRequest(`/api/v1/webhooks/endpoints/${id}/rotate-secret`, { method: "POST", token: adminToken() }), routeParams({ id })).then(json);
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(/^whsec_/);
    expect(rotated.body.data.secret).not.toBe(created.body.data.secret);

    const deliveryId = log.body.data[0].id as string;
    const again = await resend(apiRequest(`/api/v1/webhooks/deliveries/${deliveryId}/resend`, { method: "POST", token: adminToken() }), routeParams({ id: deliveryId })).then(json);
    expect(again).toMatchObject({ status: 200, body: { data: { id: deliveryId, status: "pending", attempts: 0 } } });
    await drainOutbox(getDb().db, localDelivery);
    const resent = receiver.received[1]!;
    expect(resent.headers["webhook-id"]).toBe(eventId);
    for (const secret of [created.body.data.secret, rotated.body.data.secret]) expect(new Webhook(secret).verify(resent.body, resent.headers)).toBeTruthy();

    const enabled = await enable(apiRequest(`/api/v1/webhooks/endpoints/${id}/enable`, { method: "POST", token: adminToken() }), routeParams({ id })).then(json);
    expect(enabled).toMatchObject({ status: 200, body: { data: { id, status: "enabled" } } });
  });
});
