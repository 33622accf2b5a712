import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudDrift, cloudProvisioned, cloudResourceEvents, cloudResources } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { acceptDrift, acceptDrifts } from "./accept-drift";
import { type DetectSummary, detectAll } from "./detect-all";
import { getProvisioned, recordProvisioned } from "./record-provisioned";

describe("drift under concurrency, and accepting what is no longer open", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const openCount = async () =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(cloudDrift).where(eq(cloudDrift.status, "open")))[0]!.n;

  it("two sweeps at once never open two drifts for one field, and write one event per drift", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ kind: "droplet" as const, providerId: `race-${i}`, name: `race-${i}`, region: "sgp1", sizeSlug: "s-1vcpu-1gb" }));
    const resources = await t.db.insert(cloudResources).values(rows).returning({ id: cloudResources.id });
    await t.db.insert(cloudProvisioned).values(
      resources.map(({ id }) => ({ resourceId: id, spec: { region: "syd1", size_slug: "s-1vcpu-1gb" }, recordedBy: "saga", recordedVia: "api" as const })),
    );

    const sweep = () => detectAll(t.db, { batchSize: 100 });
    let results: DetectSummary[];
    if (t.driver === "postgres") {
      // A barrier on the real server: a lock that blocks inserts into cloud_drift until both sweeps have read the same
      // empty state and are both waiting to write it. Released, they race for the same rows.
      const barrier = postgres(t.url!, { max: 1, onnotice: () => {} });
      try {
        let sweeps: Promise<DetectSummary[]> | undefined;
        await barrier.begin(async (tx) => {
          await tx`lock table cloud_drift in share mode`;
          sweeps = Promise.all([sweep(), sweep()]);
          await waitFor(async () => {
            const [row] = await tx`select count(*)::int as n from pg_locks where not granted and relation = 'cloud_drift'::regclass`;
            return (row?.n ?? 0) >= 2;
          });
        });
        results = await sweeps!;
      } finally {
        await barrier.end();
      }
    } else {
      // PGlite has one connection: the two sweeps interleave statement by statement.
      results = await Promise.all([sweep(), sweep()]);
    }
    expect(results.every((r) => r.resources >= 400)).toBe(true);

    const perField = await t.db
      .select({ resourceId: cloudDrift.resourceId, field: cloudDrift.field, n: sql<number>`count(*)::int` })
      .from(cloudDrift)
      .where(eq(cloudDrift.status, "open"))
      .groupBy(cloudDrift.resourceId, cloudDrift.field);
    expect(perField).toHaveLength(400);
    expect(perField.every((r) => r.n === 1)).toBe(true);
    const [events] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cloudResourceEvents)
      .where(eq(cloudResourceEvents.type, "drift_detected"));
    expect(events!.n).toBe(400);
  });

  it("accepting twice: the second is a 409 and changes nothing", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
    await detectAll(t.db);
    const [drift] = await t.db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")));
    await acceptDrift(t.db, drift!.id, "first@example.com");
    const second = await acceptDrift(t.db, drift!.id, "second@example.com").catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ApiError);
    expect(second).toMatchObject({ code: "conflict", status: 409 });
    expect((second as ApiError).message).toContain("already accepted by first@example.com");
    // People read this message: the time reads as the pages write times, not as a raw ISO string.
    expect((second as ApiError).message).toMatch(/ at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC;/);
    expect((second as ApiError).message).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(await getProvisioned(t.db, r.id)).toMatchObject({ spec_version: 2, recorded_by: "first@example.com" });
  });

  it("two accepts at once: exactly one wins, the other is a 409", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
    await detectAll(t.db);
    const [drift] = await t.db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")));
    const outcomes = await Promise.allSettled([acceptDrift(t.db, drift!.id, "a@example.com"), acceptDrift(t.db, drift!.id, "b@example.com")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "conflict" });
    expect((await getProvisioned(t.db, r.id))?.spec_version).toBe(2);
  });

  it("bulk accept bumps each spec once, and is all or nothing when one is no longer open", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb", region: "sgp1", tags: ["b", "a"] });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb", region: "syd1", tags: ["a"] }, "saga");
    await detectAll(t.db);
    const drifts = await t.db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")));
    expect(drifts).toHaveLength(3);
    const [first, ...rest] = drifts;
    await acceptDrift(t.db, first!.id, "ops@example.com");

    const before = await getProvisioned(t.db, r.id);
    const refused = await acceptDrifts(t.db, drifts.map((d) => d.id), "ops@example.com").catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "conflict", details: [expect.objectContaining({ id: first!.id, status: "accepted" })] });
    expect(await getProvisioned(t.db, r.id)).toEqual(before);
    expect(await openCount()).toBeGreaterThanOrEqual(2);

    const accepted = await acceptDrifts(t.db, rest.map((d) => d.id), "ops@example.com");
    expect(accepted).toHaveLength(2);
    expect(accepted.every((a) => a.provisioned.spec_version === before!.spec_version + 1)).toBe(true);
    expect((await getProvisioned(t.db, r.id))?.spec).toEqual({ size_slug: "s-2vcpu-4gb", region: "sgp1", tags: ["b", "a"] });
    await detectAll(t.db);
    expect(await t.db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")))).toEqual([]);
  });

  it("refuses to accept drift whose spec changed after it was detected, until a sweep brings it up to date", async () => {
    const r = await createResource(t.db, { sizeSlug: "s-2vcpu-4gb" });
    await recordProvisioned(t.db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
    await detectAll(t.db);
    const [drift] = await t.db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")));
    await recordProvisioned(t.db, r.id, { size_slug: "s-4vcpu-8gb" }, "saga");
    await expect(acceptDrift(t.db, drift!.id, "ops@example.com")).rejects.toMatchObject({ code: "conflict" });
    expect((await getProvisioned(t.db, r.id))?.spec).toEqual({ size_slug: "s-4vcpu-8gb" });

    await detectAll(t.db);
    const accepted = await acceptDrift(t.db, drift!.id, "ops@example.com");
    expect(accepted.provisioned).toMatchObject({ spec: { size_slug: "s-2vcpu-4gb" }, spec_version: 3 });
  });

  it("unknown drift is a 404", async () => {
    await expect(acceptDrift(t.db, "00000000-0000-4000-8000-000000000000", "ops")).rejects.toMatchObject({ code: "not_found" });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for both sweeps to block");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
