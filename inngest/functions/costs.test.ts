import { InngestTestEngine } from "@inngest/test";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudBalanceSnapshots, cloudInvoices, jobRuns } from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { setupAppTestDb } from "@/test/app-db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { jobRequestedEvent } from "@/lib/jobs/job-queue";
import { ingestInvoice } from "./ingest-invoice";
import { snapshotBalance } from "./snapshot-balance";
import { servedInngestFunctions } from "@/test/served-inngest-functions";

const getDb = setupAppTestDb();
let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 8, droplets: 5, invoicesMonths: 2, now: new Date("2026-05-15T12:00:00Z") });
  process.env.DO_API_TOKEN = "test-token";
  process.env.DO_API_URL = fake.url;
  process.env.INNGEST_DEV = "1";
  resetEnvCache();
});
afterAll(() => fake.close());

describe("the billing Inngest functions", () => {
  it("snapshot-balance runs its real step and stores DO's month-to-date balance", async () => {
    const { result } = await new InngestTestEngine({ function: snapshotBalance }).execute();
    expect((result as { summary: string }).summary).toMatch(/^month-to-date usage US\$\d+\.\d\d/);
    const [row] = await getDb().db.select().from(cloudBalanceSnapshots);
    expect(row?.monthToDateUsageCents).toBe(fake.billing.listInvoices().preview.amountCents);
  });

  it("ingest-invoice ingests the invoice its event names", async () => {
    const april = fake.billing.listInvoices().invoices[0]!;
    const { result } = await new InngestTestEngine({
      function: ingestInvoice,
      events: [{ name: jobRequestedEvent("ingest-invoice"), data: { uuid: april.uuid } }],
    }).execute();
    expect((result as { summary: string }).summary).toContain("reconciles");
    const [invoice] = await getDb().db.select().from(cloudInvoices).where(eq(cloudInvoices.invoiceUuid, april.uuid));
    expect(invoice).toMatchObject({ status: "ingested", linesTotalCents: april.amountCents, period: "2026-04-01" });
    const [run] = await getDb().db.select().from(jobRuns).where(eq(jobRuns.job, "ingest-invoice"));
    expect(run).toMatchObject({ trigger: "event", args: { uuid: april.uuid }, status: "succeeded" });
  });

  it("are served with their crons, and ingest-invoice runs one at a time per invoice", async () => {
    const body = { functions: await servedInngestFunctions() };
    const byId = new Map(body.functions.map((f) => [f.id, f]));
    const cron = (id: string) => byId.get(`arcadia-cloud-${id}`)?.triggers.find((t) => t.cron)?.cron;
    expect(cron("snapshot-balance")).toBe("7 * * * *");
    expect(cron("discover-invoices")).toBe("23 2 * * *");
    const ingest = byId.get("arcadia-cloud-ingest-invoice")!;
    expect(ingest.triggers).toEqual([{ event: jobRequestedEvent("ingest-invoice") }]);
    expect(ingest.concurrency).toEqual(expect.arrayContaining([expect.objectContaining({ key: "event.data.uuid", limit: 1 })]));
    const [count] = await getDb().db.select({ n: sql<number>`count(*)::int` }).from(jobRuns);
    expect(count?.n).toBeGreaterThan(0);
  });
});
