import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { jobRuns, usageRecords } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { resetEnvCache } from "@/lib/platform/env";
import { jobRequestedEvent } from "@/lib/jobs/job-queue";
import { meterUsage } from "./meter-usage";

const getDb = setupAppTestDb();
beforeAll(() => {
  // Without DO the droplet's bandwidth cannot be measured; the run says so and meters the rest.
  delete process.env.DO_API_TOKEN;
  resetEnvCache();
});

describe("the meter-usage Inngest function", () => {
  it("runs the real job for a requested month and records the run", async () => {
    await createResource(getDb().db, { tags: ["tenant:acme"], providerCreatedAt: new Date("2026-01-01T00:00:00Z") });
    const { result } = await new InngestTestEngine({
      function: meterUsage,
      events: [{ name: jobRequestedEvent("meter-usage"), data: { month: "2026-04" } }],
    }).execute();
    expect((result as { summary: string }).summary).toBe(
      "2026-04: 1 usage records for 1 tenants from 1 resources (bandwidth of 30 droplet-days not measured: DO is not configured)",
    );
    const [usage] = await getDb().db.select().from(usageRecords);
    expect(usage).toMatchObject({ tenantId: "acme", resourceKind: "droplet_hours", quantity: "720.000000", period: "2026-04-01" });
    expect((await getDb().db.select().from(jobRuns)).at(-1)).toMatchObject({ job: "meter-usage", trigger: "event", status: "succeeded" });
  });
});
