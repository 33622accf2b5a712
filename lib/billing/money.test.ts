import { describe, expect, it } from "vitest";
import { createFxTable } from "./fx-table";
import { allocateProRata, convertCents, formatMoney, prorate } from "./money";
import { overageUnitSize } from "./overage-unit-size";

describe("money", () => {
  it("converts cents with a decimal rate, rounding half away from zero", () => {
    expect(convertCents(1000, "1.5")).toBe(1500);
    expect(convertCents(1, "1.5")).toBe(2);
    expect(convertCents(-1, "1.5")).toBe(-2);
    expect(convertCents(12345, "1.53124567")).toBe(18903); // 189.0322…
    expect(convertCents(9_007_199_254_740, "1.6")).toBe(14_411_518_807_584);
  });

  it("pro-rates on integers and formats two decimals", () => {
    expect(prorate(5000, 20, 30)).toBe(3333);
    expect(prorate(5000, 1, 30)).toBe(167);
    expect(formatMoney(-5)).toBe("-0.05");
    expect(formatMoney(123456)).toBe("1234.56");
  });

  it("allocates pro rata with parts that add up exactly", () => {
    expect(allocateProRata(795, [5112, 2500])).toEqual([534, 261]);
    expect(allocateProRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProRata(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(allocateProRata(100, [0, 0])).toEqual([0, 0]);
  });

  it("reads overage unit sizes", () => {
    expect(overageUnitSize("1M tokens")).toBe(1_000_000);
    expect(overageUnitSize("1K tokens")).toBe(1000);
    expect(overageUnitSize("100 GB")).toBe(100);
    expect(overageUnitSize("hour")).toBe(1);
    expect(overageUnitSize("GB-month")).toBe(1);
  });
});

describe("FX rates", () => {
  const table = createFxTable([
    { base: "USD", quote: "AUD", rate: "1.50", effectiveFrom: "2026-01-01" },
    { base: "USD", quote: "AUD", rate: "1.60", effectiveFrom: "2026-04-01" },
    { base: "USD", quote: "AUD", rate: "1.70", effectiveFrom: "2026-05-15" },
  ]);

  it("uses the rate in effect on the month's first day", () => {
    expect(table.rateFor("USD", "AUD", "2026-03-01")).toBe("1.50");
    expect(table.rateFor("USD", "AUD", "2026-04-01")).toBe("1.60");
    // A rate from mid-May applies from June: May's figures do not change when it is entered.
    expect(table.rateFor("USD", "AUD", "2026-05-01")).toBe("1.60");
    expect(table.rateFor("USD", "AUD", "2026-06-01")).toBe("1.70");
  });

  it("never guesses: no earlier rate, no inverse pair; the same currency is 1", () => {
    expect(table.rateFor("USD", "AUD", "2025-12-01")).toBeNull();
    expect(table.rateFor("AUD", "USD", "2026-04-01")).toBeNull();
    expect(table.rateFor("AUD", "AUD", "2020-01-01")).toBe("1");
  });
});
