import { describe, expect, it } from "vitest";
import { anomalyThresholdsOf, detectCostAnomaly, medianCents } from "./detect-cost-anomaly";

// The defaults: more than 50 % and more than US$100.00 above the trailing three months' median.
const t = { minPct: 50, minCents: 10_000 };

describe("the cost anomaly rule", () => {
  it("flags a month more than both 50 % and US$100 above the median of its three months before", () => {
    // Median of 400, 300, 500 is 400.00; 1,000.00 is 600.00 (150 %) above it.
    expect(detectCostAnomaly(100_000, [40_000, 30_000, 50_000], t)).toEqual({
      isAnomaly: true,
      baselineCents: 40_000,
      increaseCents: 60_000,
      increasePct: 150,
    });
  });

  it("needs both thresholds: a large percentage of a small amount, or a large amount that is a small percentage, is not one", () => {
    // 10.00 → 40.00: +300 % but only US$30 more.
    expect(detectCostAnomaly(4_000, [1_000, 1_000, 1_000], t)).toMatchObject({ isAnomaly: false, increasePct: 300 });
    // 10,000 → 12,000: US$2,000 more but only +20 %.
    expect(detectCostAnomaly(1_200_000, [1_000_000, 1_000_000, 1_000_000], t)).toMatchObject({ isAnomaly: false, increasePct: 20 });
  });

  it("asks for more than each threshold: exactly +50 % or exactly US$100 more is not flagged", () => {
    // Median 200.00: 300.00 is exactly +50 % (and exactly US$100).
    expect(detectCostAnomaly(30_000, [20_000, 20_000, 20_000], t).isAnomaly).toBe(false);
    expect(detectCostAnomaly(30_001, [20_000, 20_000, 20_000], t).isAnomaly).toBe(true);
    // Median 100.00: 200.00 is +100 % but exactly US$100 more; one cent more is flagged.
    expect(detectCostAnomaly(20_000, [10_000, 10_000, 10_000], t).isAnomaly).toBe(false);
    expect(detectCostAnomaly(20_001, [10_000, 10_000, 10_000], t).isAnomaly).toBe(true);
  });

  it("compares with the median, so one earlier spike does not hide the next", () => {
    // Mean of 100, 100, 900 is 366.67 (600 would be +64 %), the median is 100.00 (600 is +500 %).
    expect(detectCostAnomaly(60_000, [10_000, 90_000, 10_000], t)).toMatchObject({ isAnomaly: true, baselineCents: 10_000, increasePct: 500 });
  });

  it("does not judge a month with fewer than three months of cost data before it", () => {
    expect(detectCostAnomaly(1_000_000, [], t)).toEqual({ isAnomaly: false, baselineCents: null, increaseCents: null, increasePct: null });
    expect(detectCostAnomaly(1_000_000, [null, 100, 100], t).isAnomaly).toBe(false);
    expect(detectCostAnomaly(1_000_000, [100, 100], t).baselineCents).toBeNull();
  });

  it("with a zero median (a group new since), any percentage counts and only the US$ threshold decides", () => {
    // The group had no lines in three months that had invoices: each counts as zero.
    expect(detectCostAnomaly(10_001, [0, 0, 0], t)).toEqual({ isAnomaly: true, baselineCents: 0, increaseCents: 10_001, increasePct: null });
    expect(detectCostAnomaly(10_000, [0, 0, 0], t).isAnomaly).toBe(false);
    // A credit that stops: from a median of -150.00 to 0.00 is US$150 more.
    expect(detectCostAnomaly(0, [-15_000, -15_000, -20_000], t)).toMatchObject({ isAnomaly: true, baselineCents: -15_000, increasePct: null });
  });

  it("never flags a fall", () => {
    expect(detectCostAnomaly(0, [100_000, 100_000, 100_000], t)).toMatchObject({ isAnomaly: false, increaseCents: -100_000, increasePct: -100 });
  });

  it("takes its thresholds from the caller", () => {
    expect(detectCostAnomaly(4_000, [1_000, 1_000, 1_000], { minPct: 200, minCents: 2_000 }).isAnomaly).toBe(true);
    expect(detectCostAnomaly(4_000, [1_000, 1_000, 1_000], { minPct: 300, minCents: 2_000 }).isAnomaly).toBe(false);
  });
});

describe("medianCents", () => {
  it("is the middle value, or the mean of the middle two rounded half away from zero, as money is", () => {
    expect(medianCents([5, 1, 3])).toBe(3);
    expect(medianCents([4, 1, 2, 3])).toBe(3);
    expect(medianCents([1, 2])).toBe(2);
    expect(medianCents([-3, -2])).toBe(-3);
  });
});

describe("anomalyThresholdsOf", () => {
  it("turns the environment's dollars into cents without float error", () => {
    expect(anomalyThresholdsOf({ COST_ANOMALY_MIN_PCT: 50, COST_ANOMALY_MIN_USD: 100 })).toEqual({ minPct: 50, minCents: 10_000 });
    expect(anomalyThresholdsOf({ COST_ANOMALY_MIN_PCT: 12.5, COST_ANOMALY_MIN_USD: 12.34 })).toEqual({ minPct: 12.5, minCents: 1_234 });
  });
});
