import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbHandle } from "@/db/client";
import { cloudResourceEvents, cloudResources } from "@/db/schema";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";

describe("db module", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it("uses PostgreSQL when a server is configured, PGlite otherwise", () => {
    expect(t.driver).toBe(testServerUrl() ? "postgres" : "pglite");
  });

  it("migrates and round-trips a resource with its event", async () => {
    const [r] = await t.db
      .insert(cloudResources)
      .values({ kind: "droplet", providerId: "101", name: "web-01", tags: ["tenant:acme"], attrs: { vcpus: 1 } })
      .returning();
    expect(r?.id).toMatch(/^[0-9a-f-]{36}$/);
    await t.db.insert(cloudResourceEvents).values({ resourceId: r!.id, type: "created", payload: { name: "web-01" } });
    const events = await t.db.select().from(cloudResourceEvents).where(eq(cloudResourceEvents.resourceId, r!.id));
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({ name: "web-01" });
    const [back] = await t.db.select().from(cloudResources).where(eq(cloudResources.id, r!.id));
    expect(back?.tags).toEqual(["tenant:acme"]);
    expect(back?.attrs).toEqual({ vcpus: 1 });
  });

  it("refuses a second resource with the same kind and provider id", async () => {
    await t.db.insert(cloudResources).values({ kind: "volume", providerId: "v-1", name: "a" });
    await expect(t.db.insert(cloudResources).values({ kind: "volume", providerId: "v-1", name: "b" })).rejects.toThrow();
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(cloudResources).values({ kind: "domain", providerId: "example.com", name: "example.com" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await t.db.select().from(cloudResources).where(eq(cloudResources.providerId, "example.com"));
    expect(rows).toHaveLength(0);
  });
});

describe("embedded PGlite persisted in a data directory", () => {
  it("keeps data across restarts", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "arcadia-pglite-")), "nested", "data");
    try {
      const first = createDbHandle({ dataDir: dir });
      await first.migrate();
      await first.db.insert(cloudResources).values({ kind: "app", providerId: "app-1", name: "site" });
      await first.close();
      const second = createDbHandle({ dataDir: dir });
      await second.migrate(); // idempotent
      const [row] = await second.db.select({ n: sql<number>`count(*)::int` }).from(cloudResources);
      expect(row?.n).toBe(1);
      await second.close();
    } finally {
      rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
    }
  }, 180_000); // two PGlite boots and migration runs on disk: slow on a busy two-core machine, not a timing target
});
