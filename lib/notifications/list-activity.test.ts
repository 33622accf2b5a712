import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { recordAbandonedJob } from "@/test/notification-factories";
import { listActivity, parseActivityQuery } from "./list-activity";
import { recordEvent } from "./record-event";

describe("the activity feed", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lists every event newest first, whether or not anyone subscribed, and filters by type", async () => {
    await recordAbandonedJob(t.db, "older-job");
    await recordAbandonedJob(t.db, "newer-job");
    await recordEvent(t.db, {
      type: "drift.resolved",
      data: {
        drift_id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8d",
        resource: { id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8e", name: "web-1", kind: "droplet", region: "syd1" },
        field: "size",
        resolution: "stale",
        resolved_by: "detect-drift",
        resolved_at: "2026-11-25T10:00:00.000Z",
        expected: "s-1vcpu-1gb",
        actual: "s-1vcpu-1gb",
      },
    });
    const all = await listActivity(t.db, {});
    const jobs = all.filter((e) => e.type === "job.abandoned").map((e) => e.data.job);
    expect(jobs).toEqual(["newer-job", "older-job"]);
    expect(all.map((e) => e.type).sort()).toEqual(["drift.resolved", "job.abandoned", "job.abandoned"]);
    expect(all.find((e) => e.type === "job.abandoned")!.summary).toBe("A job run's process died: its heartbeat stopped");
    const filtered = await listActivity(t.db, { type: "job.abandoned" });
    expect(filtered.every((e) => e.type === "job.abandoned")).toBe(true);
    expect(filtered).toHaveLength(2);
  });

  it("an unknown type in the address is dropped and reported, not a failure", () => {
    expect(parseActivityQuery({ type: "nope" })).toEqual({ query: {}, isValid: false });
    expect(parseActivityQuery({ type: "drift.detected" })).toEqual({ query: { type: "drift.detected" }, isValid: true });
  });
});
