import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resourceUsageSamples, usageRecords } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import { DoTokenRejectedError } from "@/lib/digitalocean/errors";
import { setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { listBandwidthWork, meterBandwidth, meterBandwidthPaced, type PacingClock } from "./meter-bandwidth";
import { meterUsage } from "./meter-usage";

// April 2026, metered at 06:00 on the 20th: the complete days are the 1st to the 19th.

const getDb = setupAppTestDb();
const now = new Date("2026-04-20T06:00:00Z");
const fakes: FakeDo[] = [];
let fake: FakeDo;

async function newFake(options: Parameters<typeof startFakeDo>[0] = {}) {
  const f = await startFakeDo({ seed: 21 + fakes.length, droplets: 2, now, ...options });
  fakes.push(f);
  return f;
}
beforeAll(async () => {
  fake = await newFake();
});
afterAll(async () => {
  for (const f of fakes) await f.close();
});

const client = (f: FakeDo, token = "t") => createDoClient({ token, baseUrl: f.url, retryBaseMs: 1, retryMaxMs: 2, maxRetries: 1 });

/** A droplet at the fake and in our inventory, as the sync would have recorded it. */
async function tenantDroplet(f: FakeDo, tenant: string | null, createdAt: string, deletedAt?: string) {
  const droplet = f.addDroplet({ tags: tenant ? [`tenant:${tenant}`] : [], createdAt });
  const resource = await createResource(getDb().db, {
    providerId: String(droplet.id),
    tags: tenant ? [`tenant:${tenant}`] : ["arcadia"],
    providerCreatedAt: new Date(createdAt),
    deletedAt: deletedAt ? new Date(deletedAt) : null,
  });
  return { droplet, resource };
}

describe("listBandwidthWork", () => {
  it("lists each complete UTC day a tenant droplet existed on and has no sample for", async () => {
    const db = getDb().db;
    const fromThe11th = await tenantDroplet(fake, "list", "2026-04-11T00:00:00Z");
    const goneOnThe5th = await tenantDroplet(fake, "list", "2026-03-01T00:00:00Z", "2026-04-05T12:00:00Z");
    const lateOnThe19th = await tenantDroplet(fake, "list", "2026-04-19T23:00:00Z");
    await tenantDroplet(fake, null, "2026-03-01T00:00:00Z");
    await db.insert(resourceUsageSamples).values({ resourceId: fromThe11th.resource.id, metric: "public_outbound_bytes", day: "2026-04-12", value: 5 });

    const items = (await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "list");
    const days = (id: string) => items.filter((i) => i.resourceId === id).map((i) => i.day.slice(8));
    expect(days(fromThe11th.resource.id)).toEqual(["11", "13", "14", "15", "16", "17", "18", "19"]);
    expect(days(goneOnThe5th.resource.id)).toEqual(["01", "02", "03", "04", "05"]);
    expect(days(lateOnThe19th.resource.id)).toEqual(["19"]);
    expect(items.find((i) => i.resourceId === lateOnThe19th.resource.id)).toEqual({
      resourceId: lateOnThe19th.resource.id,
      hostId: String(lateOnThe19th.droplet.id),
      tenantId: "list",
      day: "2026-04-19",
    });
    // A month still to come has no complete day.
    expect(await listBandwidthWork(db, "2026-05-01", "tenant:", now)).toEqual([]);
  });
});

describe("meterBandwidth", () => {
  it("measures one request per droplet-day and stores the day's bytes; the meter turns them into bandwidth_gb", async () => {
    const db = getDb().db;
    const steady = await tenantDroplet(fake, "bw", "2026-04-18T00:00:00Z");
    const stepUp = await tenantDroplet(fake, "bw", "2026-04-18T00:00:00Z");
    // 8 Mbps all day: 8 × 86,400 s = 691,200 Mb = 86.4 × 10^9 bytes a day.
    fake.setBandwidth(steady.droplet.id, 8);
    // 1 Mbps until noon, 3 after: the 5-minute segments at noon (1 → 3) and at midnight (3 → 1) each count 300 × 2,
    // so 42,900 × 1 + 600 + 42,900 × 3 + 600 = 172,800 Mb = 21.6 × 10^9 bytes a day.
    fake.setBandwidth(stepUp.droplet.id, (t) => (t % 86_400 < 43_200 ? 1 : 3));
    const items = (await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "bw");
    fake.requests.length = 0;

    const result = await meterBandwidth(db, client(fake), items);
    expect(result).toEqual({ requested: 4, sampled: 4, failed: 0, deferred: [] });
    const asked = fake.requests.filter((r) => r.path === "/v2/monitoring/metrics/droplet/bandwidth");
    expect(asked).toHaveLength(4);
    expect(asked.find((r) => r.query.host_id === String(steady.droplet.id) && r.query.start === String(Date.parse("2026-04-17T23:45:00Z") / 1000))?.query).toMatchObject({
      interface: "public",
      direction: "outbound",
      end: String(Date.parse("2026-04-19T00:15:00Z") / 1000),
    });
    const stored = await db.select().from(resourceUsageSamples).where(eq(resourceUsageSamples.metric, "public_outbound_bytes"));
    const bytes = (id: string, day: string) => stored.find((s) => s.resourceId === id && s.day === day)?.value;
    expect([bytes(steady.resource.id, "2026-04-18"), bytes(steady.resource.id, "2026-04-19")]).toEqual([86_400_000_000, 86_400_000_000]);
    expect([bytes(stepUp.resource.id, "2026-04-18"), bytes(stepUp.resource.id, "2026-04-19")]).toEqual([21_600_000_000, 21_600_000_000]);
    expect((await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "bw")).toEqual([]);

    // 2 × (86.4 + 21.6) × 10^9 = 216 × 10^9 bytes = 201.165676 GiB.
    await meterUsage(db, "2026-04-01", "tenant:", { tenants: ["bw"] });
    const [usage] = await db.select().from(usageRecords).where(and(eq(usageRecords.tenantId, "bw"), eq(usageRecords.resourceKind, "bandwidth_gb")));
    expect(usage).toMatchObject({ quantity: "201.165676", period: "2026-04-01", source: "meter", clientKey: "meter:2026-04:bw:bandwidth_gb" });
  });

  it("leaves a droplet-day whose request failed for the next run, and stops on a rejected token", async () => {
    const db = getDb().db;
    await tenantDroplet(fake, "flaky", "2026-04-19T00:00:00Z");
    const items = (await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "flaky");
    fake.faults.set("/v2/monitoring", { type: "error", status: 500, times: Number.POSITIVE_INFINITY });
    expect(await meterBandwidth(db, client(fake), items)).toMatchObject({ requested: 1, sampled: 0, failed: 1 });
    fake.faults.clear();
    expect((await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "flaky")).toHaveLength(1);

    const strict = await newFake({ token: "right" });
    await expect(meterBandwidth(db, client(strict, "wrong"), items)).rejects.toBeInstanceOf(DoTokenRejectedError);
  });

  it("stops and defers the rest once DO's remaining budget is down to the reserve", async () => {
    const db = getDb().db;
    const tight = await newFake({ rateLimit: 1_004 });
    await tenantDroplet(tight, "tight", "2026-04-10T00:00:00Z");
    const items = (await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "tight");
    expect(items).toHaveLength(10);
    const result = await meterBandwidth(db, client(tight), items);
    // Four go out before any answer; the answers say 1,003, 1,002, 1,001 left (each lets its worker send one more),
    // then 1,000: the reserve, so the workers stop. At most `concurrency` − 1 past the first low reading.
    expect(result.requested).toBe(7);
    expect(result.deferred.map((i) => i.day)).toEqual(items.slice(7).map((i) => i.day));
  });
});

describe("meterBandwidthPaced", () => {
  it("runs 50 requests a minute on the given clock: 133 droplet-days take three runs, a minute apart", async () => {
    const db = getDb().db;
    let virtual = Date.parse("2026-04-20T06:00:00Z");
    const clock: PacingClock = {
      now: () => virtual,
      sleep: async (ms) => {
        virtual += ms;
      },
    };
    const paced = await newFake({ clock: () => virtual, enforceRateLimit: true });
    for (let i = 0; i < 7; i++) await tenantDroplet(paced, "paced", "2026-03-01T00:00:00Z");
    const items = (await listBandwidthWork(db, "2026-04-01", "tenant:", now)).filter((i) => i.tenantId === "paced");
    expect(items).toHaveLength(7 * 19);
    const runs: number[] = [];
    const result = await meterBandwidthPaced(db, client(paced), items, { clock, onRun: (done) => void runs.push(done) });
    expect(result).toEqual({ requested: 133, sampled: 133, failed: 0 });
    expect(runs).toEqual([50, 100, 133]);
    const at = paced.requests.filter((r) => r.path.startsWith("/v2/monitoring")).map((r) => r.at - Date.parse("2026-04-20T06:00:00Z"));
    expect(at.filter((ms) => ms < 60_000)).toHaveLength(50);
    expect(at.filter((ms) => ms >= 60_000 && ms < 120_000)).toHaveLength(50);
    expect(at.filter((ms) => ms >= 120_000)).toHaveLength(33);
    expect(paced.requests.every((r) => r.status === 200)).toBe(true);
  });
});
