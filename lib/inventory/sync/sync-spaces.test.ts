import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudResourceEvents, cloudResources, cloudSyncRuns, resourceUsageSamples } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import { createSpacesClient } from "@/lib/digitalocean/spaces-client";
import { resetEnvCache } from "@/lib/platform/env";
import { logger } from "@/lib/platform/log";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { type S3rver, s3rverKeys, startS3rver } from "@/test/start-s3rver";
import type { SpacesSource } from "./sources";
import { SyncFailedError, syncInventory } from "./sync-inventory";
import { syncInventoryJob } from "./sync-inventory-job";

let t: TestDb;
let fake: FakeDo;
let s3: S3rver;
const today = new Date().toISOString().slice(0, 10);

const spaces = (over: Partial<Parameters<typeof createSpacesClient>[0]> = {}): SpacesSource => ({
  client: createSpacesClient({ ...s3rverKeys, regions: ["syd1", "sgp1"], endpoint: s3.endpoint, ...over }),
  tenantTagPrefix: "tenant:",
});
const doClient = () => createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, maxRetries: 1 });
/** `null`: Spaces not configured. */
const sync = (kinds: Parameters<typeof syncInventory>[2]["kinds"], source: SpacesSource | null = spaces()) =>
  syncInventory(t.db, doClient(), { kinds, refreshProjects: false, trigger: "cli", spaces: source ?? undefined });
const bucket = async (name: string) =>
  (await t.db.select().from(cloudResources).where(and(eq(cloudResources.kind, "spaces_bucket"), eq(cloudResources.providerId, name))))[0];
const eventsOf = async (id: string) =>
  (await t.db.select().from(cloudResourceEvents).where(eq(cloudResourceEvents.resourceId, id)).orderBy(asc(cloudResourceEvents.id))).map((e) => e.type);
const sampleOf = async (id: string) =>
  (await t.db.select().from(resourceUsageSamples).where(and(eq(resourceUsageSamples.resourceId, id), eq(resourceUsageSamples.day, today))))[0]?.value;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({ seed: 13, droplets: 5, now: new Date("2026-05-15T12:00:00Z") });
  s3 = await startS3rver();
  await s3.putBucket("tenant-acme--media", [1_000, 2_000]);
  await s3.putBucket("tenant-globex", [500]);
  await s3.putBucket("arcadia-assets", [10]);
}, 60_000);
afterAll(async () => {
  await s3.close();
  await fake.close();
  await t.drop();
});

describe("syncing Spaces buckets from a real S3-compatible server", () => {
  it("records each bucket as spaces_bucket with its stored bytes, the tenant its name names, and today's sample", async () => {
    const result = await sync(["spaces_bucket"]);
    expect(result.counts).toMatchObject({ seen: 3, created: 3, deleted: 0 });
    const media = await bucket("tenant-acme--media");
    expect(media).toMatchObject({ name: "tenant-acme--media", region: "syd1", status: "active", tags: ["tenant:acme"] });
    expect(media?.attrs).toMatchObject({ stored_bytes: 3_000, object_count: 2, project: null });
    expect((await bucket("tenant-globex"))?.tags).toEqual(["tenant:globex"]);
    expect((await bucket("arcadia-assets"))?.tags).toEqual([]);
    expect(await eventsOf(media!.id)).toEqual(["created"]);
    expect(await sampleOf(media!.id)).toBe(3_000);
  });

  it("a later sync the same day refreshes the size and today's sample without an updated event", async () => {
    await s3.putObject("tenant-acme--media", "more", 4_000);
    const result = await sync(["spaces_bucket"]);
    expect(result.counts).toMatchObject({ seen: 3, created: 0, updated: 0 });
    const media = await bucket("tenant-acme--media");
    expect(media?.attrs).toMatchObject({ stored_bytes: 7_000, object_count: 3 });
    expect(await eventsOf(media!.id)).toEqual(["created"]);
    expect(await sampleOf(media!.id)).toBe(7_000);
  });

  it("tombstones a bucket gone from a complete listing, never on an incomplete one", async () => {
    await s3.deleteBucket("tenant-globex");
    const unreachable = spaces({ endpoint: "http://127.0.0.1:9" });
    await expect(sync(["spaces_bucket"], unreachable)).rejects.toThrow(/spaces_bucket: Spaces listing incomplete/);
    expect((await bucket("tenant-globex"))?.deletedAt).toBeNull();

    const result = await sync(["spaces_bucket"]);
    expect(result.counts).toMatchObject({ seen: 2, deleted: 1 });
    const globex = await bucket("tenant-globex");
    expect(globex?.deletedAt).toBeInstanceOf(Date);
    expect(await eventsOf(globex!.id)).toEqual(["created", "deleted"]);
  });

  it("every kind covers Spaces only when it is configured; refused keys fail that kind alone", async () => {
    await sync([], null);
    const [run] = await t.db.select().from(cloudSyncRuns).orderBy(desc(cloudSyncRuns.startedAt)).limit(1);
    expect(run?.kinds).toHaveLength(9);
    expect(run?.kinds).not.toContain("spaces_bucket");
    await expect(sync(["spaces_bucket"], null)).rejects.toThrow(/Spaces is not configured: set SPACES_ACCESS_KEY_ID/);

    const refused = spaces({ accessKeyId: "WRONG", secretAccessKey: "not-the-secret" });
    const error = await sync(["droplet", "spaces_bucket"], refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailedError);
    expect(String(error)).toMatch(/1 of 2 kinds failed: spaces_bucket: Spaces rejected the access key/);
    expect(String(error)).not.toContain("not-the-secret");
  });

  it("the sync-inventory job takes Spaces from SPACES_* (SPACES_ENDPOINT for a local server)", async () => {
    await s3.putBucket("tenant-initech", [42]);
    Object.assign(process.env, { SPACES_ACCESS_KEY_ID: s3rverKeys.accessKeyId, SPACES_SECRET_ACCESS_KEY: s3rverKeys.secretAccessKey, SPACES_ENDPOINT: s3.endpoint });
    resetEnvCache();
    try {
      const ctx = { runId: randomUUID(), trigger: "cli" as const, log: logger(), reportProgress: async () => {} };
      await syncInventoryJob.run({ db: t.db, doClient }, { kinds: ["spaces_bucket"] }, ctx);
      expect(await bucket("tenant-initech")).toMatchObject({ tags: ["tenant:initech"], attrs: expect.objectContaining({ stored_bytes: 42 }) });
    } finally {
      for (const k of ["SPACES_ACCESS_KEY_ID", "SPACES_SECRET_ACCESS_KEY", "SPACES_ENDPOINT"]) delete process.env[k];
      resetEnvCache();
    }
  });
});
