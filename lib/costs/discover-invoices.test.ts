import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudCostLines, cloudInvoices, jobRuns } from "@/db/schema";
import { createDoClient } from "@/lib/digitalocean/client";
import type { JobDeps } from "@/lib/jobs/job-definition";
import type { JobRequest } from "@/lib/jobs/job-queue";
import { runJob } from "@/lib/jobs/run-job";
import { createTestDb, type TestDb } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { discoverInvoices } from "./discover-invoices";
import { discoverInvoicesJob } from "./discover-invoices-job";

// An account billed since 2014: 137 invoices, each followed by a payment, 20 entries a page as DO defaults to.
const NOW = new Date("2026-05-15T12:00:00Z");
let t: TestDb;
let fake: FakeDo;
const newClient = () => createDoClient({ token: "t", baseUrl: fake.url, perPage: 20, retryBaseMs: 1 });

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeDo({
    seed: 5,
    now: NOW,
    invoicesMonths: 137,
    droplets: 3,
    volumes: 1,
    snapshots: 1,
    domains: 1,
    loadBalancers: 0,
    databases: 0,
    kubernetesClusters: 0,
    reservedIps: 0,
    apps: 0,
  });
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

describe("discoverInvoices", () => {
  it("pages through the whole history, records 137 invoices with their periods, and skips payments", async () => {
    const result = await discoverInvoices(t.db, newClient());
    const { invoices } = fake.billing.listInvoices();
    expect(invoices).toHaveLength(137);
    expect(result).toMatchObject({ invoices: 137, created: 137 });
    // Every invoice is followed by its payment; nothing but invoices was recorded.
    expect(result.skippedEntries).toBe(fake.billing.listBillingHistory().filter((e) => e.type !== "Invoice").length);
    expect(result.skippedEntries).toBeGreaterThan(100);
    const historyPages = fake.requests.filter((r) => r.path === "/v2/customers/my/billing_history");
    expect(historyPages.map((r) => r.query.page ?? "1")).toEqual(Array.from({ length: Math.ceil((137 + result.skippedEntries) / 20) }, (_, i) => String(i + 1)));

    const rows = await t.db.select().from(cloudInvoices).orderBy(asc(cloudInvoices.period));
    expect(rows).toHaveLength(137);
    expect(rows[0]?.period).toBe("2014-12-01");
    expect(rows.at(-1)?.period).toBe("2026-04-01");
    const expected = new Map(invoices.map((i) => [i.uuid, i]));
    for (const row of rows) {
      const invoice = expected.get(row.invoiceUuid)!;
      expect(row).toMatchObject({ period: `${invoice.period.key}-01`, amountCents: invoice.amountCents, invoiceId: invoice.invoiceId, status: "discovered" });
      // DO issues an invoice after its month ends: the period is not the issue date's month.
      expect(row.issuedAt!.getTime()).toBeGreaterThanOrEqual(invoice.period.end.getTime());
    }
    expect(result.pending).toHaveLength(137);
    expect(result.pending[0]).toBe(invoices[0]!.uuid);
  });

  it("is idempotent: a second walk creates nothing and keeps ingest state", async () => {
    await t.db.execute(sql`update cloud_invoices set status = 'ingested' where period < '2026-01-01'`);
    const again = await discoverInvoices(t.db, newClient());
    expect(again).toMatchObject({ invoices: 137, created: 0 });
    expect(again.pending).toHaveLength(4);
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(cloudInvoices);
    expect(count?.n).toBe(137);
    await t.db.execute(sql`update cloud_invoices set status = 'discovered'`);
  });

  it("as a job with Inngest configured, sends one ingest event per invoice still to ingest", async () => {
    await t.db.execute(sql`update cloud_invoices set status = 'ingested' where period < '2025-05-01'`);
    await t.db.execute(sql`update cloud_invoices set status = 'failed' where period = '2025-05-01'`);
    const sent: JobRequest[] = [];
    const deps: JobDeps = { db: t.db, doClient: newClient, sendJobRequest: async (request) => void sent.push(request) };
    const result = await runJob(t.db, { job: "discover-invoices", trigger: "cli" }, (ctx) => discoverInvoicesJob.run(deps, {}, ctx));
    expect(sent).toHaveLength(12);
    expect(new Set(sent.map((e) => e.job))).toEqual(new Set(["ingest-invoice"]));
    expect(sent.map((e) => e.args.uuid)).toContain(fake.billing.listInvoices().invoices[11]!.uuid);
    expect(result.summary).toContain("sent 12 to ingest");
    const [lines] = await t.db.select({ n: sql<number>`count(*)::int` }).from(cloudCostLines);
    expect(lines?.n).toBe(0);
    await t.db.execute(sql`update cloud_invoices set status = 'discovered'`);
  });

  it("as a job without Inngest, discovers and then ingests every invoice not yet ingested, in-process", async () => {
    const deps: JobDeps = { db: t.db, doClient: newClient };
    const result = await runJob(t.db, { job: "discover-invoices", trigger: "cli" }, (ctx) => discoverInvoicesJob.run(deps, {}, ctx));
    expect(result.counts).toMatchObject({ invoices: 137, pending: 137, ingested: 137, failed: 0 });
    const unreconciled = await t.db.execute(sql`select 1 from cloud_invoices where status <> 'ingested' or lines_total_cents <> amount_cents`);
    expect(Array.isArray(unreconciled) ? unreconciled.length : (unreconciled as { rows: unknown[] }).rows.length).toBe(0);
    const [run] = await t.db.select().from(jobRuns).orderBy(sql`started_at desc`).limit(1);
    expect(run).toMatchObject({ status: "succeeded", counts: expect.objectContaining({ ingested: 137 }) });

    // Nothing left: the next run ingests nothing.
    const next = await runJob(t.db, { job: "discover-invoices", trigger: "cli" }, (ctx) => discoverInvoicesJob.run(deps, {}, ctx));
    expect(next.counts).toMatchObject({ pending: 0, ingested: 0 });
    // 137 ingests in a row: a few seconds on PostgreSQL, longer on PGlite on a busy machine.
  }, 180_000);
});
