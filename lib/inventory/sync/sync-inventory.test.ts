import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/client";
import { cloudResourceEvents, cloudResources, cloudSyncRuns, type JobProgress, jobRuns } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { syncInventory } from "./sync-inventory";

const now = new Date("2026-05-15T12:00:00Z");

describe("syncInventory against the fake DO server", () => {
  let t: TestDb;
  let fake: FakeDo;
  const client = () => createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, retryMaxMs: 5, maxRetries: 2 });
  const sync = (kinds: Parameters<typeof syncInventory>[2]["kinds"] = [], refreshProjects = kinds.length === 0) =>
    syncInventory(t.db, client(), { kinds, refreshProjects, trigger: "cli" });
  const events = (type?: string) =>
    t.db
      .select({ type: cloudResourceEvents.type, payload: cloudResourceEvents.payload, providerId: cloudResources.providerId })
      .from(cloudResourceEvents)
      .innerJoin(cloudResources, eq(cloudResources.id, cloudResourceEvents.resourceId))
      .where(type ? eq(cloudResourceEvents.type, type as never) : undefined)
      .orderBy(asc(cloudResourceEvents.id));
  const droplet = async (providerId: string) =>
    (await t.db.select().from(cloudResources).where(and(eq(cloudResources.kind, "droplet"), eq(cloudResources.providerId, providerId))))[0];

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeDo({ seed: 7, now, droplets: 450, volumes: 30, snapshots: 25 });
  });
  afterAll(async () => {
    await fake.close();
    await t.drop();
  });
  afterEach(() => fake.faults.clear());

  it("first sync creates every resource of every kind, with a created event each", async () => {
    const result = await sync();
    const rows = await t.db.select({ kind: cloudResources.kind, n: sql<number>`count(*)::int` }).from(cloudResources).groupBy(cloudResources.kind);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind.droplet).toBe(fake.account.droplets.length);
    expect(byKind.volume).toBe(fake.account.volumes.length);
    expect(byKind.snapshot).toBe(fake.account.snapshots.length);
    expect(byKind.domain).toBe(fake.account.domains.length);
    for (const k of ["load_balancer", "database", "kubernetes_cluster", "reserved_ip", "app"]) expect(byKind[k], k).toBeGreaterThan(0);
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(result.counts).toMatchObject({ seen: total, created: total, updated: 0, deleted: 0 });
    expect(await events("created")).toHaveLength(total);
    // Project membership and the DO object itself land in attrs.
    const d = fake.account.droplets[0]!;
    const row = await droplet(String(d.id));
    expect(row).toMatchObject({ name: d.name, region: d.region.slug, sizeSlug: d.size_slug, status: d.status });
    expect(row?.monthlyPriceCents).toBe(Math.round(d.size.price_monthly * 100));
    expect((row?.attrs.project as { name?: string } | null)?.name).toBeTruthy();
    // Droplets took exactly ceil(n/200) list requests.
    expect(fake.requests.filter((r) => r.path === "/v2/droplets")).toHaveLength(Math.ceil(fake.account.droplets.length / 200));
  });

  it("reports pages and items listed per kind as it goes, each kind marked done at the end", async () => {
    const reports: JobProgress[] = [];
    const [jobRun] = await t.db.insert(jobRuns).values({ job: "sync-inventory", trigger: "cli" }).returning();
    await syncInventory(t.db, client(), { kinds: ["droplet", "volume"], refreshProjects: false, trigger: "cli" }, {
      runId: jobRun!.id,
      reportProgress: async (p) => {
        reports.push(p);
      },
    });
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ done: 2, total: 2 });
    expect(last.parts?.droplet).toEqual({ pages: Math.ceil(fake.account.droplets.length / 200), items: fake.account.droplets.length, isDone: true });
    expect(last.parts?.volume).toMatchObject({ items: fake.account.volumes.length, isDone: true });
    // Mid-way, a report had droplet pages listed but droplets not yet done.
    expect(reports.some((r) => (r.parts?.droplet?.pages ?? 0) > 0 && !r.parts?.droplet?.isDone)).toBe(true);
  });

  it("a second sync of the unchanged account writes nothing", async () => {
    const before = await events();
    const result = await sync();
    expect(result.counts).toMatchObject({ created: 0, updated: 0, deleted: 0, restored: 0 });
    expect(await events()).toHaveLength(before.length);
  });

  it("records exactly the changed fields, old → new", async () => {
    const [a, b] = fake.account.droplets;
    const [oldSize, oldStatus] = [a!.size_slug, b!.status];
    fake.updateDroplet(a!.id, { sizeSlug: "s-2vcpu-4gb" });
    fake.updateDroplet(b!.id, { tags: [...b!.tags, "blue-green"], status: "off" });
    const start = (await events()).length;
    const result = await sync(["droplet"], false);
    expect(result.counts).toMatchObject({ updated: 2, created: 0, deleted: 0 });
    const updates = (await events("updated")).slice(-2);
    expect((await events()).length - start).toBe(2);
    const forA = updates.find((e) => e.providerId === String(a!.id))!.payload.changes as Record<string, { old: unknown; new: unknown }>;
    expect(forA.size_slug).toEqual({ old: oldSize, new: "s-2vcpu-4gb" });
    const forB = updates.find((e) => e.providerId === String(b!.id))!.payload.changes as Record<string, { old: unknown; new: unknown }>;
    expect(forB.status).toEqual({ old: oldStatus, new: "off" });
    expect(forB.tags?.new).toContain("blue-green");
    expect(Object.keys(forB)).not.toContain("name");
  });

  it("keeps no DO catalogue data in attrs: a size offered in one more region updates no droplet", async () => {
    const d = fake.account.droplets[0]!;
    const attrs = (await droplet(String(d.id)))!.attrs;
    expect(attrs.region).toEqual({ name: d.region.name, slug: d.region.slug });
    expect(Object.keys(attrs.size as object)).not.toContain("regions");
    expect(Object.keys(attrs.image as object)).not.toContain("regions");
    const regions = fake.account.droplets.map((x) => x.region);
    for (const x of fake.account.droplets) x.region = { ...x.region, sizes: [...x.region.sizes, "s-32vcpu-64gb"] };
    try {
      expect((await sync(["droplet"], false)).counts).toMatchObject({ created: 0, updated: 0, deleted: 0, restored: 0 });
    } finally {
      fake.account.droplets.forEach((x, i) => {
        x.region = regions[i]!;
      });
    }
  });

  it("rows stored with catalogue data before are trimmed by migration 0010, and the next sync records nothing", async () => {
    // As an earlier version stored droplets: the region's catalogue inside attrs, hashed with it.
    await t.db.execute(
      sql`update cloud_resources set attrs = jsonb_set(attrs, '{region,sizes}', '["s-1vcpu-1gb"]'), content_hash = 'hash-of-old-attrs' where kind = 'droplet'`,
    );
    const before = (await events()).length;
    await t.db.execute(sql.raw(readFileSync(path.join(migrationsFolder, "0010_drop-catalogue-from-resource-attrs.sql"), "utf8")));
    expect((await sync(["droplet"], false)).counts).toMatchObject({ created: 0, updated: 0, deleted: 0, restored: 0 });
    expect((await events()).length).toBe(before);
    const [left] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cloudResources)
      .where(sql`${cloudResources.kind} = 'droplet' and (${cloudResources.contentHash} is null or ${cloudResources.attrs} -> 'region' ? 'sizes')`);
    expect(left!.n).toBe(0);
  });

  it("a move to another project is an update of attrs.project; a sync that lists no projects keeps each one's", async () => {
    const project = fake.account.projects.find((p) => !p.is_default)!;
    const projectOf = async (id: number) => ((await droplet(String(id)))?.attrs.project as { name?: string } | null)?.name;
    const members: number[] = [];
    for (const d of fake.account.droplets) if ((await projectOf(d.id)) === project.name) members.push(d.id);
    expect(members.length).toBeGreaterThan(0);
    const oldName = project.name;
    project.name = `${oldName}-renamed`; // its resources now fall to the default project, by the fake's rules
    try {
      const moved = await sync(["droplet"], true);
      expect(moved.counts?.updated).toBe(members.length);
      const updates = (await events("updated")).slice(-members.length);
      for (const e of updates) expect(Object.keys(e.payload.changes as object)).toEqual(["attrs.project"]);
      expect(await projectOf(members[0]!)).not.toBe(oldName);
      // A fast sync (no project listing) leaves membership as the last listing found it.
      expect((await sync(["droplet"], false)).counts).toMatchObject({ updated: 0, created: 0, deleted: 0 });
    } finally {
      project.name = oldName;
    }
    expect((await sync(["droplet"], true)).counts?.updated).toBe(members.length);
    expect(await projectOf(members[0]!)).toBe(oldName);
  });

  it("keeps listing while a slow project listing is under way, and writes what it lists once projects arrive", async () => {
    fake.faults.set("/v2/projects", { type: "slow", delayMs: 300 });
    const before = (await events()).length;
    const result = await sync([], true);
    expect(result.counts).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect((await events()).length).toBe(before);
  });

  it("tombstones a resource that disappears, and restores it when it comes back", async () => {
    const gone = fake.account.droplets.at(-1)!;
    fake.account.droplets.pop();
    const r1 = await sync(["droplet"], false);
    expect(r1.counts).toMatchObject({ deleted: 1 });
    expect((await droplet(String(gone.id)))?.deletedAt).toBeInstanceOf(Date);
    expect((await events("deleted")).map((e) => e.providerId)).toContain(String(gone.id));

    fake.account.droplets.push(gone);
    const r2 = await sync(["droplet"], false);
    expect(r2.counts).toMatchObject({ restored: 1, deleted: 0 });
    expect((await droplet(String(gone.id)))?.deletedAt).toBeNull();
    expect((await events("restored")).map((e) => e.providerId)).toContain(String(gone.id));
  });

  it("a listing that fails on page 3 of 5 tombstones nothing and records the failure", async () => {
    fake.account.droplets.splice(0, 20); // these would be tombstoned by a complete listing
    expect(Math.ceil(fake.account.droplets.length / 200)).toBeGreaterThanOrEqual(2);
    fake.faults.set("/v2/droplets", { type: "fail_page", page: 2, status: 500, times: Number.POSITIVE_INFINITY });
    const live = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(cloudResources).where(and(eq(cloudResources.kind, "droplet"), isNull(cloudResources.deletedAt))))[0]!.n;
    const before = await live();
    await expect(sync(["droplet"], false)).rejects.toThrow(/droplet: .*500|1 of 1 kinds failed/);
    expect(await live()).toBe(before);
    const [run] = await t.db.select().from(cloudSyncRuns).orderBy(sql`${cloudSyncRuns.startedAt} desc`).limit(1);
    expect(run?.status).toBe("failed");
    expect(run?.kindResults.droplet?.status).toBe("failed");
    expect(run?.deleted).toBe(0);
  });

  it("a page that comes back short with an unchanged meta fails the kind as incomplete and tombstones nothing", async () => {
    await sync(["droplet"], false);
    const eventsBefore = (await events()).length;
    const live = fake.account.droplets.length;
    expect(live).toBeGreaterThan(250);
    fake.faults.set("/v2/droplets", { type: "short_page", page: 1, drop: 50 });
    await expect(sync(["droplet"], false)).rejects.toThrow(/droplet: .*incomplete/);
    const [run] = await t.db.select().from(cloudSyncRuns).orderBy(sql`${cloudSyncRuns.startedAt} desc`).limit(1);
    expect(run?.kindResults.droplet).toMatchObject({ status: "failed", deleted: 0, error: expect.stringContaining("incomplete") });
    expect(run?.deleted).toBe(0);
    expect((await events()).length - eventsBefore).toBe(0);
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cloudResources)
      .where(and(eq(cloudResources.kind, "droplet"), isNull(cloudResources.deletedAt)));
    expect(row?.n).toBe(live);
  });

  it("a droplet created mid-listing (DO's pages shift, repeating an item) is synced once, with nothing tombstoned", async () => {
    await sync(["droplet"], false);
    const created: number[] = [];
    fake.faults.set("/v2/droplets", {
      type: "mutate",
      page: 2,
      apply: () => {
        created.push(fake.addDroplet({ name: "shifted-in" }).id);
        fake.account.droplets.unshift(fake.account.droplets.pop()!);
      },
    });
    const result = await sync(["droplet"], false);
    expect(result.counts).toMatchObject({ created: 1, deleted: 0, seen: fake.account.droplets.length });
    expect((await droplet(String(created[0])))?.deletedAt).toBeNull();
  });

  it("a page of HTML from a proxy, then a truncated JSON page, are retried and the kind still succeeds", async () => {
    fake.faults.set("/v2/volumes", { type: "html" });
    fake.faults.set("/v2/snapshots", { type: "malformed" });
    const result = await sync(["volume", "snapshot"], false);
    expect(result.counts?.deleted).toBe(0);
    expect(fake.requests.filter((r) => r.fault === "html" || r.fault === "malformed").map((r) => r.path)).toEqual(["/v2/volumes", "/v2/snapshots"]);
  });

  it("a 429 storm with retry-after is waited out, and nothing is lost", async () => {
    fake.faults.set("/v2/volumes", { type: "rate_limit", retryAfter: 0, times: 2 });
    const result = await sync(["volume"], false);
    expect(result.counts?.deleted).toBe(0);
    expect(fake.requests.filter((r) => r.path === "/v2/volumes" && r.status === 429)).toHaveLength(2);
  });

  it("a rejected token stops every kind and says so", async () => {
    const bad = createDoClient({ token: "", baseUrl: fake.url, retryBaseMs: 1 });
    await expect(syncInventory(t.db, bad, { kinds: ["droplet", "volume"], refreshProjects: false, trigger: "cli" })).rejects.toThrow(
      /DO token rejected/,
    );
  });

  it("two concurrent syncs of the same kind leave no duplicates and record each change once", async () => {
    fake.addDroplet({ name: "concurrent-new-1" });
    fake.addDroplet({ name: "concurrent-new-2" });
    const [a, b] = await Promise.allSettled([sync(["droplet"], false), sync(["droplet"], false)]);
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("fulfilled");
    const dupes = await t.db.execute(sql`select kind, provider_id from cloud_resources group by 1, 2 having count(*) > 1`);
    expect(Array.isArray(dupes) ? dupes : (dupes as { rows: unknown[] }).rows).toHaveLength(0);
    const created = (await events("created")).filter((e) => (e.payload as { name?: string }).name?.startsWith("concurrent-new-"));
    expect(created).toHaveLength(2);
  });
});
