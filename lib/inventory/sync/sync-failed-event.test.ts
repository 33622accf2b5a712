import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cloudSyncRuns, notificationOutbox } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { syncInventory } from "./sync-inventory";

// A failed sync run, an incomplete listing included, is announced (sync.failed) in the transaction that records it.

describe("sync.failed", () => {
  let t: TestDb;
  let fake: FakeDo;
  const sync = (kinds: Parameters<typeof syncInventory>[2]["kinds"]) =>
    syncInventory(t.db, createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, retryMaxMs: 5, maxRetries: 1 }), { kinds, refreshProjects: false, trigger: "cli" });
  const failures = () => t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "sync.failed"));

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeDo({ seed: 11, now: new Date("2026-05-15T12:00:00Z"), droplets: 60, volumes: 5 });
  });
  afterAll(async () => {
    await fake.close();
    await t.drop();
  });
  afterEach(() => fake.faults.clear());

  it("is not written for a sync that succeeds", async () => {
    await sync(["droplet", "volume"]);
    expect(await failures()).toEqual([]);
  });

  it("names each failed kind, saying which listing was incomplete", async () => {
    fake.faults.set("/v2/droplets", { type: "short_page", page: 1, drop: 5 });
    fake.faults.set("/v2/volumes", { type: "error", status: 500, times: Number.POSITIVE_INFINITY });
    await expect(sync(["droplet", "volume"])).rejects.toThrow(/2 of 2 kinds failed/);
    const [event, ...more] = await failures();
    expect(more).toEqual([]);
    const [run] = await t.db.select().from(cloudSyncRuns).where(eq(cloudSyncRuns.status, "failed"));
    expect(event!.data).toMatchObject({
      sync_run_id: run!.id,
      job_run_id: null,
      trigger: "cli",
      kinds: ["droplet", "volume"],
      finished_at: run!.finishedAt!.toISOString(),
    });
    const failed = (event!.data as { failed: { kind: string; error: string; incomplete_listing: boolean }[] }).failed;
    expect(failed).toEqual([
      { kind: "droplet", error: expect.stringContaining("incomplete"), incomplete_listing: true },
      { kind: "volume", error: expect.stringContaining("500"), incomplete_listing: false },
    ]);
  });
});
