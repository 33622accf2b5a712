import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudDrift, jobRuns } from "@/db/schema";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { detectDrift } from "./detect-drift";
import { servedInngestFunctions } from "@/test/served-inngest-functions";

const getDb = setupAppTestDb();

beforeAll(() => {
  process.env.INNGEST_DEV = "1";
});

describe("the detect-drift Inngest function", () => {
  it("runs one real sweep and records it as a job run", async () => {
    const db = getDb().db;
    const r = await createResource(db, { sizeSlug: "s-2vcpu-4gb" });
    await recordProvisioned(db, r.id, { size_slug: "s-1vcpu-2gb" }, "saga");
    const { result } = await new InngestTestEngine({ function: detectDrift }).execute();
    expect(result).toMatchObject({ summary: expect.stringContaining("1 new drift"), counts: { opened: 1, open: 1 } });
    expect(await db.select().from(cloudDrift).where(and(eq(cloudDrift.resourceId, r.id), eq(cloudDrift.status, "open")))).toHaveLength(1);
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.job, "detect-drift"));
    expect(run).toMatchObject({ trigger: "cron", status: "succeeded", counts: { resources: 1, fields: 1, opened: 1 } });
  });

  it("is served by /api/inngest on its cron, :20 past the hour, after the :15 sync", async () => {
    const body = { functions: await servedInngestFunctions() };
    const fn = body.functions.find((f) => f.id === "arcadia-cloud-detect-drift");
    expect(fn?.triggers).toEqual(expect.arrayContaining([{ cron: "20 * * * *" }, { event: "arcadia/job.detect-drift.requested" }]));
  });
});
