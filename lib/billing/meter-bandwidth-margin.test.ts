import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import type { JobDeps } from "@/lib/jobs/job-definition";
import type { JobRequest } from "@/lib/jobs/job-queue";
import type { JobContext } from "@/lib/jobs/run-job";
import { logger } from "@/lib/platform/log";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { createResource } from "@/test/factories";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { meterBandwidthJob } from "./meter-bandwidth-job";
import { meterUsageJob } from "./meter-usage-job";

// The whole account's margin report (one fx_rates read each) is computed once per metering job run and month, never
// once per tenant, nor per queued bandwidth run: a month's droplet-days go out in runs of 50, and each run computing
// the report made the month's bandwidth cost the account's size times its droplets. A run only adds overage revenue
// to tenants the meter-usage run that queued it has already judged, so it cannot put anyone under the target margin
// or newly unbilled; the next meter-usage run judges the month with it.
describe.runIf(testServerUrl())("meter-bandwidth's margin report", () => {
  let t: TestDb;
  let fake: FakeDo;
  let client: postgres.Sql;
  let db: Db;
  let statements: string[] = [];
  const ctx: JobContext = { runId: "test", trigger: "cli", log: logger(), reportProgress: async () => {} };
  beforeAll(async () => {
    // The app's clock is the fake DO's, so March is last month: recent enough to be announced (isNewsworthyPeriod).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-04-02T00:00:00Z") });
    t = await createTestDb();
    fake = await startFakeDo({ seed: 41, droplets: 1, now: new Date("2026-04-02T00:00:00Z") });
    client = postgres(t.url!, { max: 4, onnotice: () => {} });
    db = drizzle(client, { schema, logger: { logQuery: (q) => void statements.push(q) } }) as unknown as Db;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await client?.end();
    await fake?.close();
    await t?.drop();
  });
  const deps = (over: Partial<JobDeps> = {}): JobDeps => ({
    db,
    doClient: () => createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, maxRetries: 1 }),
    ...over,
  });
  const reports = () => statements.filter((q) => /\bfx_rates\b/.test(q)).length;

  it("is computed once per meter-usage or in-process meter-bandwidth run and month, and not by queued bandwidth runs", async () => {
    for (const tenant of ["bw-a", "bw-b", "bw-c", "bw-d"]) {
      const d = fake.addDroplet({ tags: [`tenant:${tenant}`], createdAt: "2026-03-30T00:00:00Z" });
      fake.setBandwidth(d.id, 1);
      await createResource(t.db, { providerId: String(d.id), tags: [`tenant:${tenant}`], providerCreatedAt: new Date("2026-03-30T00:00:00Z") });
    }
    const sent: JobRequest[] = [];
    const queued = deps({ sendJobRequest: async (r) => void sent.push(r) });
    statements = [];
    await meterUsageJob.run(queued, { month: "2026-03-01" }, ctx);
    expect(reports()).toBe(1);
    expect(sent.map((r) => (r.args.items as unknown[]).length)).toEqual([8]);

    statements = [];
    await meterBandwidthJob.run(queued, meterBandwidthJob.args.parse(sent[0]!.args), ctx);
    expect(reports()).toBe(0);

    // In-process (no queue): the month's runs are measured first, then metered and announced once.
    statements = [];
    await meterBandwidthJob.run(deps(), { month: "2026-03-01" }, ctx);
    expect(reports()).toBe(1);
  });
});
