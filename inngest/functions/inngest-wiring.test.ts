import { InngestTestEngine } from "@inngest/test";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { cloudResources } from "@/db/schema";
import { jobDefinitions } from "@/jobs/registry";
import { setupAppTestDb } from "@/test/app-db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { jobRequestedEvent, requestedByKey } from "@/lib/jobs/job-queue";
import { syncInventoryFast, syncInventoryFull } from "./sync-inventory";
import { servedInngestFunctions } from "@/test/served-inngest-functions";

const getDb = setupAppTestDb();
let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 3, droplets: 30, now: new Date("2026-05-15T12:00:00Z") });
  process.env.DO_API_TOKEN = "test-token";
  process.env.DO_API_URL = fake.url;
  process.env.INNGEST_DEV = "1";
});
afterAll(() => fake.close());

describe("Inngest functions", () => {
  it("the fast sync runs its real step: droplets land in the database and the run is recorded", async () => {
    const { result } = await new InngestTestEngine({ function: syncInventoryFast }).execute();
    expect(result).toMatchObject({ summary: expect.stringContaining("droplet"), runId: expect.any(String) });
    const [row] = await getDb().db.select({ n: sql<number>`count(*)::int` }).from(cloudResources);
    expect(row?.n).toBe(fake.account.droplets.length);
    const runs = await getDb().db.select().from(jobRuns);
    expect(runs.at(-1)).toMatchObject({ job: "sync-inventory", trigger: "cron", status: "succeeded", startedBy: "schedule droplets, every 5 minutes" });
  });

  it("a requested run (Run now) passes its event data as the job's args", async () => {
    const { result } = await new InngestTestEngine({
      function: syncInventoryFull,
      events: [{ name: jobRequestedEvent("sync-inventory"), data: { kinds: ["volume"] } }],
    }).execute();
    expect((result as { summary: string }).summary).toMatch(/^volume:/);
    const runs = await getDb().db.select().from(jobRuns);
    expect(runs.at(-1)).toMatchObject({ trigger: "event", args: { kinds: ["volume"] }, startedBy: "event arcadia/job.sync-inventory.requested" });
  });

  it("a run an admin asked for names the admin, and the name never reaches the job's args", async () => {
    await new InngestTestEngine({
      function: syncInventoryFull,
      events: [{ name: jobRequestedEvent("sync-inventory"), data: { kinds: ["volume"], [requestedByKey]: "ada@example.com" } }],
    }).execute();
    const runs = await getDb().db.select().from(jobRuns);
    expect(runs.at(-1)).toMatchObject({ trigger: "event", args: { kinds: ["volume"] }, startedBy: "ada@example.com" });
    expect(runs.at(-1)?.args).not.toHaveProperty(requestedByKey);
  });

  it("the real /api/inngest handler lists every function with its cron (in-band sync, dev mode)", async () => {
    const { GET } = await import("@/app/api/inngest/route");
    const { functions } = await import("./index");
    const info = await GET(new NextRequest("http://localhost/api/inngest"), undefined as never);
    expect(((await info.json()) as { function_count: number }).function_count).toBe(functions.length);

    const body = { functions: await servedInngestFunctions() };
    const crons = Object.fromEntries(body.functions.map((f) => [f.id, f.triggers.find((t) => t.cron)?.cron]));
    expect(crons).toMatchObject({
      "arcadia-cloud-sync-inventory": "15 * * * *",
      "arcadia-cloud-sync-inventory-fast": "*/5 * * * *",
      "arcadia-cloud-sync-inventory-slow": "40 3 * * *",
      "arcadia-cloud-meter-usage": "45 4 * * *",
      "arcadia-cloud-fetch-fx-rates": "30 17 * * *",
    });
    // One source for every schedule: each job's definition (one function per schedule), and nothing served without one.
    const defined = jobDefinitions.flatMap((j) => (j.schedules ?? [{ id: j.name, cron: j.cron }]).map((s) => [`arcadia-cloud-${s.id}`, s.cron]));
    expect(crons).toEqual(Object.fromEntries(defined));
    // Every function is a job's, run on request too, but the provisioning sagas, which run on their requests' events.
    for (const f of body.functions) {
      const prefix = f.id.startsWith("arcadia-cloud-provision-") ? "arcadia/provisioning." : "arcadia/job.";
      expect(f.triggers.some((t) => t.event?.startsWith(prefix)), f.id).toBe(true);
    }
  });

  it("every function that calls DO shares one budget keyed on the DO account: one such run at a time, across envs and instances", async () => {
    const body = { functions: await servedInngestFunctions() };
    const byId = new Map(body.functions.map((f) => [f.id.replace(/^arcadia-cloud-/, ""), f]));
    const callsDo = ["sync-inventory", "sync-inventory-fast", "sync-inventory-slow", "snapshot-balance", "discover-invoices", "ingest-invoice", "meter-bandwidth"];
    const budgets = callsDo.map((id) => [byId.get(id)?.concurrency ?? []].flat().find((c) => c.key?.startsWith('"do-account:')));
    for (const [i, budget] of budgets.entries()) expect(budget, callsDo[i]).toMatchObject({ scope: "account", limit: 1 });
    // The same key for all of them (a manual run waits for the scheduled one), naming the account without the token.
    expect(new Set(budgets.map((b) => b?.key)).size).toBe(1);
    expect(budgets[0]?.key).not.toContain(process.env.DO_API_TOKEN);
    for (const id of callsDo) expect(byId.get(id)?.throttle, id).toMatchObject({ key: budgets[0]?.key });
    // Bandwidth metering paces itself by runs of 50 requests: one a minute.
    expect(byId.get("meter-bandwidth")?.throttle).toMatchObject({ limit: 1, period: "1m" });
    // Functions that never call DO do not wait for its budget (their concurrency is a single limit of their own).
    for (const id of ["detect-drift", "meter-usage", "fetch-fx-rates"]) expect([byId.get(id)?.concurrency ?? []].flat().some((c) => c.key?.startsWith('"do-account:')), id).toBe(false);
  });
});
