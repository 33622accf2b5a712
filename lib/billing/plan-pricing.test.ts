import { describe, expect, it } from "vitest";
import { pricePlan } from "./plan-pricing";

const base = {
  subscribers: 4,
  revenue: 22_000, // 4 × 50.00 base + 20.00 of overage
  baseRevenue: 20_000,
  cogs: 12_000, // 30.00 per subscriber
  cogsByKind: new Map([
    ["droplet", 10_000],
    ["volume", 2_000],
  ]),
  targetMarginPct: 60,
  planRate: "1",
  items: [
    { resourceKind: "droplet_hours" as const, includedQty: 1000 },
    { resourceKind: "llm_tokens" as const, includedQty: 2_000_000 },
  ],
};

describe("pricePlan", () => {
  it("break-even and target prices from COGS and the revenue beyond the base price", () => {
    // c = 30.00, x = 5.00: break-even 25.00; 60 %: 30.00 / 0.4 − 5.00 = 70.00.
    expect(pricePlan(base)).toMatchObject({ avgCogsPerSubscriber: 3000, extrasPerSubscriber: 500, breakEvenPriceCents: 2500, targetPriceCents: 7000 });
  });

  it("rounds up to the cent so the target is met, and converts into the plan's currency", () => {
    // 30.00 / 0.35 − 5.00 = 80.714… → 80.72 reporting; at 1 plan unit = 0.5 reporting: 161.43 (161.428…, up).
    expect(pricePlan({ ...base, targetMarginPct: 65 }).targetPriceCents).toBe(8072);
    expect(pricePlan({ ...base, targetMarginPct: 65, planRate: "0.5" }).targetPriceCents).toBe(16143);
  });

  it("never below zero, and nothing to say without subscribers or a rate", () => {
    expect(pricePlan({ ...base, cogs: 0 }).breakEvenPriceCents).toBe(0);
    expect(pricePlan({ ...base, subscribers: 0 })).toMatchObject({ avgCogsPerSubscriber: null, targetPriceCents: null });
    expect(pricePlan({ ...base, planRate: null }).targetPriceCents).toBeNull();
  });

  it("COGS per included unit for the kinds the meter attributes: droplets 100.00 / 4 / 1000 h = 2.5¢ an hour", () => {
    expect(pricePlan(base).perIncludedUnit).toEqual([
      { resourceKind: "droplet_hours", includedQty: 1000, cogsPerUnitCents: 2.5 },
      { resourceKind: "llm_tokens", includedQty: 2_000_000, cogsPerUnitCents: null },
    ]);
  });
});
