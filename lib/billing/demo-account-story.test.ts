import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cloudDrift,
  cloudResources,
  notificationDeliveries,
  notificationDeliveryAttempts,
  notificationEndpoints,
  notificationOutbox,
  planVersions,
  plans,
  provisioningRequests,
  subscriptionMigrations,
  subscriptions,
} from "@/db/schema";
import { discoverInvoices, listInvoicesToIngest } from "@/lib/costs/discover-invoices";
import { ingestInvoice } from "@/lib/costs/ingest-invoice";
import { listCostAnomalies } from "@/lib/costs/list-cost-anomalies";
import { listInvoices } from "@/lib/costs/list-invoices";
import { seedDemoAccount } from "@/lib/demo/seed-demo-account";
import { demoWebhookEvents } from "@/lib/demo/seed-demo-webhook";
import { createDoClient } from "@/lib/digitalocean/client";
import { detectAll } from "@/lib/drift/detect-all";
import { syncInventory } from "@/lib/inventory/sync/sync-inventory";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import type { ProvisioningDeps } from "@/lib/provisioning/config";
import { createTestDb, type TestDb } from "@/test/db";
import { startFakeDo } from "@/test/fake-do";
import { localDelivery } from "@/test/notification-factories";
import { fetchFxRates } from "./fetch-fx-rates";
import { getMarginReport, marginMonths, marginPlans, marginTenants } from "./get-margin-report";
import { demoUnbilledTenants } from "./seed-demo-billing";

// The demo as `npm run demo` loads it on first start (fake DO on seed 1 with its demo story, the seed with
// ARCADIA_DEMO, sync, the seed again, a second sync, invoices, ECB rates, the drift sweep), on a fixed clock: the
// story its pages tell, checked on the figures the margin report computes. With WEBHOOK_ALLOW_PRIVATE, as the demo
// runs, the outbox is then drained to the fake's demo receiver as deliver-notifications does after every job.
const NOW = new Date("2026-12-01T22:00:00Z");
const deps = new Map<TestDb, ProvisioningDeps>();
let fakeUrl = "";

/** Provisioning as `npm run demo` runs it (PROVISIONING_ENABLED=1, the default US$200 approval threshold). */
function provisioningDeps(t: TestDb, client: ReturnType<typeof createDoClient>): ProvisioningDeps {
  const config = { isEnabled: true, isDryRun: false, tagPrefix: "tenant:", approvalThresholdCents: 20_000, projectId: undefined, pollIntervalMs: 10, actionTimeoutMs: 5000, leaseMs: 60_000, stepRetries: 0, retryBaseMs: 1 };
  return { db: t.db, doClient: () => client, config, now: () => NOW };
}
const seed = (t: TestDb) => seedDemoAccount(t.db, deps.get(t)!, { ...localDelivery, doApiUrl: fakeUrl }, NOW);

async function loadDemo(): Promise<TestDb> {
  const t = await createTestDb();
  const fake = await startFakeDo({ seed: 1, now: NOW, demoStory: true });
  fakeUrl = fake.url;
  try {
    const client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
    deps.set(t, provisioningDeps(t, client));
    const sync = () => syncInventory(t.db, client, { kinds: [], refreshProjects: true, trigger: "cli" });
    await seed(t);
    await sync();
    await seed(t);
    await sync();
    await discoverInvoices(t.db, client);
    for (const uuid of await listInvoicesToIngest(t.db)) await ingestInvoice(t.db, client, uuid);
    await fetchFxRates(t.db, { url: `${fake.url}/ecb/eurofxref-hist.xml`, reportingCurrency: "AUD", now: NOW });
    await detectAll(t.db, { now: NOW });
    await drainOutbox(t.db, localDelivery);
  } finally {
    await fake.close();
  }
  return t;
}

const report = (t: TestDb, from = "2025-12-01", to = "2026-11-01") =>
  getMarginReport(t.db, { from, to, allocateShared: false, currency: "AUD", tagPrefix: "tenant:", now: NOW });
const marginPct = (m: { revenue: number; cogs: number }) => ((m.revenue - m.cogs) / m.revenue) * 100;

let a: TestDb;
let b: TestDb;
beforeAll(async () => {
  a = await loadDemo();
  b = await loadDemo();
}, 180_000);
afterAll(async () => {
  await a?.drop();
  await b?.drop();
});

describe("the demo account", () => {
  it("has revenue, invoiced COGS and an ECB rate in every month of the last year", async () => {
    const months = marginMonths(await report(a));
    expect(months).toHaveLength(12);
    for (const m of months) {
      expect(m, m.period).toMatchObject({ hasCogs: true, isInvoiced: true, cogsMissing: [], revenueMissing: [] });
      expect(m.revenue, m.period).toBeGreaterThan(0);
      expect(m.ratesUsed.map((r) => [r.base, r.quote, r.source]), m.period).toEqual([["USD", "AUD", "ecb"]]);
    }
  });

  it("is a small healthy reseller: the last full month's gross margin is 25–45 %, and so is every month but the anomaly's", async () => {
    const months = marginMonths(await report(a));
    const byMonth = Object.fromEntries(months.map((m) => [m.period.slice(0, 7), Math.round(marginPct(m) * 10) / 10]));
    expect(byMonth["2026-11"]).toBeGreaterThanOrEqual(25);
    expect(byMonth["2026-11"]).toBeLessThanOrEqual(45);
    for (const [period, pct] of Object.entries(byMonth)) {
      if (period === "2026-08") expect(pct, period).toBeLessThan(0);
      else expect(pct, period).toBeGreaterThanOrEqual(20);
    }
  });

  it("has one plan under water: Starter earns less than Wonka's droplets cost; Studio and Pro cover their subscribers", async () => {
    const rows = marginPlans(await report(a, "2026-11-01", "2026-11-01")).filter((r) => r.planCode);
    const under = rows.filter((r) => r.revenue < r.cogs).map((r) => r.planCode);
    expect(under).toEqual(["starter"]);
    expect(rows.map((r) => r.planCode).sort()).toEqual(["pro", "starter", "studio"]);
  });

  it("raised Pro's price six months ago: Acme and Globex moved to version 2 from 1 June 2026, Initech stays on version 1", async () => {
    const versions = await a.db
      .select({ id: planVersions.id, version: planVersions.version, status: planVersions.status, price: planVersions.basePriceCents, publishedAt: planVersions.publishedAt })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(eq(plans.code, "pro"))
      .orderBy(asc(planVersions.version));
    expect(versions.map((v) => [v.version, v.status, v.price, v.publishedAt?.toISOString()])).toEqual([
      [1, "retired", 49_900, "2024-01-01T00:00:00.000Z"],
      [2, "active", 59_900, "2026-06-01T00:00:00.000Z"],
    ]);
    const subs = await a.db.select({ id: subscriptions.id, versionId: subscriptions.planVersionId }).from(subscriptions).orderBy(asc(subscriptions.id));
    const on = (v: number) => subs.filter((s) => s.versionId === versions[v - 1]!.id).map((s) => s.id);
    expect([on(1), on(2)]).toEqual([["demo-initech"], ["demo-acme", "demo-globex"]]);
    const moves = await a.db.select({ sub: subscriptionMigrations.subscriptionId, at: subscriptionMigrations.effectiveAt }).from(subscriptionMigrations);
    expect(moves.map((m) => [m.sub, m.at.toISOString()]).sort()).toEqual([
      ["demo-acme", "2026-06-01T00:00:00.000Z"],
      ["demo-globex", "2026-06-01T00:00:00.000Z"],
    ]);
    // The chart shows it: Acme pays the old price in May and the new one from June.
    const acme = async (month: string) => marginTenants(await report(a, month, month)).find((r) => r.tenantId === "acme")?.revenue;
    expect([await acme("2026-05-01"), await acme("2026-06-01")]).toEqual([49_900, 59_900]);
  });

  it("runs exactly two tenants unbilled: tagged resources, no subscription", async () => {
    const unbilled = marginTenants(await report(a)).filter((r) => r.tenantId && !r.isBilled);
    expect(unbilled.map((r) => r.tenantId).sort()).toEqual([...demoUnbilledTenants]);
    for (const r of unbilled) expect(r.cogs, r.tenantId ?? "").toBeGreaterThan(0);
  });

  it("bills one tenant bandwidth overage: Globex pays more than its plan's base price every month", async () => {
    for (const month of ["2026-05-01", "2026-11-01"]) {
      const globex = marginTenants(await report(a, month, month)).find((r) => r.tenantId === "globex");
      expect(globex?.planCode).toBe("pro");
      expect(globex?.revenue).toBeGreaterThan(month < "2026-06" ? 49_900 : 59_900);
    }
  });

  it("flags one cost anomaly month: the droplets of the month the analytics box ran", async () => {
    const thresholds = { minPct: 50, minCents: 10_000 }; // COST_ANOMALY_MIN_PCT / _USD's defaults
    const flagged: string[] = [];
    for (const m of marginMonths(await report(a))) {
      const anomalies = await listCostAnomalies(a.db, { month: m.period, groupBy: "kind", tagPrefix: "tenant:", thresholds });
      flagged.push(...anomalies.map((x) => `${m.period.slice(0, 7)} ${x.group}`));
    }
    // The GST on those droplets rises with them, so the month flags its tax line too.
    expect(flagged).toEqual(["2026-08 droplet", "2026-08 tax"]);
  });

  it("has one invoice that does not reconcile: October's, whose amount carries a credit its CSV leaves out", async () => {
    const { data } = await listInvoices(a.db, { limit: 100 });
    const off = data.filter((i) => i.reconciled === false);
    expect(off.map((i) => i.period)).toEqual(["2026-10-01"]);
    expect(data.filter((i) => i.reconciled === true)).toHaveLength(data.length - 1);
  });

  it("opens drift: a resize, an edited tag, a lost tag and a droplet destroyed at DO; reseeding records nothing new", async () => {
    const open = await a.db
      .select({ name: cloudResources.name, field: cloudDrift.field, deletedAt: cloudResources.deletedAt })
      .from(cloudDrift)
      .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
      .where(eq(cloudDrift.status, "open"))
      .orderBy(asc(cloudResources.name), asc(cloudDrift.field));
    expect(open.map((d) => [d.name, d.field, d.deletedAt !== null])).toEqual([
      ["tenant-globex-vm-1", "tags", false],
      ["tenant-hooli-vm-1", "size_slug", false],
      ["tenant-initech-vm-2", "exists", true],
      ["tenant-umbrella-vm-2", "tags", false],
    ]);
    expect((await seed(a)).at(2)).toBe("demo drift: 0 specs recorded");
  });

  it("has one provisioning request awaiting approval: Globex's US$1,008-a-month droplet, above the US$200 threshold", async () => {
    const rows = await a.db.select().from(provisioningRequests);
    expect(rows.map((r) => [r.tenantId, r.action, r.status, r.needsApproval, r.monthlyCogsCents, r.requestedBy])).toEqual([
      ["globex", "create_droplet", "awaiting_approval", true, 100_800, "demo-seed"],
    ]);
  });

  it("has deliveries in the log: one endpoint on the fake's receiver, every event it subscribes to delivered with a 204", async () => {
    const endpoints = await a.db.select().from(notificationEndpoints);
    expect(endpoints.map((e) => [e.status, e.createdBy, e.events])).toEqual([["enabled", "demo-seed", demoWebhookEvents]]);
    expect(endpoints[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo\/webhook-receiver$/);
    const log = await a.db
      .select({ type: notificationOutbox.type, status: notificationDeliveries.status, code: notificationDeliveryAttempts.statusCode })
      .from(notificationDeliveries)
      .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.eventId))
      .innerJoin(notificationDeliveryAttempts, eq(notificationDeliveryAttempts.deliveryId, notificationDeliveries.id));
    const types = new Set(log.map((r) => r.type));
    for (const type of ["drift.detected", "invoice.unreconciled", "usage.unbilled", "provisioning.requested"]) expect(types, type).toContain(type);
    expect(log.filter((r) => r.status !== "succeeded" || r.code !== 204)).toEqual([]);
    console.log(`demo deliveries: ${log.length} (${[...types].sort().join(", ")})`);
  });

  it("is the same for the same seed: two fresh loads give the same figures, and reseeding changes nothing", async () => {
    const figures = async (t: TestDb) => marginMonths(await report(t)).map((m) => [m.period, m.revenue, m.cogs, m.shared]);
    expect(await figures(b)).toEqual(await figures(a));
    expect(await seed(a)).toEqual([
      "catalog: 0 plans, 0 add-ons, 0 resource prices created",
      "demo billing: 0 subscriptions created, no price change, 0 usage records",
      "demo drift: 0 specs recorded",
      "demo provisioning: 0 requests created",
      "demo webhook: 0 endpoints registered",
    ]);
    expect(await figures(a)).toEqual(await figures(b));
    const months = marginMonths(await report(a));
    console.log(months.map((m) => `${m.period.slice(0, 7)} revenue ${m.revenue} COGS ${m.cogs} (shared ${m.shared}) margin ${marginPct(m).toFixed(1)} %`).join("\n"));
  });
});
