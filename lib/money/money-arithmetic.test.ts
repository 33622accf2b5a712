import { describe, expect, it } from "vitest";
import { allocateProRata } from "./allocate-pro-rata";
import { convertCents, decimalToScaled } from "./convert-cents";
import { prorate, roundDiv } from "./round-div";

describe("money arithmetic", () => {
  it("converts cents with a decimal rate, rounding half away from zero", () => {
    expect(convertCents(1000, "1.5")).toBe(1500);
    expect(convertCents(1, "1.5")).toBe(2);
    expect(convertCents(-1, "1.5")).toBe(-2);
    expect(convertCents(12345, "1.53124567")).toBe(18903); // 189.0322…
    expect(convertCents(9_007_199_254_740, "1.6")).toBe(14_411_518_807_584);
  });

  it("reads decimals exactly and refuses digits it would have to drop", () => {
    expect(decimalToScaled("1.53", 8)).toBe(153_000_000n);
    expect(decimalToScaled("-0.5", 2)).toBe(-50n);
    expect(decimalToScaled("2.50000", 2)).toBe(250n);
    expect(() => decimalToScaled("2.505", 2)).toThrow("more than 2 decimals");
    expect(() => decimalToScaled("1e3", 2)).toThrow("not a decimal");
  });

  it("pro-rates on integers", () => {
    expect(prorate(5000, 20, 30)).toBe(3333);
    expect(prorate(5000, 1, 30)).toBe(167);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(() => roundDiv(1n, 0n)).toThrow("division by zero");
  });

  it("allocates pro rata with parts that add up exactly", () => {
    expect(allocateProRata(795, [5112, 2500])).toEqual([534, 261]);
    expect(allocateProRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProRata(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(allocateProRata(100, [0, 0])).toEqual([0, 0]);
  });
});
