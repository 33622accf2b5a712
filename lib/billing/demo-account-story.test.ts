import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { discoverInvoices, listInvoicesToIngest } from "@/lib/costs/discover-invoices";
import { ingestInvoice } from "@/lib/costs/ingest-invoice";
import { listCostAnomalies } from "@/lib/costs/list-cost-anomalies";
import { createDoClient } from "@/lib/digitalocean/client";
import { detectAll } from "@/lib/drift/detect-all";
import { seedDemoDrift } from "@/lib/drift/seed-demo-drift";
import { syncInventory } from "@/lib/inventory/sync/sync-inventory";
import { createTestDb, type TestDb } from "@/test/db";
import { startFakeDo } from "@/test/fake-do";
import { fetchFxRates } from "./fetch-fx-rates";
import { getMarginReport, marginMonths, marginTenants } from "./get-margin-report";
import { demoUnbilledTenants, seedDemoBilling } from "./seed-demo-billing";

// The demo as `npm run demo` loads it on first start (fake DO on seed 1, sync, invoices, ECB rates, the seed with
// ARCADIA_DEMO), on a fixed clock: the story its pages tell, checked on the figures the margin report computes.
const NOW = new Date("2026-12-01T22:00:00Z");

async function loadDemo(): Promise<TestDb> {
  const t = await createTestDb();
  const fake = await startFakeDo({ seed: 1, now: NOW });
  try {
    const client = createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1 });
    await syncInventory(t.db, client, { kinds: [], refreshProjects: true, trigger: "cli" });
    await discoverInvoices(t.db, client);
    for (const uuid of await listInvoicesToIngest(t.db)) await ingestInvoice(t.db, client, uuid);
    await fetchFxRates(t.db, { url: `${fake.url}/ecb/eurofxref-hist.xml`, reportingCurrency: "AUD", now: NOW });
    await seedStarterCatalog(t.db);
    await seedDemoBilling(t.db, NOW);
    await seedDemoDrift(t.db);
  } finally {
    await fake.close();
  }
  return t;
}

const report = (t: TestDb) =>
  getMarginReport(t.db, { from: "2025-12-01", to: "2026-11-01", allocateShared: false, currency: "AUD", tagPrefix: "tenant:", now: NOW });

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

  it("runs exactly two tenants unbilled: tagged resources, no subscription", async () => {
    const unbilled = marginTenants(await report(a)).filter((r) => r.tenantId && !r.isBilled);
    expect(unbilled.map((r) => r.tenantId).sort()).toEqual([...demoUnbilledTenants]);
    for (const r of unbilled) expect(r.cogs, r.tenantId ?? "").toBeGreaterThan(0);
  });

  it("bills one tenant bandwidth overage: Globex pays more than Pro's base price every month", async () => {
    const globex = marginTenants(await report(a)).find((r) => r.tenantId === "globex");
    expect(globex?.planCode).toBe("pro");
    expect(globex?.revenue).toBeGreaterThan(12 * 12_000);
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

  it("opens drift on its first sweep: a resize, an edited tag and a lost tag; reseeding records nothing new", async () => {
    const summary = await detectAll(a.db, { now: NOW });
    expect(summary).toMatchObject({ resources: 3, open: 3 });
    expect(await seedDemoDrift(a.db)).toBe("demo drift: 0 specs recorded");
  });

  it("is the same for the same seed: two fresh loads give the same figures, and reseeding changes nothing", async () => {
    const figures = async (t: TestDb) => marginMonths(await report(t)).map((m) => [m.period, m.revenue, m.cogs, m.shared]);
    expect(await figures(b)).toEqual(await figures(a));
    expect(await seedDemoBilling(a.db, NOW)).toBe("demo billing: 0 subscriptions created, 0 usage records");
    expect(await figures(a)).toEqual(await figures(b));
  });
});
