import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { captureLog } from "@/test/capture-log";
import { JobFailedError, runJob } from "./run-job";

const getDb = setupAppTestDb();
const logged = captureLog();

describe("runJob", () => {
  it("records and logs a failed query by its SQL and error, never its bound values", async () => {
    const { db } = getDb();
    const secret = "tenant-name-Sekret-4b1d9e";
    const run = runJob(db, { job: "test-failing-query", trigger: "cli" }, async () => {
      await db.execute(sql`select ${secret}::int as n`);
      return { summary: "unreachable" };
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect((err as Error).message).not.toContain(secret);
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, (err as JobFailedError).runId));
    expect(row?.status).toBe("failed");
    expect(row?.error).toMatch(/invalid input syntax for type integer/);
    expect(row?.error).not.toContain(secret);
    const line = logged()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === "job failed");
    expect(JSON.stringify(line)).toContain("::int as n");
    expect(logged()).not.toContain(secret);
  });
});
