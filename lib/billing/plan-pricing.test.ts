import { describe, expect, it } from "vitest";
import { pricePlan } from "./plan-pricing";

// Four subscribers of one plan in a month, reporting cents: their tagged COGS and their revenue beyond the base price
// (add-ons, overage). Totals: COGS 120.00 (30.00 each on average), extras 20.00 (5.00 each).
const base = {
  subscribers: [
    { cogs: 1_000, extras: 0 },
    { cogs: 3_000, extras: 1_000 },
    { cogs: 2_000, extras: 0 },
    { cogs: 6_000, extras: 1_000 },
  ],
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

describe("pricePlan: prices from COGS per subscription of the plan", () => {
  it("the average subscriber: c = 30.00, x = 5.00: break-even 25.00; 60 %: 30.00 / 0.4 − 5.00 = 70.00", () => {
    expect(pricePlan(base).average).toEqual({ cogsPerSubscriber: 3000, extrasPerSubscriber: 500, breakEvenPriceCents: 2500, targetPriceCents: 7000 });
  });

  it("the spread, by COGS rank (nearest rank): the median subscriber (20.00, no extras) and the p90 one (60.00, 10.00 extras)", () => {
    const r = pricePlan(base);
    // Median: 20.00 to break even, 20.00 / 0.4 = 50.00. p90: 60.00 − 10.00 = 50.00; 60.00 / 0.4 − 10.00 = 140.00.
    expect(r.median).toEqual({ cogsPerSubscriber: 2000, extrasPerSubscriber: 0, breakEvenPriceCents: 2000, targetPriceCents: 5000 });
    expect(r.p90).toEqual({ cogsPerSubscriber: 6000, extrasPerSubscriber: 1000, breakEvenPriceCents: 5000, targetPriceCents: 14000 });
    expect(r.subscribers).toBe(4);
  });

  it("rounds up to the cent so the target is met, and converts into the plan's currency", () => {
    // 30.00 / 0.35 − 5.00 = 80.714… → 80.72 reporting; at 1 plan unit = 0.5 reporting: 161.43 (161.428…, up).
    expect(pricePlan({ ...base, targetMarginPct: 65 }).average?.targetPriceCents).toBe(8072);
    expect(pricePlan({ ...base, targetMarginPct: 65, planRate: "0.5" }).average?.targetPriceCents).toBe(16143);
  });

  it("meets a target to the tenth of a percent, as the stored target is kept: 37.5 %: 30.00 / 0.625 − 5.00 = 43.00", () => {
    expect(pricePlan({ ...base, targetMarginPct: 37.5 }).average?.targetPriceCents).toBe(4300);
  });

  it("never below zero, and nothing to say without subscribers or a rate", () => {
    expect(pricePlan({ ...base, subscribers: base.subscribers.map((s) => ({ ...s, cogs: 0 })) }).average?.breakEvenPriceCents).toBe(0);
    expect(pricePlan({ ...base, subscribers: [] })).toMatchObject({ subscribers: 0, average: null, median: null, p90: null });
    expect(pricePlan({ ...base, planRate: null }).average?.targetPriceCents).toBeNull();
  });

  it("COGS per included unit for the kinds the meter attributes: droplets 100.00 / 4 / 1000 h = 2.5¢ an hour", () => {
    expect(pricePlan(base).perIncludedUnit).toEqual([
      { resourceKind: "droplet_hours", includedQty: 1000, cogsPerUnitCents: 2.5 },
      { resourceKind: "llm_tokens", includedQty: 2_000_000, cogsPerUnitCents: null },
    ]);
  });
});
