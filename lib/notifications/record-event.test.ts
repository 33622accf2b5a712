import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { eventCatalog, eventTypes, type NotificationEvent } from "./event-catalog";
import { recordEvent, recordEvents } from "./record-event";

const abandoned = (job: string): NotificationEvent => ({
  type: "job.abandoned",
  data: { job_run_id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c", job, started_at: "2026-11-25T09:00:00.000Z", heartbeat_at: "2026-11-25T09:01:00.000Z", error: "its heartbeat stopped" },
});

describe("recording events in the outbox", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("catalogues every event type the issue names, each with a schema", () => {
    expect(eventTypes).toEqual([
      "drift.detected",
      "drift.resolved",
      "sync.failed",
      "invoice.ingested",
      "invoice.failed",
      "invoice.unreconciled",
      "cost.anomaly",
      "usage.unbilled",
      "margin.below_target",
      "budget.threshold",
      "job.abandoned",
      "provisioning.requested",
      "provisioning.succeeded",
      "provisioning.failed",
      "notification.test",
    ]);
    for (const type of eventTypes) expect(eventCatalog[type].schema, type).toBeTruthy();
  });

  it("writes an event with a stable id and the change's time, and exists only if the transaction commits", async () => {
    const occurredAt = new Date("2026-11-25T09:05:00.000Z");
    const id = await t.db.transaction((tx) => recordEvent(tx, { ...abandoned("committed"), occurredAt }));
    const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id));
    expect(row).toMatchObject({ type: "job.abandoned", occurredAt, dispatchedAt: null, data: { job: "committed" } });

    await expect(
      t.db.transaction(async (tx) => {
        await recordEvent(tx, abandoned("rolled-back"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const all = await t.db.select({ data: notificationOutbox.data }).from(notificationOutbox);
    expect(all.map((r) => r.data.job)).not.toContain("rolled-back");
  });

  it("refuses data the catalogue does not describe, so a producer's mistake fails its own transaction", async () => {
    const bad = { type: "job.abandoned", data: { job: "x" } } as unknown as NotificationEvent;
    await expect(t.db.transaction((tx) => recordEvent(tx, bad))).rejects.toThrow();
  });

  it("writes large batches in a few statements", async () => {
    const ids = await recordEvents(t.db, Array.from({ length: 2500 }, (_, i) => abandoned(`batch-${i}`)));
    expect(new Set(ids).size).toBe(2500);
  });
});
