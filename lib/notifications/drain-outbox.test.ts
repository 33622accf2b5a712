import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { notificationEndpoints } from "@/db/schema";
import { createTestEndpoint, localDelivery, recordAbandonedJob } from "@/test/notification-factories";
import { useDeliveryTestDb } from "@/test/use-delivery-test-db";
import { claimDueDeliveries } from "./deliver-due";
import { dispatchEvents } from "./dispatch-events";
import { drainOutbox } from "./drain-outbox";
import { enableWebhookEndpoint, rotateWebhookSecret } from "./endpoints";
import { listWebhookDeliveries, resendDelivery } from "./list-deliveries";
import { retryDelaysSeconds } from "./retry-schedule";
import { secretKeyFromEnv } from "./secret-box";

describe("draining the outbox to webhook endpoints", () => {
  const t = useDeliveryTestDb();

  const log = (endpointId: string) => listWebhookDeliveries(t.db, endpointId, { limit: 50 }).then((p) => p.data);

  it("POSTs { type, timestamp, data } with Standard Webhooks headers that verify with the standardwebhooks package", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/hooks?source=arcadia`, ["job.abandoned"]);
    const other = await createTestEndpoint(t.db, `${t.receiver.url}/drift-only`, ["drift.detected"]);
    const eventId = await recordAbandonedJob(t.db, "sync-inventory");

    const summary = await drainOutbox(t.db, localDelivery);
    expect(summary).toMatchObject({ dispatched: 1, attempted: 1, succeeded: 1, failed: 0 });
    expect(t.receiver.received).toHaveLength(1);
    const [req] = t.receiver.received;
    expect(req).toMatchObject({ method: "POST", path: "/hooks?source=arcadia" });
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(req!.headers["webhook-id"]).toBe(eventId);
    expect(req!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(endpoint.secret).verify(req!.body, req!.headers) as Record<string, any>;
    expect(verified).toMatchObject({ type: "job.abandoned", data: { job: "sync-inventory", error: "its heartbeat stopped" } });
    expect(Date.parse(verified.timestamp)).not.toBeNaN();
    expect(() => new Webhook(other.secret).verify(req!.body, req!.headers)).toThrow(/No matching signature/);
    expect(() => new Webhook(endpoint.secret).verify(`${req!.body} `, req!.headers)).toThrow();

    const [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ event_id: eventId, event_type: "job.abandoned", status: "succeeded", attempts: 1, next_attempt_at: null });
    expect(delivery!.attempt_log).toEqual([expect.objectContaining({ outcome: "succeeded", status_code: 204, response_excerpt: null, error: null })]);
    expect(await log(other.id)).toEqual([]);

    expect(await drainOutbox(t.db, localDelivery)).toMatchObject({ dispatched: 0, attempted: 0 });
    expect(t.receiver.received).toHaveLength(1);
  });

  it("needs the signing key only when something is due, and then says which variable to set", async () => {
    const noKey = { allowPrivate: true, secretKey: secretKeyFromEnv.bind(null, { WEBHOOK_SECRET_KEY: undefined, NEXTAUTH_SECRET: undefined }) };
    await recordAbandonedJob(t.db); // no endpoint subscribes: dispatched to no one
    expect(await drainOutbox(t.db, noKey)).toMatchObject({ dispatched: 1, attempted: 0 });
    await createTestEndpoint(t.db, `${t.receiver.url}/keyless`);
    await recordAbandonedJob(t.db);
    await expect(drainOutbox(t.db, noKey)).rejects.toThrow(/set WEBHOOK_SECRET_KEY \(or NEXTAUTH_SECRET\)/);
    expect(t.receiver.received).toEqual([]);
  });

  it("retries a failing endpoint on the schedule, then gives up and disables it with a notice", async () => {
    t.receiver.setAnswer(() => ({ status: 503, body: "upstream down" }));
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/down`);
    await recordAbandonedJob(t.db);
    let clock = new Date("2026-11-25T09:00:00.000Z");
    const opts = { ...localDelivery, now: () => clock };
    const advance = (seconds: number) => {
      clock = new Date(clock.getTime() + seconds * 1000);
    };

    expect(await drainOutbox(t.db, opts)).toMatchObject({ attempted: 1, failed: 1, gaveUp: 0 });
    for (const [i, delay] of retryDelaysSeconds.entries()) {
      advance(delay - 1);
      expect((await drainOutbox(t.db, opts)).attempted, `a second before retry ${i + 1}`).toBe(0);
      advance(1);
      const summary = await drainOutbox(t.db, opts);
      expect(summary.attempted, `retry ${i + 1}`).toBe(1);
      expect(summary.disabled, `retry ${i + 1}`).toBe(i === retryDelaysSeconds.length - 1 ? 1 : 0);
    }
    expect(t.receiver.received).toHaveLength(retryDelaysSeconds.length + 1);
    const [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 8, next_attempt_at: null });
    expect(delivery!.attempt_log.map((a) => [a.status_code, a.response_excerpt, a.error])).toEqual(
      Array(8).fill([503, "upstream down", "answered 503 Service Unavailable"]),
    );
    const gaps = delivery!.attempt_log.slice(1).map((a, i) => (Date.parse(a.attempted_at) - Date.parse(delivery!.attempt_log[i]!.attempted_at)) / 1000);
    expect(gaps).toEqual([...retryDelaysSeconds]);

    const [disabled] = await t.db.select().from(notificationEndpoints).where(eq(notificationEndpoints.id, endpoint.id));
    expect(disabled).toMatchObject({ status: "disabled", disabledAt: clock, failingSince: new Date("2026-11-25T09:00:00.000Z") });
    expect(disabled!.disabledReason).toMatch(/every delivery attempt has failed since 2026-11-25T09:00:00Z/);

    // Disabled: new events wait for it.
    await recordAbandonedJob(t.db);
    advance(60);
    expect(await drainOutbox(t.db, opts)).toMatchObject({ dispatched: 1, attempted: 0 });
  });

  it("does not disable an endpoint that answered in between: sustained failure only", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/flaky`);
    let clock = new Date("2026-11-25T09:00:00.000Z");
    const opts = { ...localDelivery, now: () => clock };
    t.receiver.setAnswer((r) => ({ status: r.body.includes("doomed") ? 500 : 204 }));
    await recordAbandonedJob(t.db, "doomed");
    await drainOutbox(t.db, opts);
    for (const delay of retryDelaysSeconds) {
      clock = new Date(clock.getTime() + delay * 1000);
      await recordAbandonedJob(t.db, "fine"); // another event to the same endpoint succeeds in every round
      await drainOutbox(t.db, opts);
    }
    const [row] = await t.db.select().from(notificationEndpoints).where(eq(notificationEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ status: "enabled", disabledAt: null });
    expect((await log(endpoint.id)).filter((d) => d.status === "failed")).toHaveLength(1);
  });

  it("sends a delivery whose drain died mid-send once its lease ends, with the same webhook-id", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/lease`);
    const eventId = await recordAbandonedJob(t.db);
    const start = new Date();
    await dispatchEvents(t.db, start);
    // A drain claims it, then its process dies: no attempt is recorded.
    const [claimed] = await claimDueDeliveries(t.db, start, 10);
    expect(claimed?.event.id).toBe(eventId);
    expect(await drainOutbox(t.db, localDelivery)).toMatchObject({ attempted: 0 });
    const afterLease = new Date(claimed!.lease.getTime() + 1);
    expect(await drainOutbox(t.db, { ...localDelivery, now: () => afterLease })).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(t.receiver.received.map((r) => r.headers["webhook-id"])).toEqual([eventId]);
    expect((await log(endpoint.id))[0]).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/rotating`);
    const now = new Date();
    const rotated = await rotateWebhookSecret(t.db, endpoint.id, { ...localDelivery, now });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    await recordAbandonedJob(t.db);
    await drainOutbox(t.db, localDelivery);
    const [during] = t.receiver.received;
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(endpoint.secret).verify(during!.body, during!.headers)).toBeTruthy();
    expect(new Webhook(rotated.secret).verify(during!.body, during!.headers)).toBeTruthy();

    await recordAbandonedJob(t.db);
    const afterOverlap = new Date(Date.parse(rotated.previous_secret_expires_at) + 1000);
    await drainOutbox(t.db, { ...localDelivery, now: () => afterOverlap });
    const after = t.receiver.received[1]!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new Webhook(rotated.secret).sign(after.headers["webhook-id"]!, afterOverlap, after.body)).toBe(after.headers["webhook-signature"]);
  });

  it("keeps a kilobyte of the answer, follows no redirect and gives up on a receiver that does not answer", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/odd`);
    t.receiver.setAnswer((r) =>
      r.body.includes("big")
        ? { status: 200, body: "x".repeat(100_000) }
        : r.body.includes("moved")
          ? { status: 302, headers: { location: `${t.receiver.url}/elsewhere` } }
          : { status: 204, delayMs: 2000 },
    );
    await recordAbandonedJob(t.db, "big");
    await recordAbandonedJob(t.db, "moved");
    await recordAbandonedJob(t.db, "hung");
    await drainOutbox(t.db, { ...localDelivery, timeoutMs: 300 });
    const byJob = new Map((await log(endpoint.id)).map((d) => [d.event_id, d]));
    const attempts = [...byJob.values()].map((d) => d.attempt_log[0]!);
    expect(attempts.find((a) => a.status_code === 200)!.response_excerpt).toHaveLength(1024);
    expect(attempts.find((a) => a.status_code === 302)).toMatchObject({ outcome: "failed", error: "answered 302 Found" });
    expect(attempts.find((a) => a.status_code === null)).toMatchObject({ outcome: "failed", error: "no answer within 0.3 s" });
    expect(t.receiver.received.some((r) => r.path === "/elsewhere")).toBe(false);
  });

  it("holds a disabled endpoint's waiting deliveries until it is enabled again, and resends on request", async () => {
    const endpoint = await createTestEndpoint(t.db, `${t.receiver.url}/paused`);
    t.receiver.setAnswer(() => ({ status: 500 }));
    await recordAbandonedJob(t.db);
    let clock = new Date();
    const opts = { ...localDelivery, now: () => clock };
    expect(await drainOutbox(t.db, opts)).toMatchObject({ attempted: 1, failed: 1 });
    await t.db.update(notificationEndpoints).set({ status: "disabled", disabledAt: clock, disabledReason: "paused by the test" }).where(eq(notificationEndpoints.id, endpoint.id));
    t.receiver.setAnswer(() => ({ status: 204 }));
    clock = new Date(clock.getTime() + 3600_000);
    expect(await drainOutbox(t.db, opts)).toMatchObject({ attempted: 0 });

    expect(await enableWebhookEndpoint(t.db, endpoint.id)).toMatchObject({ status: "enabled", disabled_reason: null });
    expect(await drainOutbox(t.db, opts)).toMatchObject({ attempted: 1, succeeded: 1 });
    const [delivery] = await log(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });

    const resent = await resendDelivery(t.db, delivery!.id, clock);
    expect(resent).toMatchObject({ status: "pending", attempts: 0 });
    expect(await drainOutbox(t.db, opts)).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(new Set(t.receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(t.receiver.received).toHaveLength(3);
    expect((await log(endpoint.id))[0]!.attempt_log.map((a) => a.outcome)).toEqual(["failed", "succeeded", "succeeded"]);
  });
});
