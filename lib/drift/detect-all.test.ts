import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudDrift, cloudProvisioned, cloudResourceEvents, cloudResources } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { acceptDrift } from "./accept-drift";
import { detectAll } from "./detect-all";
import { getProvisioned, recordProvisioned } from "./record-provisioned";

describe("drift detection, end to end on the database", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const driftOf = (resourceId: string) =>
    t.db.select().from(cloudDrift).where(eq(cloudDrift.resourceId, resourceId)).orderBy(asc(cloudDrift.detectedAt), asc(cloudDrift.field));
  const openDriftOf = async (resourceId: string) => (await driftOf(resourceId)).filter((d) => d.status === "open");
  const eventsOf = (resourceId: string, type: "drift_detected" | "drift_accepted") =>
    t.db
      .select()
      .from(cloudResourceEvents)
      .where(and(eq(cloudResourceEvents.resourceId, resourceId), eq(cloudResourceEvents.type, type)))
      .orderBy(asc(cloudResourceEvents.id));
  const setLive = (id: string, patch: Partial<typeof cloudResources.$inferInsert>) =>
    t.db.update(cloudResources).set(patch).where(eq(cloudResources.id, id));

  it("runs the whole loop: detect one wrong field, accept it, find nothing, then follow the live value around", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb", region: "syd1" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb", region: "syd1" }, "saga");

    await detectAll(t.db);
    const [drift, ...others] = await openDriftOf(r.id);
    expect(others).toHaveLength(0);
    expect(drift).toMatchObject({ field: "size_slug", expected: "s-1vcpu-2gb", actual: "s-2vcpu-4gb", specVersion: 1, status: "open" });
    const detected = await eventsOf(r.id, "drift_detected");
    expect(detected).toHaveLength(1);
    expect(detected[0]!.payload).toMatchObject({ drift_id: drift!.id, field: "size_slug", expected: "s-1vcpu-2gb", actual: "s-2vcpu-4gb" });

    const accepted = await acceptDrift(t.db, drift!.id, "ops@example.com");
    expect(accepted.provisioned).toMatchObject({ spec: { size_slug: "s-2vcpu-4gb", region: "syd1" }, spec_version: 2, recorded_via: "drift_accept" });
    expect(accepted.drift).toMatchObject({ status: "accepted", resolved_by: "ops@example.com" });
    expect((await getProvisioned(t.db, r.id))?.spec).toEqual({ size_slug: "s-2vcpu-4gb", region: "syd1" });
    const acceptedEvents = await eventsOf(r.id, "drift_accepted");
    expect(acceptedEvents).toHaveLength(1);
    expect(acceptedEvents[0]!.payload).toMatchObject({ drift_id: drift!.id, field: "size_slug", previous: "s-1vcpu-2gb", accepted: "s-2vcpu-4gb", spec_version: 2 });

    await detectAll(t.db);
    expect(await openDriftOf(r.id)).toHaveLength(0);

    // Someone resizes it back on DO: the accepted spec now disagrees, so a new drift opens (the old one stays history).
    await setLive(r.id, { sizeSlug: "s-1vcpu-2gb" });
    await detectAll(t.db);
    const [reopened] = await openDriftOf(r.id);
    expect(reopened).toMatchObject({ field: "size_slug", expected: "s-2vcpu-4gb", actual: "s-1vcpu-2gb", specVersion: 2 });
    expect(reopened!.id).not.toBe(drift!.id);

    // It moves again while still wrong: the same open drift follows the live value instead of a second one opening.
    await setLive(r.id, { sizeSlug: "s-4vcpu-8gb" });
    await detectAll(t.db);
    const moved = await openDriftOf(r.id);
    expect(moved).toEqual([expect.objectContaining({ id: reopened!.id, actual: "s-4vcpu-8gb" })]);

    // Fixed on DO: the open drift closes as stale.
    await setLive(r.id, { sizeSlug: "s-2vcpu-4gb" });
    const summary = await detectAll(t.db);
    expect(summary.closed).toBeGreaterThanOrEqual(1);
    expect(await openDriftOf(r.id)).toHaveLength(0);
    const history = await driftOf(r.id);
    expect(history.map((d) => d.status).sort()).toEqual(["accepted", "stale"]);
    expect(history.find((d) => d.status === "stale")).toMatchObject({ resolvedBy: "detect-drift" });
    expect(await eventsOf(r.id, "drift_detected")).toHaveLength(2);
  });

  it("compares loosely: numbers as strings, lists as sets, nested attrs by path, null as missing", async () => {
    const r = await createResource(t.db, {
      tags: ["web", "tenant:acme"],
      monthlyPriceCents: 1200,
      attrs: { size: { vcpus: 2, disk: 50 }, region: { slug: "syd1", features: ["backups", "ipv6"] }, image: { slug: null } },
    });
    await recordProvisioned(t.db, r.id, {
      tags: ["tenant:acme", "web", "web"],
      monthly_price_cents: "1200.00",
      "size.vcpus": "2",
      "region.features": ["ipv6", "backups"],
      "image.slug": null,
      size: { disk: "50", vcpus: 2 },
    }, "saga");
    await detectAll(t.db);
    expect(await openDriftOf(r.id)).toEqual([]);
  });

  it("a second sweep with nothing changed writes nothing", async () => {
    const r = await createResource(t.db, { region: "sgp1" });
    await recordProvisioned(t.db, r.id, { region: "syd1", name: r.name }, "saga");
    const first = await detectAll(t.db);
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const second = await detectAll(t.db);
    expect(second).toMatchObject({ opened: 0, updated: 0, closed: 0, writes: 0 });
    expect(second.open).toBe(first.open);
  });

  it("a tombstoned resource drifts once, on exists, and its field drift closes", async () => {
    const r = await createResource(t.db, { region: "sgp1", sizeSlug: "s-1vcpu-1gb" });
    await recordProvisioned(t.db, r.id, { region: "syd1", size_slug: "s-2vcpu-2gb", tags: ["web"] }, "saga");
    await detectAll(t.db);
    expect((await openDriftOf(r.id)).map((d) => d.field)).toEqual(["region", "size_slug", "tags"]);

    await setLive(r.id, { deletedAt: new Date() });
    await detectAll(t.db);
    expect(await openDriftOf(r.id)).toEqual([expect.objectContaining({ field: "exists", expected: true, actual: false })]);

    // Accepting the deletion makes "gone" the desired state: no more drift while it stays gone.
    const exists = (await openDriftOf(r.id))[0]!;
    const accepted = await acceptDrift(t.db, exists.id, "ops@example.com");
    expect(accepted.provisioned.spec).toMatchObject({ exists: false, region: "syd1" });
    await detectAll(t.db);
    expect(await openDriftOf(r.id)).toEqual([]);

    // It comes back: now it exists against a spec that wants it gone.
    await setLive(r.id, { deletedAt: null });
    await detectAll(t.db);
    expect(await openDriftOf(r.id)).toEqual([expect.objectContaining({ field: "exists", expected: false, actual: true })]);
  });

  it("closes open drift whose field left the spec, and keeps a changed spec's drift current", async () => {
    const r = await createResource(t.db, { region: "sgp1", sizeSlug: "s-1vcpu-1gb" });
    await recordProvisioned(t.db, r.id, { region: "syd1", size_slug: "s-2vcpu-2gb" }, "saga");
    await detectAll(t.db);
    await recordProvisioned(t.db, r.id, { size_slug: "s-4vcpu-8gb" }, "saga");
    await detectAll(t.db);
    const open = await openDriftOf(r.id);
    expect(open).toEqual([expect.objectContaining({ field: "size_slug", expected: "s-4vcpu-8gb", actual: "s-1vcpu-1gb", specVersion: 2 })]);
    expect((await driftOf(r.id)).find((d) => d.field === "region")?.status).toBe("stale");
  });

  it("walks thousands of specs in batches and reports progress", async () => {
    const before = await detectAll(t.db);
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      kind: "droplet" as const,
      providerId: `batch-${i}`,
      name: `batch-${i}`,
      region: "syd1",
      sizeSlug: i % 100 === 0 ? "s-2vcpu-4gb" : "s-1vcpu-1gb",
    }));
    const inserted = await t.db.insert(cloudResources).values(rows).returning({ id: cloudResources.id });
    await t.db.insert(cloudProvisioned).values(
      inserted.map(({ id }) => ({ resourceId: id, spec: { size_slug: "s-1vcpu-1gb", region: "syd1" }, recordedBy: "saga", recordedVia: "api" as const })),
    );
    const progress: number[] = [];
    const summary = await detectAll(t.db, { batchSize: 250, onProgress: (done) => void progress.push(done) });
    expect(summary.resources).toBe(before.resources + 1200);
    expect(summary.opened).toBe(12);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.at(-1)).toBe(summary.resources);
  });
});
