import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns, notificationOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { markAbandonedRuns } from "./mark-abandoned-runs";

// A run recorded as abandoned is announced (job.abandoned) in the transaction that records it, exactly once.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe("job.abandoned", () => {
  it("is written once for each run the sweep records as abandoned, naming the job and its last heartbeat", async () => {
    const [dead] = await t.db
      .insert(jobRuns)
      .values({ job: "sync-inventory", trigger: "cron", startedAt: sql`now() - interval '20 minutes'`, heartbeatAt: sql`now() - interval '10 minutes'` })
      .returning();
    await t.db.insert(jobRuns).values({ job: "detect-drift", trigger: "cron" }); // alive

    expect(await markAbandonedRuns(t.db, 300)).toMatchObject({ jobRuns: 1 });
    expect(await markAbandonedRuns(t.db, 300)).toMatchObject({ jobRuns: 0 });
    const events = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.type, "job.abandoned"));
    expect(events).toHaveLength(1);
    const [run] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, dead!.id));
    expect(events[0]!.data).toEqual({
      job_run_id: dead!.id,
      job: "sync-inventory",
      started_at: dead!.startedAt.toISOString(),
      heartbeat_at: dead!.heartbeatAt.toISOString(),
      error: run!.error,
    });
    expect(run!.error).toMatch(/^abandoned/);
  });
});
