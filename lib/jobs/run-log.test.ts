import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { getJobRun, listJobRuns } from "./list-job-runs";
import { type JobFailedError, runJob } from "./run-job";
import { appendRunLog, maxRunLogLines } from "./run-log";

const getDb = setupAppTestDb();

describe("a run's own log", () => {
  it("keeps the newest lines only, oldest first", () => {
    let log = appendRunLog([], "info", "first");
    for (let i = 0; i < maxRunLogLines + 5; i++) log = appendRunLog(log, "info", `line ${i}`);
    expect(log).toHaveLength(maxRunLogLines);
    expect(log.at(0)?.message).toBe("line 5");
    expect(log.at(-1)?.message).toBe(`line ${maxRunLogLines + 4}`);
  });

  it("does not repeat a progress message that did not change", () => {
    const log = appendRunLog(appendRunLog([], "info", "droplet: 100 listed"), "info", "droplet: 100 listed");
    expect(log).toHaveLength(1);
  });

  it("records the start, each progress message, who started it and the outcome of a run", async () => {
    const { db } = getDb();
    const { runId } = await runJob(db, { job: "test-logged", trigger: "manual", startedBy: "Ada Admin" }, async (ctx) => {
      await ctx.reportProgress({ done: 1, total: 2, message: "half way", parts: { droplet: { pages: 1, items: 20, isDone: true } } });
      await ctx.reportProgress({ done: 2, total: 2, message: "all done" });
      return { summary: "2 things", counts: { things: 2 } };
    });
    const run = await getJobRun(db, runId);
    expect(run?.started_by).toBe("Ada Admin");
    expect(run?.log.map((l) => l.message)).toEqual(["started", "half way", "all done", "succeeded: 2 things"]);
    expect(run?.log.every((l) => !Number.isNaN(Date.parse(l.at)))).toBe(true);
    expect(run?.progress?.done).toBe(2);
  });

  it("ends a failed run's log with its error", async () => {
    const { db } = getDb();
    const err = await runJob(db, { job: "test-logged-failing", trigger: "cli" }, async () => {
      throw new Error("the listing broke");
    }).catch((e: unknown) => e);
    const run = await getJobRun(db, (err as JobFailedError).runId);
    expect(run?.log.at(-1)).toMatchObject({ level: "error", message: "failed: the listing broke" });
    expect(run?.started_by).toBeNull();
  });
});

describe("job runs for the Jobs page", () => {
  it("narrows the runs to one job and one outcome", async () => {
    const { db } = getDb();
    await db.insert(jobRuns).values([
      { job: "filter-a", trigger: "cron", status: "succeeded", finishedAt: new Date() },
      { job: "filter-a", trigger: "cron", status: "failed", error: "boom", finishedAt: new Date() },
      { job: "filter-b", trigger: "cron", status: "failed", error: "bang", finishedAt: new Date() },
    ]);
    const failedA = await listJobRuns(db, { job: "filter-a", status: "failed" });
    expect(failedA.map((r) => [r.job, r.status])).toEqual([["filter-a", "failed"]]);
    const failed = await listJobRuns(db, { status: "failed" });
    expect(failed.filter((r) => r.job.startsWith("filter-")).map((r) => r.job).sort()).toEqual(["filter-a", "filter-b"]);
  });

  it("finds a run by id, and answers null for an unknown id", async () => {
    const { db } = getDb();
    const [row] = await db.insert(jobRuns).values({ job: "lookup", trigger: "event", startedBy: "event arcadia/job.lookup.requested" }).returning();
    expect((await getJobRun(db, row!.id))?.started_by).toBe("event arcadia/job.lookup.requested");
    expect(await getJobRun(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await db.delete(jobRuns).where(eq(jobRuns.id, row!.id));
  });
});
