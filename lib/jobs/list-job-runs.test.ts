import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { latestJobRunsByArg } from "./list-job-runs";

// A button per invoice follows its own invoice's ingest: the latest run whose `uuid` argument is that invoice's.

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function insertRun(job: string, args: Record<string, unknown>, agoSeconds: number, status: "running" | "succeeded" | "failed" = "succeeded") {
  const [row] = await t.db
    .insert(jobRuns)
    .values({ job, trigger: "manual", args, status, startedAt: sql`now() - make_interval(secs => ${agoSeconds})`, heartbeatAt: sql`now()` })
    .returning({ id: jobRuns.id });
  return row!.id;
}

describe("latestJobRunsByArg", () => {
  it("gives each argument value its job's newest run, ignoring other jobs and runs without the argument", async () => {
    await insertRun("ingest-invoice", { uuid: "a" }, 300, "failed");
    const a = await insertRun("ingest-invoice", { uuid: "a" }, 100);
    const b = await insertRun("ingest-invoice", { uuid: "b" }, 50, "running");
    await insertRun("ingest-invoice", {}, 10);
    await insertRun("other-job", { uuid: "a" }, 5);

    const latest = await latestJobRunsByArg(t.db, "ingest-invoice", "uuid");
    expect(Object.keys(latest).sort()).toEqual(["a", "b"]);
    expect(latest.a).toMatchObject({ id: a, status: "succeeded", args: { uuid: "a" } });
    expect(latest.b).toMatchObject({ id: b, status: "running" });
  });
});
