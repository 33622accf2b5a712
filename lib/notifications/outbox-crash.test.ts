import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbHandle, type DbHandle } from "@/db/client";
import { notificationOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createTestEndpoint, localDelivery } from "@/test/notification-factories";
import { runTsx } from "@/test/run-tsx";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { drainOutbox } from "./drain-outbox";

// The outbox's promise: an event written with its change survives the process dying before delivery, and the next
// drain (another process) delivers it exactly once. With PGlite the child and this test take turns on a data directory.
describe("the outbox survives a crash between the change and the delivery", () => {
  let t: TestDb | undefined;
  let dataDir: string | undefined;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestDb();
    if (t.driver === "pglite") {
      await t.drop();
      t = undefined;
      dataDir = mkdtempSync(path.join(tmpdir(), "arcadia-outbox-crash-"));
    }
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers the drift.detected a killed job committed, once", async () => {
    const child = runTsx("test/outbox-crash-child.ts", [], t?.url ? { DATABASE_URL: t.url } : { DATA_DIR: dataDir });
    let committed: RegExpExecArray | null = null;
    for (const until = Date.now() + 60_000; !committed; ) {
      committed = /^committed (\S+) (\d+)$/m.exec(child.output());
      if (child.child.exitCode !== null || Date.now() > until) throw new Error(`child did not commit: ${child.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const [, resourceId, pid] = committed;
    process.kill(Number(pid), "SIGKILL");
    await child.done;

    const handle: DbHandle = createDbHandle(t ? { databaseUrl: t.url } : { dataDir, lockOwner: { role: "test" } });
    try {
      const [event] = await handle.db.select().from(notificationOutbox);
      expect(event).toMatchObject({ type: "drift.detected", dispatchedAt: null });
      await createTestEndpoint(handle.db, `${receiver.url}/after-crash`, ["drift.detected"]);
      expect(await drainOutbox(handle.db, localDelivery)).toMatchObject({ dispatched: 1, attempted: 1, succeeded: 1 });
      expect(await drainOutbox(handle.db, localDelivery)).toMatchObject({ dispatched: 0, attempted: 0 });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers["webhook-id"]).toBe(event!.id);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "drift.detected", data: { resource: { id: resourceId, name: "crash-web-01" } } });
    } finally {
      await handle.close();
    }
  }, 90_000);
});
