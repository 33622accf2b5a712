import { describe, expect, it } from "vitest";
import { computeMonthRevenue, type MonthRevenueInput, type RevenueAddon, type RevenueSubscription, type RevenueVersion } from "./compute-month-revenue";

// Every expectation below is worked out by hand in the comment beside it. April 2026 has 30 days.

const v1: RevenueVersion = {
  id: "v1",
  planCode: "studio",
  version: 1,
  basePriceCents: 5000,
  currency: "AUD",
  items: [
    { resourceKind: "droplet_hours", includedQty: 744, overageUnit: "hour", overagePriceCents: 2, hardCapQty: null },
    { resourceKind: "llm_tokens", includedQty: 2_000_000, overageUnit: "1M tokens", overagePriceCents: 300, hardCapQty: 20_000_000 },
    { resourceKind: "dns_zones", includedQty: 3, overageUnit: "zone", overagePriceCents: 100, hardCapQty: 5 },
  ],
};
const v2: RevenueVersion = {
  ...v1,
  id: "v2",
  version: 2,
  basePriceCents: 6000,
  items: [{ resourceKind: "droplet_hours", includedQty: 1000, overageUnit: "hour", overagePriceCents: 3, hardCapQty: null }],
};
const storage: RevenueAddon = { id: "a1", code: "storage-100", resourceKind: "dns_zones", qty: 2, priceCents: 1000, currency: "AUD" };

const sub = (overrides: Partial<RevenueSubscription> = {}): RevenueSubscription => ({
  id: "s1",
  tenantId: "acme",
  status: "active",
  startedAt: new Date("2026-01-10T08:00:00Z"),
  endedAt: null,
  versionId: "v1",
  migrations: [],
  addons: [],
  ...overrides,
});

const run = (subscriptions: RevenueSubscription[], usage: MonthRevenueInput["usage"] = new Map(), period = "2026-04-01") =>
  computeMonthRevenue({
    period,
    subscriptions,
    versions: new Map([
      ["v1", v1],
      ["v2", v2],
    ]),
    addons: new Map([["a1", storage]]),
    usage,
  });

const base = (r: ReturnType<typeof run>) => r.flatMap((t) => t.lines.filter((l) => l.type === "base").map((l) => [l.label, l.cents, l.days]));

describe("computeMonthRevenue: base price pro-rated by days", () => {
  it("a whole month is the whole price", () => {
    expect(base(run([sub()]))).toEqual([["studio v1", 5000, 30]]);
  });

  it("starting on the 11th (mid-afternoon) bills the 11th to the 30th: 5000 × 20/30 = 3333.33 → 3333", () => {
    expect(base(run([sub({ startedAt: new Date("2026-04-11T15:00:00Z") })]))).toEqual([["studio v1", 3333, 20]]);
  });

  it("ending at the start of the 16th bills the 1st to the 15th: 5000 × 15/30 = 2500", () => {
    expect(base(run([sub({ status: "canceled", endedAt: new Date("2026-04-16T00:00:00Z") })]))).toEqual([["studio v1", 2500, 15]]);
  });

  it("month edges: started 31 March 23:00, ended 1 May 00:00 → all 30 April days", () => {
    const r = run([sub({ startedAt: new Date("2026-03-31T23:00:00Z"), endedAt: new Date("2026-05-01T00:00:00Z"), status: "canceled" })]);
    expect(base(r)).toEqual([["studio v1", 5000, 30]]);
  });

  it("the last day alone: 5000 / 30 = 166.67 → 167; the month after the end bills nothing", () => {
    expect(base(run([sub({ startedAt: new Date("2026-04-30T12:00:00Z") })]))).toEqual([["studio v1", 167, 1]]);
    expect(run([sub({ endedAt: new Date("2026-04-01T00:00:00Z"), status: "canceled" })])).toEqual([]);
  });

  it("a leap February has 29 days: from the 15th, 5000 × 15/29 = 2586.2 → 2586", () => {
    expect(base(run([sub({ startedAt: new Date("2028-02-15T00:00:00Z") })], new Map(), "2028-02-01"))).toEqual([["studio v1", 2586, 15]]);
  });

  it("a trial earns nothing", () => {
    expect(run([sub({ status: "trialing" })])).toEqual([]);
  });
});

describe("computeMonthRevenue: add-ons", () => {
  it("pro-rates an add-on by the days held, times its quantity: 1000 × 2 × 15/30 = 1000", () => {
    const r = run([sub({ addons: [{ addonId: "a1", quantity: 2, startedAt: new Date("2026-04-16T10:00:00Z"), endedAt: null }] })]);
    expect(r[0]!.lines.filter((l) => l.type === "addon").map((l) => [l.label, l.cents, l.days])).toEqual([["storage-100 × 2", 1000, 15]]);
  });

  it("an add-on is billed only while the subscription runs: held all month, subscription ended on the 11th → 10 days, 1000 × 10/30 = 333", () => {
    const r = run([
      sub({ status: "canceled", endedAt: new Date("2026-04-11T00:00:00Z"), addons: [{ addonId: "a1", quantity: 1, startedAt: new Date("2026-01-01T00:00:00Z"), endedAt: null }] }),
    ]);
    expect(r[0]!.lines.find((l) => l.type === "addon")).toMatchObject({ cents: 333, days: 10 });
  });
});

describe("computeMonthRevenue: overage and the hard cap", () => {
  it("usage above the included quantity × the overage price: 800 h − 744 = 56 × 2¢ = 112; 3.5M tokens − 2M = 1.5 × 300¢ = 450", () => {
    const r = run([sub()], new Map([["acme", { droplet_hours: 800, llm_tokens: 3_500_000 }]]));
    const overage = r[0]!.lines.filter((l) => l.type === "overage").map((l) => [l.label, l.cents]);
    expect(overage).toEqual([
      ["droplet_hours", 112],
      ["llm_tokens", 450],
    ]);
    expect(r[0]!.usage.find((u) => u.resourceKind === "droplet_hours")).toMatchObject({ used: 800, included: 744, overageQty: 56, overageCents: 112 });
  });

  it("usage within the allowance earns nothing beyond the base price", () => {
    const r = run([sub()], new Map([["acme", { droplet_hours: 744, llm_tokens: 10 }]]));
    expect(r[0]!.lines.map((l) => l.type)).toEqual(["base"]);
  });

  it("never charges beyond the hard cap: 9 zones, 3 included, cap 5 → 2 × 100¢ = 200", () => {
    const r = run([sub()], new Map([["acme", { dns_zones: 9 }]]));
    expect(r[0]!.usage.find((u) => u.resourceKind === "dns_zones")).toMatchObject({ used: 9, included: 3, cap: 5, overageQty: 2, overageCents: 200 });
  });

  it("add-on allowances raise both the included quantity and the cap: +2 zones → included 5, cap 7; 9 used → 2 × 100¢", () => {
    const r = run([sub({ addons: [{ addonId: "a1", quantity: 1, startedAt: new Date("2026-04-20T00:00:00Z"), endedAt: null }] })], new Map([["acme", { dns_zones: 9 }]]));
    expect(r[0]!.usage.find((u) => u.resourceKind === "dns_zones")).toMatchObject({ included: 5, cap: 7, overageQty: 2, overageCents: 200 });
  });

  it("usage of a kind the plan does not include earns nothing; a tenant without a subscription shows usage only", () => {
    const r = run([sub()], new Map([["acme", { volume_gb_month: 50 }], ["globex", { droplet_hours: 100 }]]));
    expect(r.find((t) => t.tenantId === "acme")!.usage.find((u) => u.resourceKind === "volume_gb_month")).toMatchObject({ used: 50, included: 0, overageCents: 0 });
    expect(r.find((t) => t.tenantId === "globex")).toMatchObject({ planCode: null, lines: [], usage: [{ resourceKind: "droplet_hours", used: 100, included: 0 }] });
  });
});

describe("computeMonthRevenue: migration between versions", () => {
  const migrated = (effectiveAt: string) =>
    sub({ versionId: "v2", migrations: [{ fromVersionId: "v1", toVersionId: "v2", effectiveAt: new Date(effectiveAt) }] });

  it("a move on the 16th bills 15 days of v1 (2500) and 15 of v2 (6000 × 15/30 = 3000); usage uses v2's items", () => {
    const r = run([migrated("2026-04-16T09:30:00Z")], new Map([["acme", { droplet_hours: 1100 }]]));
    expect(base(r)).toEqual([
      ["studio v1", 2500, 15],
      ["studio v2", 3000, 15],
    ]);
    // v2 includes 1000 hours at 3¢: 100 × 3 = 300.
    expect(r[0]!.lines.find((l) => l.type === "overage")).toMatchObject({ label: "droplet_hours", cents: 300 });
    expect(r[0]).toMatchObject({ versionId: "v2" });
  });

  it("a move scheduled for the start of next month leaves this month on v1 entirely", () => {
    expect(base(run([migrated("2026-05-01T00:00:00Z")]))).toEqual([["studio v1", 5000, 30]]);
    expect(base(run([migrated("2026-05-01T00:00:00Z")], new Map(), "2026-05-01"))).toEqual([["studio v2", 6000, 31]]);
  });
});

describe("computeMonthRevenue: several subscriptions", () => {
  it("bills each base price, and usage once, against the subscription in force latest in the month", () => {
    const r = run(
      [
        sub({ id: "old", status: "canceled", endedAt: new Date("2026-04-10T00:00:00Z") }),
        sub({ id: "new", versionId: "v2", startedAt: new Date("2026-04-10T00:00:00Z") }),
      ],
      new Map([["acme", { droplet_hours: 1001 }]]),
    );
    // old: 9 days of 5000 = 1500; new: 21 days of 6000 = 4200; overage on v2: 1 × 3¢.
    expect(r[0]!.lines.map((l) => [l.subscriptionId, l.type, l.cents])).toEqual([
      ["old", "base", 1500],
      ["new", "base", 4200],
      ["new", "overage", 3],
    ]);
    expect(r[0]).toMatchObject({ primarySubscriptionId: "new", planCode: "studio" });
  });
});

describe("computeMonthRevenue: subscription status as it was in the month", () => {
  const changes = (...c: [string, "active" | "trialing" | "canceled"][]) => c.map(([at, status]) => ({ status, effectiveAt: new Date(at) }));

  it("a trial that became active on 21 April bills 21–30 April only (5000 × 10/30 = 1667), and nothing in March", () => {
    const s = sub({ statusChanges: changes(["2026-01-10T08:00:00Z", "trialing"], ["2026-04-21T09:00:00Z", "active"]) });
    expect(base(run([s]))).toEqual([["studio v1", 1667, 10]]);
    expect(run([s], new Map(), "2026-03-01")).toEqual([]);
  });

  it("active until it went back to a trial on the 11th: 10 days billed (1667); usage is billed against it all the same", () => {
    const s = sub({ status: "trialing", statusChanges: changes(["2026-01-10T08:00:00Z", "active"], ["2026-04-11T00:00:00Z", "trialing"]) });
    const r = run([s], new Map([["acme", { droplet_hours: 800 }]]));
    expect(base(r)).toEqual([["studio v1", 1667, 10]]);
    expect(r[0]).toMatchObject({ primarySubscriptionId: "s1", planCode: "studio" });
  });

  it("without recorded changes the current status holds for the whole subscription", () => {
    expect(base(run([sub({ statusChanges: [] })]))).toEqual([["studio v1", 5000, 30]]);
  });
});

describe("computeMonthRevenue: revenue accrued to a moment in the month", () => {
  // 2 April 14:07 UTC is 1 day 14 h 07 min = 137,220,000 ms into April's 2,592,000,000 ms (5.294 %).
  const asOf = new Date("2026-04-02T14:07:00Z");
  const accrued = (subscriptions: RevenueSubscription[], usage: MonthRevenueInput["usage"] = new Map()) =>
    computeMonthRevenue({ period: "2026-04-01", subscriptions, versions: new Map([["v1", v1]]), addons: new Map([["a1", storage]]), usage, asOf }).flatMap((t) =>
      t.lines.map((l) => [l.type, l.cents, l.accruedCents]),
    );

  it("base price by the exact time elapsed: 5000 × 137.22/2592 = 264.7 → 265 of the month's 5000", () => {
    expect(accrued([sub()])).toEqual([["base", 5000, 265]]);
  });

  it("a subscription starting after the moment has accrued nothing yet; the month's figure is still the whole month's", () => {
    expect(accrued([sub({ startedAt: new Date("2026-04-11T15:00:00Z") })])).toEqual([["base", 3333, 0]]);
  });

  it("add-ons like the base price, overage evenly over the month: 112 × 5.294 % = 5.93 → 6", () => {
    const held = [{ addonId: "a1", quantity: 2, startedAt: new Date("2026-04-01T00:00:00Z"), endedAt: null }];
    // add-on 2 × 1000 = 2000 × 137.22/2592 = 105.88 → 106.
    expect(accrued([sub({ addons: held })], new Map([["acme", { droplet_hours: 800 }]]))).toEqual([
      ["base", 5000, 265],
      ["addon", 2000, 106],
      ["overage", 112, 6],
    ]);
  });

  it("a moment at or after the month's end accrues the whole month", () => {
    const r = computeMonthRevenue({ period: "2026-04-01", subscriptions: [sub()], versions: new Map([["v1", v1]]), addons: new Map(), usage: new Map(), asOf: new Date("2026-05-03T00:00:00Z") });
    expect(r[0]!.lines[0]).toMatchObject({ cents: 5000, accruedCents: 5000 });
  });
});
