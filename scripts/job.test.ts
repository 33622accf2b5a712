import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDbHandle, type Db } from "@/db/client";
import { cloudResourceEvents, cloudResources, cloudSyncRuns, jobRuns } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";

// `npm run job` as a real child process (tsx scripts/job.ts) against a database of its own and the fake DO in this
// process. With PGlite (no PostgreSQL configured) the child and this test take turns on one data directory.

const heartbeatTimeoutSeconds = 2;
let fake: FakeDo;
let t: TestDb | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 5, droplets: 320, now: new Date("2026-05-15T12:00:00Z") });
  t = await createTestDb();
  if (t.driver === "pglite") {
    await t.drop();
    t = undefined;
    dataDir = mkdtempSync(path.join(tmpdir(), "arcadia-job-cli-"));
  }
});
afterAll(async () => {
  await fake.close();
  await t?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => fake.faults.clear());

function startJob(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; output: string }> } {
  // Only what a job needs: no web-server secrets, as on an operator's shell.
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(t?.url ? { DATABASE_URL: t.url } : { DATA_DIR: dataDir }),
    DO_API_TOKEN: "test-token",
    DO_API_URL: fake.url,
    JOB_HEARTBEAT_TIMEOUT_SECONDS: String(heartbeatTimeoutSeconds),
    LOG_LEVEL: process.env.JOB_TEST_LOG_LEVEL ?? "silent",
  };
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions", "react-server", "scripts/job.ts", ...args], {
    cwd: path.resolve("."),
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the script in a child node process, and kill -9 must reach that one too.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));
  const done = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
  return { child, done };
}

const runJob = (...args: string[]) => startJob(args).done;

/** The child's database, opened by this process (with PGlite only while no child runs). */
async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  if (t) return work(t.db);
  const handle = createDbHandle({ dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const count = (db: Db, table: typeof cloudResourceEvents | typeof cloudResources, where?: ReturnType<typeof and>) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where)
    .then((r) => r[0]!.n);

describe("npm run job (child process)", () => {
  it("sync-inventory exits non-zero saying `incomplete` when a DO page comes back short, and tombstones nothing", async () => {
    const first = await runJob("sync-inventory", "droplet");
    expect(first.code, first.output).toBe(0);
    const before = await withDb(async (db) => ({ events: await count(db, cloudResourceEvents), live: await count(db, cloudResources) }));
    expect(before.live).toBe(fake.account.droplets.length);

    fake.faults.set("/v2/droplets", { type: "short_page", page: 2, drop: 40 });
    const short = await runJob("sync-inventory", "droplet");
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/^error: .*droplet: .*incomplete/m);

    await withDb(async (db) => {
      // Figure: false tombstones under the short-page fault.
      const tombstoned = await count(db, cloudResources, isNotNull(cloudResources.deletedAt));
      console.log(`false tombstones under a short DO page: ${tombstoned}`);
      expect(tombstoned).toBe(0);
      expect(await count(db, cloudResourceEvents)).toBe(before.events);
      const [run] = await db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(1);
      expect(run).toMatchObject({ job: "sync-inventory", status: "failed", error: expect.stringContaining("incomplete") });
    });
  }, 60_000);

  it("a run killed with SIGKILL mid-run is marked abandoned by the next run once its heartbeat is older than the bound", async () => {
    fake.faults.set("/v2/droplets", { type: "slow", delayMs: 60_000 });
    const listed = () => fake.requests.filter((r) => r.path === "/v2/droplets").length;
    const listedBefore = listed();
    const doomed = startJob(["sync-inventory", "droplet"]);
    await waitFor(() => listed() > listedBefore, 20_000); // mid-run: its runs are recorded and it waits on DO
    process.kill(-doomed.child.pid!, "SIGKILL");
    expect((await doomed.done).signal).toBe("SIGKILL");
    await waitFor(() => !isGroupAlive(doomed.child.pid!), 5_000); // the node process under tsx too

    const runningAfterKill = await withDb((db) => db.select().from(jobRuns).where(eq(jobRuns.status, "running")));
    expect(runningAfterKill).toHaveLength(1);
    const killedId = runningAfterKill[0]!.id;

    await new Promise((r) => setTimeout(r, heartbeatTimeoutSeconds * 1000 + 500));
    fake.faults.clear();
    const next = await runJob("sync-inventory", "droplet");
    expect(next.code, next.output).toBe(0);

    await withDb(async (db) => {
      const stillRunning = await db.select().from(jobRuns).where(eq(jobRuns.status, "running"));
      console.log(`runs left running after kill -9: ${runningAfterKill.length} before the bound, ${stillRunning.length} after it`);
      expect(stillRunning, JSON.stringify({ stillRunning, out: next.output })).toHaveLength(0);
      const [killed] = await db.select().from(jobRuns).where(eq(jobRuns.id, killedId));
      expect(killed).toMatchObject({ status: "abandoned", finishedAt: expect.any(Date), error: expect.stringMatching(/^abandoned: no heartbeat since/) });
      const [killedSync] = await db.select().from(cloudSyncRuns).where(eq(cloudSyncRuns.jobRunId, killedId));
      expect(killedSync).toMatchObject({ status: "abandoned", error: expect.stringMatching(/^abandoned/) });
      const [latest] = await db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(1);
      expect(latest).toMatchObject({ status: "succeeded" });
      expect(await db.select().from(cloudSyncRuns).where(and(eq(cloudSyncRuns.status, "running")))).toHaveLength(0);
    });
  }, 60_000);
});
