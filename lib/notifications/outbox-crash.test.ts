import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { createTestEndpoint, localDelivery } from "@/test/notification-factories";
import { runTsx } from "@/test/run-tsx";
import { createSharedTestDb, type SharedTestDb } from "@/test/shared-test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { drainOutbox } from "./drain-outbox";

// The outbox's promise: an event written with its change survives the process dying before delivery, and the next
// drain (another process) delivers it exactly once. With PGlite the child and this test take turns on a data directory.
describe("the outbox survives a crash between the change and the delivery", () => {
  let shared: SharedTestDb;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    shared = await createSharedTestDb("arcadia-outbox-crash-");
  });
  afterAll(async () => {
    await receiver?.close();
    await shared?.drop();
  });

  it("delivers the drift.detected a killed job committed, once", async () => {
    const child = runTsx("test/outbox-crash-child.ts", [], shared.childEnv);
    let committed: RegExpExecArray | null = null;
    for (const until = Date.now() + 60_000; !committed; ) {
      committed = /^committed (\S+) (\d+)$/m.exec(child.output());
      if (child.child.exitCode !== null || Date.now() > until) throw new Error(`child did not commit: ${child.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const [, resourceId, pid] = committed;
    process.kill(Number(pid), "SIGKILL");
    await child.done;

    await shared.withDb(async (db) => {
      const [event] = await db.select().from(notificationOutbox);
      expect(event).toMatchObject({ type: "drift.detected", dispatchedAt: null });
      await createTestEndpoint(db, `${receiver.url}/after-crash`, ["drift.detected"]);
      expect(await drainOutbox(db, localDelivery)).toMatchObject({ dispatched: 1, attempted: 1, succeeded: 1 });
      expect(await drainOutbox(db, localDelivery)).toMatchObject({ dispatched: 0, attempted: 0 });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers["webhook-id"]).toBe(event!.id);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "drift.detected", data: { resource: { id: resourceId, name: "crash-web-01" } } });
    });
  }, 90_000);
});
