import { desc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cloudSyncRuns, jobRuns } from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { createTestDb, type TestDb } from "@/test/db";
import { latestSyncRun, listSyncRuns } from "@/lib/inventory/sync/list-sync-runs";
import { listSyncRunsQuery } from "@/lib/inventory/sync/schemas";
import { listJobRuns } from "./list-job-runs";
import { runJob } from "./run-job";

// A run whose process died (kill -9, OOM, redeploy) can never record its own outcome: its heartbeat stops, and the
// next run or sweep records it as abandoned. The real kill -9 of a child process is in scripts/job.test.ts.

let t: TestDb;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());
afterEach(() => {
  delete process.env.JOB_HEARTBEAT_TIMEOUT_SECONDS;
  resetEnvCache();
});

function setTimeoutSeconds(seconds: number) {
  process.env.JOB_HEARTBEAT_TIMEOUT_SECONDS = String(seconds);
  resetEnvCache();
}

/** A `running` row as a process that died `agoSeconds` ago left it. */
async function insertDeadRun(job: string, agoSeconds: number) {
  const [row] = await t.db
    .insert(jobRuns)
    .values({ job, trigger: "cli", startedAt: sql`now() - make_interval(secs => ${agoSeconds + 5})`, heartbeatAt: sql`now() - make_interval(secs => ${agoSeconds})` })
    .returning();
  return row!;
}

const getRun = async (id: string) => (await t.db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0]!;

describe("abandoned runs", () => {
  it("a running job's heartbeat moves on a timer while its work is under way", async () => {
    setTimeoutSeconds(1); // beats every 200ms
    let first: Date | undefined;
    let later: Date | undefined;
    await runJob(t.db, { job: "heartbeat-test", trigger: "cli" }, async (ctx) => {
      first = (await getRun(ctx.runId)).heartbeatAt;
      await sleep(700);
      later = (await getRun(ctx.runId)).heartbeatAt;
      return { summary: "ok" };
    });
    expect(later!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("the next run of the job marks a run with a stale heartbeat abandoned, saying when and why, and is not blocked by it", async () => {
    setTimeoutSeconds(60);
    const dead = await insertDeadRun("stale-test", 120);
    const alive = await insertDeadRun("stale-test", 5);
    const result = await runJob(t.db, { job: "stale-test", trigger: "cli" }, async () => ({ summary: "fine" }));
    const after = await getRun(dead.id);
    expect(after.status).toBe("abandoned");
    expect(after.finishedAt).toBeInstanceOf(Date);
    expect(after.error).toMatch(new RegExp(`^abandoned: no heartbeat since ${dead.heartbeatAt.toISOString().slice(0, 19)}.*over 60s`));
    expect((await getRun(alive.id)).status).toBe("running");
    expect((await getRun(result.runId)).status).toBe("succeeded");
  });

  it("any job's run sweeps every job's dead runs, sync runs included", async () => {
    setTimeoutSeconds(60);
    const dead = await insertDeadRun("some-other-job", 600);
    const [sync] = await t.db
      .insert(cloudSyncRuns)
      .values({ kinds: ["droplet"], trigger: "cron", heartbeatAt: sql`now() - interval '10 minutes'` })
      .returning();
    await runJob(t.db, { job: "sweeper", trigger: "cron" }, async () => ({ summary: "ok" }));
    expect((await getRun(dead.id)).status).toBe("abandoned");
    const [syncAfter] = await t.db.select().from(cloudSyncRuns).where(eq(cloudSyncRuns.id, sync!.id));
    expect(syncAfter).toMatchObject({ status: "abandoned", error: expect.stringMatching(/^abandoned: no heartbeat since/) });
  });

  it("the Jobs page's listing shows a stale run as abandoned before any sweep has recorded it", async () => {
    setTimeoutSeconds(60);
    const dead = await insertDeadRun("listed-job", 300);
    const [run] = await listJobRuns(t.db, { job: "listed-job" });
    expect(run).toMatchObject({ id: dead.id, status: "abandoned", error: expect.stringMatching(/^abandoned: no heartbeat since/) });
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, dead.id)).orderBy(desc(jobRuns.startedAt));
    expect(row?.status).toBe("running");
  });

  it("so does the inventory page's latest sync run, which would otherwise keep it refreshing", async () => {
    setTimeoutSeconds(60);
    const [sync] = await t.db
      .insert(cloudSyncRuns)
      .values({ kinds: ["droplet"], trigger: "cron", startedAt: sql`now() + interval '1 minute'`, heartbeatAt: sql`now() - interval '5 minutes'` })
      .returning();
    expect(await latestSyncRun(t.db)).toMatchObject({ id: sync!.id, status: "abandoned", error: expect.stringMatching(/^abandoned: no heartbeat since/) });
    const ids = async (status: string) => (await listSyncRuns(t.db, listSyncRunsQuery.parse({ status }))).data.map((r) => r.id);
    expect(await ids("abandoned")).toContain(sync!.id);
    expect(await ids("running")).not.toContain(sync!.id);
  });
});
