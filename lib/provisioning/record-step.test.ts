import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { seedProvisioningRequest } from "@/test/provisioning-factories";
import { recordPoll, recordSkipped, recordStep } from "./record-step";

// A saga's bookkeeping is paid on every step of every request: 100 concurrent creates spend most of their time in
// these statements (npm run bench -- provisioning), so a step's start is one round trip, not a read and then a write.
describe.runIf(testServerUrl())("step bookkeeping round trips", () => {
  let t: TestDb;
  let client: postgres.Sql;
  let db: Db;
  let statements: string[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    client = postgres(t.url!, { max: 2, onnotice: () => {} });
    db = drizzle(client, { schema, logger: { logQuery: (q) => void statements.push(q) } }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await t?.drop();
  });
  const counted = async <T>(fn: () => Promise<T>) => {
    statements = [];
    const result = await fn();
    return { result, statements: statements.length };
  };

  it("a new step costs its start and its end; a step already done costs no run of its work", async () => {
    const { id } = await seedProvisioningRequest(db, { status: "running" });
    let runs = 0;
    const work = async () => ({ droplet_id: ++runs });
    expect(await counted(() => recordStep(db, id, "create-droplet", work))).toEqual({ result: { droplet_id: 1 }, statements: 2 });
    expect((await recordStep(db, id, "create-droplet", work)).droplet_id).toBe(1);
    expect(runs).toBe(1);
  });

  it("a failed step runs again on its next attempt", async () => {
    const { id } = await seedProvisioningRequest(db, { status: "running" });
    await expect(recordStep(db, id, "tag", () => Promise.reject(new Error("DO was down")))).rejects.toThrow("DO was down");
    expect(await recordStep(db, id, "tag", async () => ({ tagged: true }))).toEqual({ tagged: true });
  });

  it("a skipped step is one statement, and keeps its first reason", async () => {
    const { id } = await seedProvisioningRequest(db, { status: "running" });
    expect(await counted(() => recordSkipped(db, id, "approval", "below the approval threshold"))).toEqual({ result: { skipped: "below the approval threshold" }, statements: 1 });
    expect(await recordSkipped(db, id, "approval", "another reason")).toEqual({ skipped: "below the approval threshold" });
  });

  it("a poll that finds DO still working is one statement; once done, the stored outcome answers", async () => {
    const { id } = await seedProvisioningRequest(db, { status: "running" });
    const waiting = await counted(() => recordPoll(db, id, "wait-create", 60_000, async () => ({ done: false as const })));
    expect(waiting).toEqual({ result: { done: false }, statements: 1 });
    await recordPoll(db, id, "wait-create", 60_000, async () => ({ done: true as const, output: { status: "completed" } }));
    let polled = false;
    const again = await recordPoll(db, id, "wait-create", 60_000, async () => {
      polled = true;
      return { done: false as const };
    });
    expect(again).toEqual({ done: true, output: { status: "completed" } });
    expect(polled).toBe(false);
  });
});
