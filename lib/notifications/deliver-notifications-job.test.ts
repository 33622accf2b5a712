import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { createResource } from "@/test/factories";
import { createTestEndpoint, recordAbandonedJob } from "@/test/notification-factories";
import { runTsx } from "@/test/run-tsx";
import { createSharedTestDb, type SharedTestDb } from "@/test/shared-test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";

// `npm run job` as a real child process, without Inngest: deliver-notifications drains the outbox, and every other job
// drains it when it ends. The child reads the signing key from NEXTAUTH_SECRET and WEBHOOK_ALLOW_PRIVATE=1 lets it
// reach the receiver on 127.0.0.1. With PGlite the child and this test take turns on a data directory.

let shared: SharedTestDb;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  shared = await createSharedTestDb("arcadia-deliver-cli-");
});
afterAll(async () => {
  await receiver?.close();
  await shared?.drop();
});
const runJob = (...args: string[]) =>
  runTsx("scripts/job.ts", args, {
    ...shared.childEnv,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
    WEBHOOK_ALLOW_PRIVATE: "1",
  }).done;

describe("deliver-notifications from the command line", () => {
  it("npm run job -- deliver-notifications sends what is in the outbox, signed", async () => {
    const { endpoint, eventId } = await shared.withDb(async (db) => ({
      endpoint: await createTestEndpoint(db, `${receiver.url}/cli`),
      eventId: await recordAbandonedJob(db, "cli-test"),
    }));
    const run = await runJob("deliver-notifications");
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("deliver-notifications: 1 new events; 1 attempts: 1 delivered");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(eventId);
    expect(new Webhook(endpoint.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toMatchObject({ data: { job: "cli-test" } });
  }, 90_000);

  it("every other job delivers what it recorded when it ends: the drift sweep's drift.detected", async () => {
    const resourceId = await shared.withDb(async (db) => {
      await createTestEndpoint(db, `${receiver.url}/drift`, ["drift.detected"]);
      const r = await createResource(db, { name: "cli-web-01", sizeSlug: "s-2vcpu-4gb" });
      await recordProvisioned(db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
      return r.id;
    });
    const run = await runJob("detect-drift");
    expect(run.code, run.output).toBe(0);
    const drift = receiver.received.filter((r) => r.path === "/drift");
    expect(drift).toHaveLength(1);
    expect(JSON.parse(drift[0]!.body)).toMatchObject({ type: "drift.detected", data: { resource: { id: resourceId, name: "cli-web-01" }, field: "size_slug" } });
  }, 90_000);
});
