import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudResourceEvents, type CloudResourceEvent, resourceUsageSamples, usageRecords } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { meterUsage } from "./meter-usage";

// April 2026: 30 days, 720 hours. Events are written as the inventory sync writes them.

const getDb = setupAppTestDb();
const d = (iso: string) => new Date(iso);

async function events(resourceId: string, list: { type: CloudResourceEvent["type"]; at: string; payload?: Record<string, unknown> }[]) {
  await getDb().db.insert(cloudResourceEvents).values(list.map((e) => ({ resourceId, type: e.type, at: d(e.at), payload: e.payload ?? {} })));
}

beforeAll(async () => {
  const db = getDb().db;
  // Created on the 11th (DO's created_at; our sync saw it five minutes later): 20 days = 480 hours.
  const created = await createResource(db, { tags: ["tenant:acme"], providerCreatedAt: d("2026-04-11T00:00:00Z"), firstSeenAt: d("2026-04-11T00:05:00Z") });
  await events(created.id, [{ type: "created", at: "2026-04-11T00:05:00Z", payload: { size_slug: "s-1vcpu-1gb" } }]);
  // Deleted at noon on the 5th: 4.5 days = 108 hours.
  const deleted = await createResource(db, { tags: ["tenant:acme"], providerCreatedAt: d("2026-03-01T00:00:00Z"), deletedAt: d("2026-04-05T12:00:00Z") });
  await events(deleted.id, [
    { type: "created", at: "2026-03-01T00:10:00Z" },
    { type: "deleted", at: "2026-04-05T12:00:00Z" },
  ]);
  // Gone from the 10th to the 20th: 9 + 11 days = 480 hours.
  const restored = await createResource(db, { tags: ["tenant:acme"], providerCreatedAt: d("2026-01-01T00:00:00Z") });
  await events(restored.id, [
    { type: "created", at: "2026-01-01T00:00:00Z" },
    { type: "deleted", at: "2026-04-10T00:00:00Z" },
    { type: "restored", at: "2026-04-20T00:00:00Z" },
  ]);
  // Resized from 100 to 200 GB on the 16th: (100 × 15 + 200 × 15) / 30 = 150 GB-months.
  const volume = await createResource(db, {
    kind: "volume",
    tags: ["tenant:globex"],
    sizeSlug: "200gb",
    attrs: { size_gigabytes: 200 },
    providerCreatedAt: d("2026-03-15T00:00:00Z"),
  });
  await events(volume.id, [
    { type: "created", at: "2026-03-15T00:00:00Z", payload: { size_slug: "100gb" } },
    { type: "updated", at: "2026-04-16T00:00:00Z", payload: { changes: { size_slug: { old: "100gb", new: "200gb" }, "attrs.size_gigabytes": { old: 100, new: 200 } } } },
  ]);
  // A 30 GB snapshot from the 21st: 30 × 10/30 = 10 GB-months.
  const snapshot = await createResource(db, { kind: "snapshot", tags: ["tenant:globex"], sizeSlug: "30gb", attrs: { size_gigabytes: 30 }, providerCreatedAt: d("2026-04-21T00:00:00Z") });
  await events(snapshot.id, [{ type: "created", at: "2026-04-21T00:00:00Z" }]);
  // A Spaces bucket from the 11th (20 of 30 days), sampled at 10, 20 and 30 GiB: mean 20 × 20/30 = 13.333333 GB-months.
  // The droplet from the 11th sent 3 GiB out on each of two days: 6 GB of bandwidth.
  const bucket = await createResource(db, { kind: "spaces_bucket", tags: ["tenant:globex"], providerCreatedAt: d("2026-04-11T00:00:00Z") });
  await events(bucket.id, [{ type: "created", at: "2026-04-11T00:00:00Z" }]);
  const gib = 2 ** 30;
  await db.insert(resourceUsageSamples).values([
    { resourceId: bucket.id, metric: "stored_bytes", day: "2026-04-11", value: 10 * gib },
    { resourceId: bucket.id, metric: "stored_bytes", day: "2026-04-20", value: 20 * gib },
    { resourceId: bucket.id, metric: "stored_bytes", day: "2026-04-30", value: 30 * gib },
    // March's sample is not April's.
    { resourceId: bucket.id, metric: "stored_bytes", day: "2026-03-31", value: 1_000 * gib },
    { resourceId: created.id, metric: "public_outbound_bytes", day: "2026-04-12", value: 3 * gib },
    { resourceId: created.id, metric: "public_outbound_bytes", day: "2026-04-13", value: 3 * gib },
  ]);
  // Not a tenant's, or gone before April: not metered.
  await createResource(db, { tags: ["arcadia"], providerCreatedAt: d("2026-01-01T00:00:00Z") });
  await createResource(db, { tags: ["tenant:acme"], providerCreatedAt: d("2026-01-01T00:00:00Z"), deletedAt: d("2026-03-20T00:00:00Z") });
  await getDb().db.insert(usageRecords).values({ clientKey: "api-1", tenantId: "acme", resourceKind: "llm_tokens", period: "2026-04-01", quantity: "1000", source: "api" });
});

const usage = async () =>
  Object.fromEntries(
    (await getDb().db.select().from(usageRecords).where(eq(usageRecords.period, "2026-04-01"))).map((r) => [`${r.tenantId} ${r.resourceKind} ${r.source}`, Number(r.quantity)]),
  );

describe("meterUsage", () => {
  it("replays each resource's events: created mid-month, deleted, restored, resized", async () => {
    const result = await meterUsage(getDb().db, "2026-04-01", "tenant:");
    expect(result).toMatchObject({ tenants: 2, records: 5 });
    expect(await usage()).toEqual({
      "acme droplet_hours meter": 480 + 108 + 480,
      "acme bandwidth_gb meter": 6,
      "globex volume_gb_month meter": 150,
      "globex snapshot_gb_month meter": 10,
      "globex spaces_gb_month meter": 13.333333,
      "acme llm_tokens api": 1000,
    });
  });

  it("re-running replaces the month's metered rows and leaves posted usage alone", async () => {
    await meterUsage(getDb().db, "2026-04-01", "tenant:");
    expect(Object.keys(await usage())).toHaveLength(6);
  });

  it("meters March from the same history: the volume at 100 GB for 17 of 31 days", async () => {
    await meterUsage(getDb().db, "2026-03-01", "tenant:");
    const rows = await getDb().db.select().from(usageRecords).where(eq(usageRecords.period, "2026-03-01"));
    const volume = rows.find((r) => r.resourceKind === "volume_gb_month")!;
    expect(Number(volume.quantity)).toBeCloseTo((100 * 17) / 31, 5);
  });
});
