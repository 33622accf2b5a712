import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { type KeyedEvent, recordEventsOnce, stableEventId } from "./record-event-once";

const testEvent = (key: string, message: string): KeyedEvent => ({
  key,
  type: "notification.test",
  data: { endpoint_id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c", requested_by: "admin", message },
});

describe("recording an event once per key", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("names each key with one version-5 UUID, always the same", () => {
    const id = stableEventId("cost.anomaly:kind:droplet:2026-11");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableEventId("cost.anomaly:kind:droplet:2026-11")).toBe(id);
    expect(stableEventId("cost.anomaly:kind:droplet:2026-12")).not.toBe(id);
  });

  it("writes a key's event the first time only, whatever its data says later", async () => {
    const key = `once-${Math.random()}`;
    expect(await recordEventsOnce(t.db, [testEvent(key, "first")])).toEqual([stableEventId(key)]);
    expect(await recordEventsOnce(t.db, [testEvent(key, "second"), testEvent(`${key}-other`, "other")])).toEqual([stableEventId(`${key}-other`)]);
    const rows = await t.db.select().from(notificationOutbox).where(inArray(notificationOutbox.id, [stableEventId(key)]));
    expect(rows.map((r) => r.data.message)).toEqual(["first"]);
  });

  it("writes nothing when the transaction rolls back, so the next run announces it", async () => {
    const key = `rollback-${Math.random()}`;
    await expect(
      t.db.transaction(async (tx) => {
        await recordEventsOnce(tx, [testEvent(key, "lost")]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await recordEventsOnce(t.db, [testEvent(key, "kept")])).toEqual([stableEventId(key)]);
  });
});
