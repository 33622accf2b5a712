import { describe, expect, it } from "vitest";
import { buildMarginPeriods } from "./build-margin-periods";
import type { RevenueSubscription, RevenueVersion } from "./compute-month-revenue";
import { createFxTable, type FxSource } from "./fx-table";
import { groupByMonth, groupByPlan, groupByTenant, toMoneyItem } from "./group-margin";
import type { CogsAtom } from "./load-cogs";
import { monthItem } from "./margin-items";
import { filterTenantRows, tenantRowsCsv, toTenantMarginRows } from "./tenant-margin-rows";

// Hand-computed, November 2025 (30 days), reporting in AUD. Studio is AUD 50.00 a month, Dev USD 20.00; both held all
// month. COGS is DO's, in USD: acme's droplet 10.00 and an untagged (shared) droplet 4.00.

const studio: RevenueVersion = { id: "studio-1", planCode: "studio", version: 1, basePriceCents: 5000, currency: "AUD", items: [] };
const dev: RevenueVersion = { id: "dev-1", planCode: "dev", version: 1, basePriceCents: 2000, currency: "USD", items: [] };
const sub = (id: string, tenantId: string, versionId: string): RevenueSubscription => ({
  id,
  tenantId,
  status: "active",
  startedAt: new Date("2025-01-01T00:00:00Z"),
  endedAt: null,
  versionId,
  migrations: [],
  addons: [],
});
const cogs: CogsAtom[] = [
  { period: "2025-11-01", tenantId: "acme", kind: "droplet", currency: "USD", cents: 1000 },
  { period: "2025-11-01", tenantId: null, kind: "droplet", currency: "USD", cents: 400 },
];
type Rate = { base: string; quote: string; rate: string; effectiveFrom: string; source: FxSource };

function build(subs: RevenueSubscription[], rates: Rate[] = [], allocateShared = false) {
  return buildMarginPeriods({
    periods: ["2025-11-01"],
    revenue: { subscriptions: subs, versions: new Map([studio, dev].map((v) => [v.id, v])), addons: new Map(), usage: new Map() },
    cogs: { atoms: cogs, estimated: new Set(), invoiced: new Set(["2025-11-01"]), snapshots: new Map(), resourcesByTenant: new Map() },
    fx: createFxTable(rates),
    currency: "AUD",
    allocateShared,
  });
}

describe("margin without an exchange rate: only what needs a rate is missing", () => {
  it("a tenant on an AUD plan keeps its revenue; COGS (USD) and the margin are missing, naming the pair", () => {
    const [month] = groupByMonth(build([sub("s1", "acme", "studio-1")]));
    expect(monthItem(month!, "AUD")).toMatchObject({
      month: "2025-11",
      revenue: "50.00",
      cogs: null,
      margin: null,
      margin_pct: null,
      shared_cogs: null,
      cogs_by_kind: null,
      currency: "AUD",
      fx_missing: true,
      missing_fx_pairs: ["USD/AUD"],
      fx_rates: [],
    });
  });

  it("per tenant and per plan: revenue in AUD is shown, revenue in USD is not", () => {
    const periods = build([sub("s1", "acme", "studio-1"), sub("s2", "globex", "dev-1")]);
    const tenants = groupByTenant(periods).map((r) => [r.tenantId, toMoneyItem(r, "AUD")] as const);
    expect(tenants.map(([id, i]) => [id, i.revenue, i.cogs, i.margin, i.fx_missing, i.missing_fx_pairs])).toEqual([
      ["acme", "50.00", null, null, true, ["USD/AUD"]],
      ["globex", null, null, null, true, ["USD/AUD"]],
      [null, "0.00", null, null, true, ["USD/AUD"]],
    ]);
    const plans = groupByPlan(periods).map((r) => [r.planCode, toMoneyItem(r, "AUD").revenue]);
    expect(plans).toEqual([
      ["dev", null],
      ["studio", "50.00"],
      [null, "0.00"],
    ]);
    // The month needs the USD revenue too: its total is missing.
    expect(monthItem(groupByMonth(periods)[0]!, "AUD")).toMatchObject({ revenue: null, cogs: null, fx_missing: true });
  });

  it("the tenant CSV: AUD revenue kept, empty COGS and margin, fx_missing true", () => {
    const report = {
      from: "2025-11-01",
      to: "2025-11-01",
      currency: "AUD",
      allocateShared: false,
      periods: build([sub("s1", "acme", "studio-1")]),
      tenantNames: new Map(),
      resourcesByTenant: new Map(),
      unbilled: new Map(),
    };
    const [, acme, shared] = tenantRowsCsv(report, toTenantMarginRows(report)).split("\r\n");
    // month,tenant_id,tenant_name,plan_code,revenue,cogs,shared_cogs,margin,margin_pct,currency,is_estimate,fx_missing,billed,unbilled_since,usage
    expect(acme).toBe("2025-11,acme,,studio,50.00,,,,,AUD,false,true,true,,");
    expect(shared).toBe("2025-11,,,,0.00,,,,,AUD,false,true,true,,");
  });

  it("allocating shared cost pro rata to revenue needs every tenant's revenue: without it no tenant's COGS is shown", () => {
    const periods = build([sub("s1", "acme", "studio-1"), sub("s2", "globex", "dev-1")], [], true);
    for (const row of groupByTenant(periods)) expect(toMoneyItem(row, "AUD").cogs).toBeNull();
  });

  it("with the rate, everything converts and the month names the rate it used", () => {
    // Manual 1.6 from 1 November beats the ECB's 1.5 of the same date; 31 October's ECB 1.4 is older.
    const rates: Rate[] = [
      { base: "USD", quote: "AUD", rate: "1.40000000", effectiveFrom: "2025-10-31", source: "ecb" },
      { base: "USD", quote: "AUD", rate: "1.50000000", effectiveFrom: "2025-11-01", source: "ecb" },
      { base: "USD", quote: "AUD", rate: "1.60000000", effectiveFrom: "2025-11-01", source: "manual" },
    ];
    const [month] = groupByMonth(build([sub("s1", "acme", "studio-1"), sub("s2", "globex", "dev-1")], rates));
    // Revenue 50.00 + 20.00 × 1.6 = 82.00; COGS (10.00 + 4.00) × 1.6 = 22.40; margin 59.60 = 72.68 % of 82.00.
    expect(monthItem(month!, "AUD")).toMatchObject({
      revenue: "82.00",
      cogs: "22.40",
      margin: "59.60",
      margin_pct: 72.68,
      shared_cogs: "6.40",
      fx_missing: false,
      missing_fx_pairs: [],
      fx_rates: [{ pair: "USD/AUD", rate: "1.60000000", effective_from: "2025-11-01", source: "manual" }],
    });
  });
});

describe("unbilled tenants: tagged usage nobody is billed for", () => {
  const rate: Rate[] = [{ base: "USD", quote: "AUD", rate: "1.50000000", effectiveFrom: "2025-01-01", source: "manual" }];
  // USD COGS at 1.5: acme 10.00 → 15.00 (subscribed), hooli 2.00 → 3.00 (trial only), wayne 3.00 → 4.50 (its
  // subscription ended in October), ghost 1.00 → 1.50 (arcadia-app never sent it); shared 4.00 → 6.00.
  const atoms: CogsAtom[] = [
    ...cogs,
    { period: "2025-11-01", tenantId: "hooli", kind: "droplet", currency: "USD", cents: 200 },
    { period: "2025-11-01", tenantId: "wayne", kind: "volume", currency: "USD", cents: 300 },
    { period: "2025-11-01", tenantId: "ghost", kind: "droplet", currency: "USD", cents: 100 },
  ];
  const periods = buildMarginPeriods({
    periods: ["2025-11-01"],
    revenue: {
      subscriptions: [
        sub("s1", "acme", "studio-1"),
        { ...sub("s2", "hooli", "studio-1"), status: "trialing" },
        { ...sub("s3", "wayne", "studio-1"), status: "canceled", endedAt: new Date("2025-10-20T00:00:00Z") },
      ],
      versions: new Map([[studio.id, studio]]),
      addons: new Map(),
      usage: new Map(),
    },
    cogs: { atoms, estimated: new Set(), invoiced: new Set(["2025-11-01"]), snapshots: new Map(), resourcesByTenant: new Map() },
    fx: createFxTable(rate),
    currency: "AUD",
    allocateShared: false,
    knownTenants: new Set(["acme", "hooli", "wayne"]),
  });

  it("each gets its own row, billed: false, with the reason; the shared row keeps only untagged cost", () => {
    const rows = groupByTenant(periods).map((r) => [r.tenantId, r.isBilled, r.unbilledReason, toMoneyItem(r, "AUD").cogs, r.unbilledCogs]);
    expect(rows).toEqual([
      ["acme", true, null, "15.00", 0],
      ["ghost", false, "unknown_tenant", "1.50", 150],
      ["hooli", false, "trial", "3.00", 300],
      ["wayne", false, "no_subscription", "4.50", 450],
      [null, true, null, "6.00", 0],
    ]);
  });

  it("the tenants view filters them in or out by the URL's billed=; the shared row goes with the billed ones", () => {
    const report = {
      from: "2025-11-01",
      to: "2025-11-01",
      currency: "AUD",
      allocateShared: false,
      periods,
      tenantNames: new Map(),
      resourcesByTenant: new Map([["wayne", 2]]),
      unbilled: new Map([["wayne", { since: new Date("2025-10-20T00:00:00Z") }]]),
    };
    const rows = toTenantMarginRows(report);
    expect(filterTenantRows(rows, "unbilled").map((r) => r.tenantId)).toEqual(["ghost", "hooli", "wayne"]);
    expect(filterTenantRows(rows, "billed").map((r) => r.tenantId)).toEqual(["acme", null]);
    expect(rows.find((r) => r.tenantId === "wayne")).toMatchObject({ isBilled: false, unbilledReason: "no_subscription", unbilledSince: "2025-10-20T00:00:00.000Z", resources: 2, cogs: 450 });
    const csv = tenantRowsCsv(report, filterTenantRows(rows, "unbilled")).split("\r\n");
    expect(csv[3]).toBe("2025-11,wayne,,,0.00,4.50,0.00,-4.50,,AUD,false,false,false,2025-10-20T00:00:00.000Z,");
  });

  it("the month totals the leakage: 1.50 + 3.00 + 4.50 = 9.00 over three tenants, within COGS 30.00", () => {
    const item = monthItem(groupByMonth(periods)[0]!, "AUD");
    expect(item).toMatchObject({ revenue: "50.00", cogs: "30.00", unbilled_cogs: "9.00", unbilled_tenants: 3 });
  });
});

describe("a month without an invoice nor a snapshot yet", () => {
  it("is reported to the clock: revenue accrued so far, no COGS and no margin, each said", () => {
    // 10 November 12:00 is 9.5 of 30 days: 50.00 × 9.5/30 = 15.83.
    const [p] = buildMarginPeriods({
      periods: ["2025-11-01"],
      revenue: { subscriptions: [sub("s1", "acme", "studio-1")], versions: new Map([[studio.id, studio]]), addons: new Map(), usage: new Map() },
      cogs: { atoms: [], estimated: new Set(), invoiced: new Set(), snapshots: new Map(), resourcesByTenant: new Map() },
      fx: createFxTable([]),
      currency: "AUD",
      allocateShared: false,
      now: new Date("2025-11-10T12:00:00Z"),
    });
    expect(monthItem(groupByMonth([p!])[0]!, "AUD")).toMatchObject({
      revenue: "15.83",
      cogs: null,
      margin: null,
      margin_pct: null,
      estimate: true,
      cogs_missing_reason: "no_invoice_or_snapshot",
      projection: { revenue: "50.00", cogs: null, margin: null },
      estimate_basis: { source: "clock", days_into_month: 10, label: "no balance snapshot yet: revenue to date as of 12:00 on 10 Nov (UTC), 10 days into the month" },
    });
  });
});
