import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageRecords } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import { DoNotConfiguredError } from "@/lib/jobs/deps";
import type { JobDeps } from "@/lib/jobs/job-definition";
import type { JobRequest } from "@/lib/jobs/job-queue";
import type { JobContext } from "@/lib/jobs/run-job";
import { logger } from "@/lib/platform/log";
import { setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { meterBandwidthJob } from "./meter-bandwidth-job";
import { meterUsageJob } from "./meter-usage-job";

// March 2026 is complete whenever this runs: every day of it is measurable.

const getDb = setupAppTestDb();
let fake: FakeDo;
const ctx: JobContext = { runId: "test", trigger: "cli", log: logger(), reportProgress: async () => {} };

beforeAll(async () => {
  fake = await startFakeDo({ seed: 31, droplets: 1, now: new Date("2026-04-02T00:00:00Z") });
});
afterAll(() => fake.close());

const deps = (over: Partial<JobDeps> = {}): JobDeps => ({
  db: getDb().db,
  doClient: () => createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, maxRetries: 1 }),
  ...over,
});

/** A tenant droplet at the fake (at a constant rate) and in the inventory, from `createdAt` on. */
async function droplet(tenant: string, createdAt: string, mbps: number) {
  const d = fake.addDroplet({ tags: [`tenant:${tenant}`], createdAt });
  fake.setBandwidth(d.id, mbps);
  return createResource(getDb().db, { providerId: String(d.id), tags: [`tenant:${tenant}`], providerCreatedAt: new Date(createdAt) });
}

const bandwidthGb = async (tenant: string) =>
  (await getDb().db.select().from(usageRecords).where(and(eq(usageRecords.tenantId, tenant), eq(usageRecords.resourceKind, "bandwidth_gb"))))[0]?.quantity;

describe("meter-usage with bandwidth", () => {
  it("with a job queue: sends the month's droplet-days as meter-bandwidth runs of 50; each run refreshes its tenants' usage", async () => {
    // Two droplets from the 1st of March: 62 droplet-days, so runs of 50 and 12. 4 Mbps all day is 43.2 × 10^9 bytes.
    await droplet("queued", "2026-03-01T00:00:00Z", 4);
    await droplet("queued", "2026-03-01T00:00:00Z", 4);
    const sent: JobRequest[] = [];
    const queued = deps({ sendJobRequest: async (r) => void sent.push(r) });
    const result = await meterUsageJob.run(queued, { month: "2026-03-01" }, ctx);
    expect(result.summary).toBe("2026-03: 1 usage records for 1 tenants from 2 resources (bandwidth of 62 droplet-days sent to meter-bandwidth in 2 runs)");
    expect(sent.map((r) => [r.job, (r.args.items as unknown[]).length])).toEqual([
      ["meter-bandwidth", 50],
      ["meter-bandwidth", 12],
    ]);
    expect(await bandwidthGb("queued")).toBeUndefined();

    for (const r of sent) await meterBandwidthJob.run(queued, meterBandwidthJob.args.parse(r.args), ctx);
    // 62 × 43.2 × 10^9 bytes = 2,678.4 × 10^9 bytes = 2,494.454384 GiB.
    expect(await bandwidthGb("queued")).toBe("2494.454384");
    // Everything is measured: the next run sends nothing and keeps the figure.
    sent.length = 0;
    const again = await meterUsageJob.run(queued, { month: "2026-03-01" }, ctx);
    expect(again.summary).toContain("(bandwidth up to date)");
    expect(sent).toEqual([]);
    expect(await bandwidthGb("queued")).toBe("2494.454384");
  });

  it("without a queue: meter-usage counts what is waiting, meter-bandwidth measures it in-process; without DO it says so", async () => {
    // From the 31st: one droplet-day of 2 Mbps = 21.6 × 10^9 bytes = 20.116568 GiB.
    await droplet("inline", "2026-03-31T00:00:00Z", 2);
    const waiting = await meterUsageJob.run(deps(), { month: "2026-03-01" }, ctx);
    expect(waiting.summary).toContain("(bandwidth of 1 droplet-days waiting for meter-bandwidth (no job queue to pace it))");
    const unconfigured = deps({
      doClient: () => {
        throw new DoNotConfiguredError();
      },
    });
    const skipped = await meterBandwidthJob.run(unconfigured, { month: "2026-03-01" }, ctx);
    expect(skipped.summary).toBe("2026-03: bandwidth of 1 droplet-days not measured: DO is not configured");

    const result = await meterBandwidthJob.run(deps(), { month: "2026-03-01" }, ctx);
    expect(result.summary).toBe("2026-03: bandwidth of 1 droplet-days measured");
    expect(await bandwidthGb("inline")).toBe("20.116568");
  });

  it("rejects a queued run with more droplet-days than one run may make requests", () => {
    const item = { resourceId: "8d5e5f2e-8b8f-4f55-9d3c-4b0e2b8f8a11", hostId: "1", tenantId: "t", day: "2026-03-01" };
    expect(meterBandwidthJob.args.safeParse({ items: Array.from({ length: 51 }, () => item) }).success).toBe(false);
    expect(meterBandwidthJob.args.safeParse({ items: [{ ...item, hostId: "1; drop" }] }).success).toBe(false);
  });
});
